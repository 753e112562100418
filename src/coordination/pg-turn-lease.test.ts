import { describe, expect, it } from 'vitest';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { createPgCitizenTurns, type PendingInbound } from './pg-citizen-turns.js';
import { sleep, usePgInstances } from './pg-test-instances.js';
import { commitUnderLease, createPgTurnLeases, holdsTurnLease, TurnLeaseLostError } from './pg-turn-lease.js';

describe.skipIf(!pgTestServer.available)(`per-citizen turn leases on PostgreSQL${pgSkipNote}`, () => {
  const instances = usePgInstances(2);

  it('gives a citizen to one instance until it lets go', async () => {
    const a = createPgTurnLeases({ pool: instances.pool(0), owner: 'a' });
    const b = createPgTurnLeases({ pool: instances.pool(1), owner: 'b' });
    const lease = await a.acquire('911000000001');
    expect(lease?.owner).toBe('a');
    expect(await b.acquire('911000000001')).toBeNull();
    // another citizen is free meanwhile
    expect(await b.acquire('911000000002')).not.toBeNull();
    expect(await a.release(lease!)).toBe(true);
    const taken = await b.acquire('911000000001');
    expect(taken?.owner).toBe('b');
    expect(taken!.token).toBeGreaterThan(lease!.token);
  });

  it('lets another instance take an expired lease, and the old holder can then neither commit nor renew nor release it', async () => {
    const a = createPgTurnLeases({ pool: instances.pool(0), owner: 'a', leaseMs: 200 });
    const b = createPgTurnLeases({ pool: instances.pool(1), owner: 'b', leaseMs: 10_000 });
    const old = (await a.acquire('911000000003'))!;
    expect(await b.acquire('911000000003')).toBeNull();
    await sleep(260);
    const now = (await b.acquire('911000000003'))!;
    expect(now.owner).toBe('b');
    await expect(commitUnderLease(instances.pool(0), old, async () => 'committed')).rejects.toBeInstanceOf(
      TurnLeaseLostError,
    );
    expect(await a.renew(old)).toBeNull();
    expect(await a.release(old)).toBe(false);
    expect(await commitUnderLease(instances.pool(1), now, async () => 'committed')).toBe('committed');
  });

  it('holds off a takeover while the turn that still holds the lease commits', async () => {
    const a = createPgTurnLeases({ pool: instances.pool(0), owner: 'a', leaseMs: 100 });
    const b = createPgTurnLeases({ pool: instances.pool(1), owner: 'b' });
    const lease = (await a.acquire('911000000004'))!;
    await sleep(150);
    const tx = await instances.pool(0).connect();
    try {
      await tx.query('begin');
      // expired, but not taken over: still ours, and locked until this commit
      expect(await holdsTurnLease(tx, lease)).toBe(true);
      let taken = false;
      const takeover = b.acquire('911000000004').then((l) => {
        taken = true;
        return l;
      });
      await sleep(150);
      expect(taken).toBe(false);
      await tx.query('commit');
      expect((await takeover)?.owner).toBe('b');
    } finally {
      tx.release();
    }
  });

  it('runs each citizen’s turns one at a time in arrival order, exactly once, with both instances kicked for every message', async () => {
    const citizens = Array.from({ length: 12 }, (_, i) => `9120000000${String(i).padStart(2, '0')}`);
    const perCitizen = 6;
    const pool0 = instances.pool(0);
    const rows = citizens.flatMap((waId) => Array.from({ length: perCitizen }, () => waId));
    const ids = (
      await pool0.query<{ id: number; waId: string }>(
        `insert into messages (wa_id, direction, kind, text, process_status)
         select w, 'in', 'text', 'hello', 'pending' from unnest($1::text[]) with ordinality as t(w, n) order by n
         returning id::float8 as id, wa_id as "waId"`,
        [rows],
      )
    ).rows;
    const active = new Map<string, number>();
    const done: { id: number; waId: string; by: number }[] = [];
    let overlaps = 0;
    const instance = (i: number) => {
      const pool = instances.pool(i);
      const leases = createPgTurnLeases({ pool, owner: `instance-${i}`, leaseMs: 150 });
      return createPgCitizenTurns({
        pool,
        leases,
        onError: (err) => {
          throw err;
        },
        runTurn: async (m: PendingInbound, lease) => {
          const n = (active.get(m.waId) ?? 0) + 1;
          active.set(m.waId, n);
          if (n > 1) overlaps++;
          // some turns outlast the lease: the heartbeat must keep the citizen ours
          await sleep(m.id % 7 === 0 ? 250 : Math.floor(Math.random() * 8));
          await commitUnderLease(pool, lease, (tx) =>
            tx.query(`update messages set process_status = 'done' where id = $1`, [m.id]),
          );
          done.push({ ...m, by: i });
          active.set(m.waId, (active.get(m.waId) ?? 1) - 1);
        },
      });
    };
    const turns = [instance(0), instance(1)];
    // Both pools open all their connections first: a pool that still has to connect loses
    // every race for a lease to the warm one, and the test would then run on one instance.
    await Promise.all(
      [0, 1].flatMap((i) =>
        Array.from({ length: 5 }, () => instances.pool(i).query('select pg_sleep(0.02)')),
      ),
    );
    // every message is delivered to both instances (a duplicated webhook), in arrival order;
    // which of the two hears first alternates by citizen, so each wins some citizens' leases
    const kicks: Promise<number>[] = [];
    for (const m of ids) {
      const first = citizens.indexOf(m.waId) % 2;
      kicks.push(turns[first]!.drain(m.waId), turns[1 - first]!.drain(m.waId));
      if (m.id % 5 === 0) await sleep(1);
    }
    await Promise.all(kicks);
    // what no kick reached is for the sweep
    for (let orphans = await turns[0]!.orphans(); orphans.length > 0; orphans = await turns[0]!.orphans()) {
      await Promise.all(orphans.flatMap((w) => [turns[0]!.drain(w), turns[1]!.drain(w)]));
    }
    expect(overlaps).toBe(0);
    expect(done.length).toBe(ids.length);
    expect(new Set(done.map((d) => d.id)).size).toBe(ids.length);
    for (const waId of citizens) {
      const order = done.filter((d) => d.waId === waId).map((d) => d.id);
      expect(order).toEqual(ids.filter((m) => m.waId === waId).map((m) => m.id));
    }
    // both instances did some of the work
    expect(new Set(done.map((d) => d.by)).size).toBe(2);
    const left = await pool0.query(`select 1 from messages where process_status = 'pending'`);
    expect(left.rows.length).toBe(0);
  }, 60_000);
});
