import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { citizenWaId, scriptFor } from './conversations.js';
import { postDelivery, signedTextDelivery } from './deliver.js';
import { readDb, waitForQuiet } from './read-db.js';
import { type ServerProcess, spawnServer } from './spawn-server.js';

const SECRET = 'crash-test-secret';
const TOKEN = 'crash-test-token';
const CITIZENS = 30;
const PER_CITIZEN = 10;
const KILL_AFTER_ACKS = 110;
// the outbox has at most this many sends in flight (send rate × 1 s round trip, at the
// default 80/s): the at-least-once window of a crash
const OUTBOX_CONCURRENCY = 80;

let dir: string | undefined;
let graph: FakeGraphServer | undefined;
const servers: ServerProcess[] = [];

afterEach(async () => {
  for (const s of servers.splice(0))
    if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Two real server processes; bounded by the burst size, not by sleeps.
it('answers every acknowledged message exactly once when the server is SIGKILLed mid-burst', {
  timeout: 40_000,
}, async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-crash-'));
  const dbPath = join(dir, 'sahayak.db');
  graph = await startFakeGraphServer({ accessToken: TOKEN });
  const env = {
    DATABASE_PATH: dbPath,
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_ACCESS_TOKEN: TOKEN,
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_API_URL: graph.url,
    ENGINE: 'offline',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '1000',
  };

  const plan = Array.from({ length: CITIZENS }, (_, c) =>
    scriptFor(c, PER_CITIZEN).map((text, i) => ({
      waId: citizenWaId(1, c),
      wamid: `wamid.CRASH.${c}.${i}`,
      text,
    })),
  );
  const acked = new Set<string>();
  const first = await spawnServer({ env });
  servers.push(first);

  // Each citizen writes in order; Meta redelivers some messages at once (duplicates).
  const progress = plan.map(() => 0);
  let killed = false;
  await Promise.all(
    plan.map(async (msgs, c) => {
      for (const [i, m] of msgs.entries()) {
        if (killed) return;
        const d = signedTextDelivery({ ...m, secret: SECRET });
        const status = await postDelivery(first.url, d);
        if (status !== 200) return;
        acked.add(m.wamid);
        progress[c] = i + 1;
        if (i % 4 === 1) await postDelivery(first.url, d);
        if (acked.size >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    }),
  );
  const ackedBeforeKill = new Set(acked);
  expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

  // Restart on the same file; Meta retries what was never acknowledged, in order.
  const second = await spawnServer({ env });
  servers.push(second);
  await Promise.all(
    plan.map(async (msgs, c) => {
      for (const m of msgs.slice(Math.max(0, progress[c] - 1))) {
        const status = await postDelivery(second.url, signedTextDelivery({ ...m, secret: SECRET }));
        expect(status).toBe(200);
        acked.add(m.wamid);
      }
    }),
  );
  expect(await waitForQuiet(dbPath, 25_000)).toBe(true);
  second.child.kill('SIGTERM');
  expect(await second.exited).toEqual({ code: 0, signal: null });

  const db = readDb(dbPath);
  try {
    const inbound = db.all<{ id: number; wamid: string; process_status: string }>(
      `select id, wamid, process_status from messages where direction = 'in'`,
    );
    const byWamid = new Map(inbound.map((r) => [r.wamid, r]));
    const turnCounts = new Map(
      db
        .all<{ inbound_id: number; n: number }>(
          'select inbound_id, count(*) as n from turns group by inbound_id',
        )
        .map((r) => [r.inbound_id, r.n]),
    );
    const outbound = db.all<{ in_reply_to: number | null; wamid: string | null; send_status: string }>(
      `select in_reply_to, wamid, send_status from messages where direction = 'out'`,
    );
    const delivered = new Set(graph.delivered().map((r) => r.wamid));

    expect(acked.size).toBe(CITIZENS * PER_CITIZEN);
    expect(ackedBeforeKill.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(inbound.length).toBe(CITIZENS * PER_CITIZEN);
    const problems: string[] = [];
    for (const wamid of acked) {
      const row = byWamid.get(wamid);
      if (!row) problems.push(`${wamid}: not stored`);
      else {
        if (row.process_status !== 'done') problems.push(`${wamid}: ${row.process_status}`);
        if (turnCounts.get(row.id) !== 1) problems.push(`${wamid}: ${turnCounts.get(row.id) ?? 0} turns`);
        const replies = outbound.filter((o) => o.in_reply_to === row.id);
        if (replies.length === 0) problems.push(`${wamid}: no reply`);
        for (const r of replies) {
          if (r.send_status !== 'sent' || !r.wamid || !delivered.has(r.wamid))
            problems.push(`${wamid}: reply ${r.send_status}`);
        }
      }
    }
    expect(problems).toEqual([]);

    // Records: the confirming message is the key, so a replayed turn finds its record.
    expect(
      db.get(
        "select count(*) - count(distinct source_message_id) as d from cases where service = 'birth_certificate'",
      ),
    ).toEqual({
      d: 0,
    });
    expect(
      db.get(
        "select count(*) - count(distinct source_message_id) as d from cases where service = 'hospital_complaint'",
      ),
    ).toEqual({
      d: 0,
    });
    expect(
      db.get(`select count(*) as d from (select wa_id, json_extract(fields, '$.motherName') as m, json_extract(fields, '$.dateOfBirth') as b from cases
              where service = 'birth_certificate'
              group by wa_id, m, b having count(*) > 1)`),
    ).toEqual({ d: 0 });
    expect(db.get('select count(*) - count(distinct inbound_id) as d from turns')).toEqual({ d: 0 });

    // Replies sent twice: only a send in flight when the process died may repeat (no
    // idempotency key in the Cloud API). Graph deliveries the database does not know are those.
    const recorded = outbound.filter((o) => o.send_status === 'sent').length;
    const duplicateSends = graph.delivered().length - recorded;
    expect(duplicateSends).toBeGreaterThanOrEqual(0);
    expect(duplicateSends).toBeLessThanOrEqual(OUTBOX_CONCURRENCY);
    console.info(
      `crash-recovery: ${ackedBeforeKill.size} acked before SIGKILL, ${graph.delivered().length} Graph sends, ${duplicateSends} duplicate sends in the crash window`,
    );
  } finally {
    db.close();
  }
});
