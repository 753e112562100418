import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { pgSkipNote, pgTestServer, usePgTestDatabase } from '../testing/pg-test-database.js';
import { citizenWaId, scriptFor } from './conversations.js';
import { postDelivery, signedTextDelivery } from './deliver.js';
import { type ServerProcess, spawnServer } from './spawn-server.js';

const SECRET = 'two-instances-secret';
const TOKEN = 'two-instances-token';
const CITIZENS = 24;
const PER_CITIZEN = 13; // a whole birth application or complaint, ending in "yes"
const KILL_AFTER_ACKS = 120;
// each instance has at most this many sends in flight (80/s × 1 s): the at-least-once
// window of the killed one (the Cloud API has no idempotency key)
const OUTBOX_CONCURRENCY = 80;

const servers: ServerProcess[] = [];
let graph: FakeGraphServer | undefined;
afterEach(async () => {
  for (const s of servers.splice(0))
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await graph?.close();
});

async function backlog(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `select (select count(*) from messages where direction = 'in' and process_status = 'pending')
          + (select count(*) from messages where direction = 'out' and send_status in ('queued', 'sending')) as n`,
  );
  return Number(rows[0].n);
}

/**
 * Issue 14's fault test: two server processes on one PostgreSQL behind the same webhook; Meta
 * delivers a quarter of the messages twice, to both instances at once; one instance is
 * SIGKILLed mid-burst and Meta retries what it did not acknowledge on the other. Every
 * acknowledged message must be answered exactly once, in order per citizen, with no case
 * made twice, and the survivor must finish the dead one's work once its leases expire.
 */
describe.skipIf(!pgTestServer.available)(`two instances on one PostgreSQL${pgSkipNote}`, () => {
  const database = usePgTestDatabase();

  it('answer every acknowledged message once and in order when one is SIGKILLed mid-burst', {
    timeout: 150_000,
  }, async () => {
    graph = await startFakeGraphServer({ accessToken: TOKEN });
    const env = (id: string) => ({
      DATABASE_URL: database.url(),
      DATABASE_POOL_SIZE: '6',
      INSTANCE_ID: id,
      // short leases so the survivor takes over within seconds (defaults: 30 s / 15 s)
      TURN_LEASE_MS: '3000',
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: graph?.url ?? '',
      ENGINE: 'offline',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000',
    });
    // one after the other: the second finds the migrations applied (both at once is tested in open-pg)
    const a = await spawnServer({ env: env('a'), readyTimeoutMs: 30_000 });
    servers.push(a);
    const b = await spawnServer({ env: env('b'), readyTimeoutMs: 30_000 });
    servers.push(b);

    const plan = Array.from({ length: CITIZENS }, (_, c) =>
      scriptFor(c, PER_CITIZEN).map((text, i) => ({
        waId: citizenWaId(14, c),
        wamid: `wamid.PG2.${c}.${i}`,
        text,
      })),
    );
    const acked = new Set<string>();
    let killed = false;
    await Promise.all(
      plan.map(async (msgs, c) => {
        for (const [i, m] of msgs.entries()) {
          const d = signedTextDelivery({ ...m, secret: SECRET });
          // any instance takes any delivery; a quarter arrive twice, to both at once
          const [first, other] = (c + i) % 2 === 0 ? [a, b] : [b, a];
          const targets = i % 4 === 1 ? [first, other] : [first];
          const statuses = await Promise.all(targets.map((s) => postDelivery(s.url, d)));
          // Meta retries a delivery nobody acknowledged (the killed instance): on the survivor
          while (!statuses.includes(200)) statuses.push(await postDelivery(b.url, d));
          acked.add(m.wamid);
          if (!killed && acked.size >= KILL_AFTER_ACKS) {
            killed = true;
            a.child.kill('SIGKILL');
          }
        }
      }),
    );
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const client = new pg.Client({ connectionString: database.url() });
    await client.connect();
    try {
      const deadline = Date.now() + 90_000;
      let left = await backlog(client);
      while (left > 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        left = await backlog(client);
      }
      expect(left).toBe(0);
      b.child.kill('SIGTERM');
      expect(await b.exited).toEqual({ code: 0, signal: null });

      const inbound = (
        await client.query<{ id: string; wamid: string; wa_id: string; process_status: string }>(
          `select id, wamid, wa_id, process_status from messages where direction = 'in' order by id`,
        )
      ).rows;
      const turns = new Map(
        (
          await client.query<{ inbound_id: string; n: string }>(
            'select inbound_id, count(*) as n from turns group by inbound_id',
          )
        ).rows.map((r) => [r.inbound_id, Number(r.n)]),
      );
      const outbound = (
        await client.query<{ in_reply_to: string | null; wamid: string | null; send_status: string }>(
          `select in_reply_to, wamid, send_status from messages where direction = 'out'`,
        )
      ).rows;
      const byWamid = new Map(inbound.map((r) => [r.wamid, r]));
      const delivered = graph.delivered();
      const deliveredWamids = new Set(delivered.map((r) => r.wamid));

      expect(acked.size).toBe(CITIZENS * PER_CITIZEN);
      expect(inbound.length).toBe(CITIZENS * PER_CITIZEN);
      const problems: string[] = [];
      for (const wamid of acked) {
        const row = byWamid.get(wamid);
        if (!row) {
          problems.push(`${wamid}: not stored`);
          continue;
        }
        if (row.process_status !== 'done') problems.push(`${wamid}: ${row.process_status}`);
        if (turns.get(row.id) !== 1) problems.push(`${wamid}: ${turns.get(row.id) ?? 0} turns`);
        const replies = outbound.filter((o) => o.in_reply_to === row.id);
        if (replies.length === 0) problems.push(`${wamid}: no reply`);
        for (const r of replies)
          if (r.send_status !== 'sent' || !r.wamid || !deliveredWamids.has(r.wamid))
            problems.push(`${wamid}: reply ${r.send_status}`);
      }
      expect(problems).toEqual([]);

      // in order per citizen: the replies reached Graph in the order of the messages they answer
      const answers = new Map(outbound.filter((o) => o.wamid).map((o) => [o.wamid, Number(o.in_reply_to)]));
      const lastAnswered = new Map<string, number>();
      const outOfOrder: string[] = [];
      for (const r of delivered) {
        const answered = answers.get(r.wamid ?? '');
        if (answered === undefined) continue; // a send repeated in the killed instance's window
        if ((lastAnswered.get(r.to) ?? 0) > answered) outOfOrder.push(`${r.to}: ${answered}`);
        lastAnswered.set(r.to, Math.max(lastAnswered.get(r.to) ?? 0, answered));
      }
      expect(outOfOrder).toEqual([]);

      // no case made twice: the confirming message is the key
      const dupCases = await client.query<{ d: string }>(
        'select count(*) - count(distinct source_message_id) as d from cases',
      );
      expect(Number(dupCases.rows[0].d)).toBe(0);
      const cases = await client.query<{ n: string }>('select count(*) as n from cases');
      expect(Number(cases.rows[0].n)).toBeGreaterThan(0);
      const recorded = outbound.filter((o) => o.send_status === 'sent').length;
      const repeated = delivered.length - recorded;
      expect(repeated).toBeGreaterThanOrEqual(0);
      expect(repeated).toBeLessThanOrEqual(OUTBOX_CONCURRENCY);
      console.info(
        `pg two instances: ${acked.size} acked, ${delivered.length} Graph sends, ${repeated} repeated in the killed instance's window, ${cases.rows[0].n} cases`,
      );
    } finally {
      await client.end();
    }
  });
});
