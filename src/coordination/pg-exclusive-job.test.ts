import { describe, expect, it } from 'vitest';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { startExclusiveJob, tryRunExclusive } from './pg-exclusive-job.js';
import { sleep, usePgInstances } from './pg-test-instances.js';

describe.skipIf(!pgTestServer.available)(`one instance at a time for background jobs${pgSkipNote}`, () => {
  const instances = usePgInstances(2);

  it('skips the run on the other instance while one runs it, and lets it run after', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = tryRunExclusive(instances.pool(0), 'retention', async () => {
      await held;
      return 'a';
    });
    await sleep(50);
    expect(await tryRunExclusive(instances.pool(1), 'retention', async () => 'b')).toEqual({ ran: false });
    // another job is not held up by this one
    expect(await tryRunExclusive(instances.pool(1), 'search-index', async () => 'b')).toEqual({
      ran: true,
      value: 'b',
    });
    release();
    expect(await first).toEqual({ ran: true, value: 'a' });
    expect(await tryRunExclusive(instances.pool(1), 'retention', async () => 'b')).toEqual({
      ran: true,
      value: 'b',
    });
  });

  it('frees the job when the instance running it dies (its connection ends)', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const dying = tryRunExclusive(instances.pool(0), 'media-fetch', async () => {
      const { rows } = await instances
        .pool(0)
        .query<{ pid: number }>(
          `select pid from pg_locks where locktype = 'advisory' and granted and objid = (hashtextextended('sahayak:media-fetch', 0) & 4294967295)::oid`,
        );
      await instances.pool(1).query('select pg_terminate_backend($1)', [rows[0]?.pid]);
      await held;
    });
    await sleep(100);
    expect(await tryRunExclusive(instances.pool(1), 'media-fetch', async () => 'taken over')).toEqual({
      ran: true,
      value: 'taken over',
    });
    release();
    // the dead holder's unlock fails quietly and its broken connection is not reused
    await expect(dying).resolves.toEqual({ ran: true, value: undefined });
    expect(
      await instances
        .pool(0)
        .query('select 1 as ok')
        .then((r) => r.rows[0]?.ok),
    ).toBe(1);
  });

  it('never runs a job scheduled on both instances on both at once', async () => {
    let active = 0;
    let overlaps = 0;
    let runs = 0;
    const job = (i: number) =>
      startExclusiveJob({
        pool: instances.pool(i),
        name: 'reconcile',
        everyMs: 7,
        onError: (err) => {
          throw err;
        },
        run: async () => {
          if (++active > 1) overlaps++;
          runs++;
          await sleep(15);
          active--;
        },
      });
    const jobs = [job(0), job(1)];
    await sleep(600);
    await Promise.all(jobs.map((j) => j.stop()));
    expect(runs).toBeGreaterThan(5);
    expect(overlaps).toBe(0);
  });
});
