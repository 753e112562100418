import type pg from 'pg';
import { createPgSendRate } from '../coordination/pg-send-rate.js';
import { createPgWaker, WAKE_CHANNELS } from '../coordination/pg-waker.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';
import { createPgOutboxQueue } from './pg-outbox-queue.js';

/**
 * The outbox worker of one instance among several on one PostgreSQL database:
 * - rows are claimed and recorded through createPgOutboxQueue (SKIP LOCKED, leases, fencing);
 * - the number's send rate is one token bucket in the database (pg-send-rate.ts), so N
 *   instances together stay under `ratePerSecond`;
 * - a row queued by any instance wakes this one (LISTEN on WAKE_CHANNELS.outbox: the
 *   enqueuer's NOTIFY, enqueueOutboundOp), and the worker's own poll (`pollMs`) is the
 *   fallback when a notification is lost.
 * No owner id is needed: a claim's fencing token is its lease end (PgClaimedRow.leaseUntil).
 */
export function createPgOutboxWorker(
  o: Omit<OutboxWorkerOptions, 'db' | 'queue' | 'acquire'> & {
    pool: pg.Pool;
    /** the database URL, for the LISTEN connection (a listening session cannot go back to the pool) */
    url: string;
    /** the sending number (phone number id): the send-rate bucket shared by every instance */
    rateKey: string;
    /** false: no LISTEN, polling only (tests of the poll fallback) */
    listen?: boolean;
  },
): OutboxWorker & { listening(): boolean } {
  const rate = createPgSendRate({ pool: o.pool, key: o.rateKey, ratePerSecond: o.ratePerSecond ?? 80 });
  const worker = createOutboxWorker({
    ...o,
    queue: createPgOutboxQueue({ pool: o.pool, logger: o.logger, writeRetryMs: o.writeRetryMs }),
    acquire: () => rate.take(),
  });
  let waker: ReturnType<typeof createPgWaker> | undefined;
  return {
    ...worker,
    start() {
      worker.start();
      if (o.listen === false || waker) return;
      waker = createPgWaker({
        url: o.url,
        channels: [WAKE_CHANNELS.outbox],
        onWake: () => worker.kick(),
        onError: (err) => o.logger.warn({ err }, 'outbox wake-ups lost; polling until they are back'),
        pollMs: o.pollMs ?? 1_000,
      });
      // a first failure is retried by the waker itself; polling covers the gap
      waker.start().catch(() => undefined);
    },
    async stop(opts) {
      const w = waker;
      waker = undefined;
      await w?.stop();
      return worker.stop(opts);
    },
    listening: () => waker?.listening() ?? false,
  };
}
