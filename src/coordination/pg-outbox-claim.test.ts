import { beforeEach, describe, expect, it } from 'vitest';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { createPgOutboxStore, type PgClaimedRow } from './pg-outbox-claim.js';
import { sleep, usePgInstances } from './pg-test-instances.js';

describe.skipIf(!pgTestServer.available)(`outbox claims on PostgreSQL${pgSkipNote}`, () => {
  const instances = usePgInstances(2);
  const a = () => createPgOutboxStore(instances.pool(0));
  const b = () => createPgOutboxStore(instances.pool(1));

  beforeEach(async () => {
    await instances.pool(0).query('delete from messages');
  });

  /** queues `texts` for `waId` in this order, due now; returns their ids */
  async function enqueue(waId: string, texts: string[]): Promise<number[]> {
    const { rows } = await instances.pool(0).query<{ id: number }>(
      `insert into messages (wa_id, direction, kind, payload, send_status, next_attempt_at)
       select $1, 'out', 'text', jsonb_build_object('text', t), 'queued', clock_timestamp()
       from unnest($2::text[]) with ordinality as u(t, n) order by n
       returning id::float8 as id`,
      [waId, texts],
    );
    return rows.map((r) => r.id);
  }
  const ids = (rows: PgClaimedRow[]) => rows.map((r) => r.id);

  it("claims only each citizen's oldest unsent row, and the next one once it is sent", async () => {
    const x = await enqueue('913000000001', ['x1', 'x2', 'x3']);
    const y = await enqueue('913000000002', ['y1']);
    const first = await a().claim(10, 10_000);
    expect(ids(first)).toEqual([x[0], y[0]]);
    expect(first[0]?.payload).toEqual({ text: 'x1' });
    // the other instance finds x2 behind the x1 that instance a is sending
    expect(await b().claim(10, 10_000)).toEqual([]);
    expect(await a().markSent(first[0]!, 'wamid.x1', 1)).toBe(1);
    expect(ids(await b().claim(10, 10_000))).toEqual([x[1]]);
  });

  it('keeps a later row behind an earlier one waiting out its retry backoff', async () => {
    const x = await enqueue('913000000003', ['x1', 'x2']);
    const [head] = await a().claim(10, 10_000);
    expect(await a().markRetry(head!, 1, 300, 'timeout')).toBe(1);
    expect(await b().claim(10, 10_000)).toEqual([]);
    await sleep(350);
    const again = await b().claim(10, 10_000);
    expect(ids(again)).toEqual([x[0]]);
    expect(again[0]?.attempts).toBe(1);
  });

  it('says how long until the next row is due or lease ends, and null when nothing waits', async () => {
    expect(await a().nextDueInMs()).toBeNull();
    await enqueue('913000000009', ['x1']);
    // due now; the column keeps milliseconds, so its rounding may put "now" up to 1 ms ahead
    expect(await a().nextDueInMs()).toBeLessThanOrEqual(1);
    const [row] = await a().claim(1, 5_000);
    const leased = (await b().nextDueInMs())!;
    expect(leased).toBeGreaterThan(4_000);
    expect(leased).toBeLessThanOrEqual(5_000);
    await a().markRetry(row!, 1, 2_000, 'timeout');
    const backoff = (await b().nextDueInMs())!;
    expect(backoff).toBeGreaterThan(1_000);
    expect(backoff).toBeLessThanOrEqual(2_000);
  });

  it('takes over only an expired lease, and the old sender’s late outcome is dropped', async () => {
    const x = await enqueue('913000000004', ['x1', 'x2']);
    const [mine] = await a().claim(10, 200);
    expect(await b().claim(10, 10_000)).toEqual([]);
    expect(await b().recover()).toBe(0);
    await sleep(250);
    const [theirs] = await b().claim(10, 10_000);
    expect(theirs?.id).toBe(x[0]);
    expect(theirs!.leaseUntil).toBeGreaterThan(mine!.leaseUntil);
    // the first sender comes back from a long pause: its outcome must not end b's send
    expect(await a().markSent(mine!, 'wamid.late', 1)).toBe(0);
    expect(await a().markFailed(mine!, 1, 'late')).toBe(0);
    expect(await b().markSent(theirs!, 'wamid.x1', 1)).toBe(1);
    const { rows } = await instances.pool(0).query(`select wamid from messages where id = $1`, [x[0]]);
    expect(rows[0]?.wamid).toBe('wamid.x1');
  });

  it('records many sends in one statement, each fenced by its own lease', async () => {
    await enqueue('913000000010', ['x1']);
    await enqueue('913000000011', ['y1']);
    await enqueue('913000000012', ['z1']);
    const [x, y] = await a().claim(2, 150);
    const [z] = await a().claim(1, 10_000);
    await sleep(200);
    // x's lease expired and b took x over; y's expired but nobody took it; z's is live
    const [xb] = await b().claim(1, 10_000);
    expect(xb?.id).toBe(x!.id);
    const changed = await a().markSentMany(
      [x!, y!, z!].map((row) => ({ row, wamid: `wamid.${row.id}`, attempts: 1 })),
    );
    expect(changed).toBe(2);
    const { rows } = await instances
      .pool(0)
      .query<{ id: number; s: string; wamid: string | null }>(
        `select id::float8 as id, send_status as s, wamid from messages order by id`,
      );
    expect(rows).toEqual([
      { id: x!.id, s: 'sending', wamid: null },
      { id: y!.id, s: 'sent', wamid: `wamid.${y!.id}` },
      { id: z!.id, s: 'sent', wamid: `wamid.${z!.id}` },
    ]);
  });

  it('recovers expired leases to the queue and leaves live ones alone', async () => {
    await enqueue('913000000005', ['x1']);
    await enqueue('913000000006', ['y1']);
    const [short] = await a().claim(1, 100);
    const [long] = await a().claim(1, 60_000);
    await sleep(150);
    expect(await b().recover()).toBe(1);
    const { rows } = await instances
      .pool(0)
      .query<{ id: number; s: string }>(
        `select id::float8 as id, send_status as s from messages order by id`,
      );
    expect(rows).toEqual([
      { id: short!.id, s: 'queued' },
      { id: long!.id, s: 'sending' },
    ]);
  });

  it('skips rows another transaction has locked instead of waiting for them', async () => {
    const x = await enqueue('913000000007', ['x1', 'x2']);
    const y = await enqueue('913000000008', ['y1']);
    const tx = await instances.pool(0).connect();
    try {
      await tx.query('begin');
      await tx.query('select id from messages where id = $1 for update', [x[0]]);
      const started = Date.now();
      const claimed = await b().claim(10, 10_000);
      expect(Date.now() - started).toBeLessThan(1000);
      // not x1 (locked) and not x2 (behind x1)
      expect(ids(claimed)).toEqual([y[0]]);
    } finally {
      await tx.query('rollback');
      tx.release();
    }
  });

  it('sends every row exactly once and each citizen’s rows in order with two instances claiming at once', async () => {
    const citizens = Array.from({ length: 20 }, (_, i) => `9140000000${String(i).padStart(2, '0')}`);
    const queued = new Map<string, number[]>();
    for (const waId of citizens) queued.set(waId, await enqueue(waId, ['1', '2', '3', '4', '5']));
    const sends: { id: number; waId: string; start: number; end: number }[] = [];
    let t = 0;
    const worker = async (store: ReturnType<typeof createPgOutboxStore>) => {
      for (let idle = 0; idle < 5; ) {
        const rows = await store.claim(4, 10_000);
        if (rows.length === 0) {
          idle++;
          await sleep(5);
          continue;
        }
        idle = 0;
        await Promise.all(
          rows.map(async (row) => {
            const start = ++t;
            await sleep(Math.floor(Math.random() * 5));
            // one in five sends fails once and is retried at once
            if (row.attempts === 0 && row.id % 5 === 0) {
              expect(await store.markRetry(row, 1, 0, 'flaky')).toBe(1);
              return;
            }
            sends.push({ id: row.id, waId: row.waId, start, end: ++t });
            expect(await store.markSent(row, `wamid.${row.id}`, row.attempts + 1)).toBe(1);
          }),
        );
      }
    };
    await Promise.all([worker(a()), worker(b()), worker(a()), worker(b())]);
    expect(sends.length).toBe(100);
    expect(new Set(sends.map((s) => s.id)).size).toBe(100);
    for (const waId of citizens) {
      const mine = sends.filter((s) => s.waId === waId);
      expect(mine.map((s) => s.id)).toEqual(queued.get(waId));
      // one at a time: each send started after the previous one was recorded
      for (let i = 1; i < mine.length; i++) expect(mine[i]!.start).toBeGreaterThan(mine[i - 1]!.end);
    }
  }, 60_000);
});
