import { describe, expect, it } from 'vitest';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { inTransaction } from './pg-queryable.js';
import { sleep, usePgInstances } from './pg-test-instances.js';
import { createPgWaker, notifyWake, WAKE_CHANNELS, type WakeChannel } from './pg-waker.js';

const until = async (f: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!f() && Date.now() < end) await sleep(5);
  return f();
};

describe.skipIf(!pgTestServer.available)(`waking other instances on PostgreSQL${pgSkipNote}`, () => {
  const instances = usePgInstances(2);

  it('wakes another instance when a row is committed, not when it is rolled back', async () => {
    const wakes: { channel: WakeChannel | 'poll'; payload: string }[] = [];
    const waker = createPgWaker({
      url: instances.url(),
      channels: [WAKE_CHANNELS.outbox],
      pollMs: 60_000,
      onWake: (channel, payload) => wakes.push({ channel, payload }),
      onError: (err) => {
        throw err;
      },
    });
    await waker.start();
    try {
      await inTransaction(instances.pool(0), async (tx) => {
        await tx.query(
          `insert into messages (wa_id, direction, kind, send_status) values ('915000000001', 'out', 'text', 'queued')`,
        );
        await notifyWake(tx, WAKE_CHANNELS.outbox, '915000000001');
        await sleep(100);
        // not before the commit: the row is not visible yet
        expect(wakes).toEqual([]);
      });
      expect(await until(() => wakes.length > 0, 2_000)).toBe(true);
      expect(wakes[0]).toEqual({ channel: WAKE_CHANNELS.outbox, payload: '915000000001' });
      await expect(
        inTransaction(instances.pool(0), async (tx) => {
          await notifyWake(tx, WAKE_CHANNELS.outbox);
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      // a channel nobody listens to here wakes nothing either
      await notifyWake(instances.pool(0), WAKE_CHANNELS.inbox);
      await sleep(200);
      expect(wakes.length).toBe(1);
    } finally {
      await waker.stop();
    }
  });

  it('falls back to polling while its connection is down, then listens again', async () => {
    const wakes: (WakeChannel | 'poll')[] = [];
    const waker = createPgWaker({
      url: instances.url(),
      channels: [WAKE_CHANNELS.inbox],
      pollMs: 100,
      reconnectMs: 300,
      onWake: (channel) => wakes.push(channel),
      onError: () => undefined,
    });
    await waker.start();
    try {
      expect(waker.listening()).toBe(true);
      await instances
        .pool(1)
        .query(
          `select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'sahayak-waker' and datname = current_database()`,
        );
      expect(await until(() => !waker.listening(), 2_000)).toBe(true);
      const polls = wakes.length;
      await sleep(250);
      expect(wakes.length).toBeGreaterThan(polls);
      expect(await until(() => waker.listening(), 3_000)).toBe(true);
      wakes.length = 0;
      await notifyWake(instances.pool(1), WAKE_CHANNELS.inbox);
      expect(await until(() => wakes.includes(WAKE_CHANNELS.inbox), 2_000)).toBe(true);
    } finally {
      await waker.stop();
    }
  });
});
