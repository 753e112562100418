import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Logger } from 'pino';
import {
  createPgOutboxStore,
  type PgClaimedRow,
  type PgOutboxWrites,
} from '../coordination/pg-outbox-claim.js';
import { type PgDb, pgSchema } from '../db/pg/open-pg.js';
import type { Q } from '../storage/operation.js';
import { pgDialect, runAsync } from '../storage/pg-store.js';
import type { OutboxQueue, Outcome, OutcomeEffects } from './outbox-queue.js';

type Pending = { outcome: Outcome<PgClaimedRow>; done: () => void };

/**
 * The outbox on PostgreSQL (several instances on one database): claims are
 * src/coordination/pg-outbox-claim.ts (FOR UPDATE SKIP LOCKED, each citizen's oldest unsent
 * row only, a lease on the database's clock); outcomes are fenced by that lease, so a sender
 * whose lease expired and was taken over writes nothing. Outcomes that finish together are
 * written in one transaction (the successes without side effects in one statement); a failed
 * write is retried until it lands, the row leased to us and its citizen busy meanwhile.
 */
export function createPgOutboxQueue(o: {
  pool: pg.Pool;
  logger: Pick<Logger, 'error'>;
  /** when recording outcomes fails, wait this long before writing them again (default 500 ms) */
  writeRetryMs?: number;
}): OutboxQueue<PgClaimedRow> {
  const writeRetryMs = o.writeRetryMs ?? 500;
  const outbox = createPgOutboxStore(o.pool);
  let pending: Pending[] = [];
  let flushing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;

  /** the effects (store operations) on this transaction's client */
  async function runEffects(tx: pg.PoolClient, effects: OutcomeEffects | undefined) {
    if (!effects?.length) return;
    const q: Q = {
      db: drizzle({ client: tx, schema: pgSchema }) as unknown as PgDb,
      t: pgSchema,
      d: pgDialect,
    };
    for (const op of effects) await runAsync(op(q));
  }

  async function one(w: PgOutboxWrites, tx: pg.PoolClient, x: Outcome<PgClaimedRow>): Promise<number> {
    switch (x.kind) {
      case 'sent': {
        const n = await w.markSent(x.row, x.wamid, x.attempts);
        if (n > 0) await runEffects(tx, x.effects);
        return n;
      }
      case 'retry': {
        const n = await w.markRetry(x.row, x.attempts, x.delayMs, x.error);
        if (n > 0) await runEffects(tx, x.effects);
        return n;
      }
      case 'failed':
        return w.markFailed(x.row, x.attempts, x.error);
      case 'release':
        return w.release(x.row);
    }
  }

  /** one transaction for the batch: plain successes in one statement, the rest one by one */
  function write(batch: Pending[]): Promise<number> {
    const plain = batch.flatMap(({ outcome: x }) =>
      x.kind === 'sent' && !x.effects?.length ? [{ row: x.row, wamid: x.wamid, attempts: x.attempts }] : [],
    );
    const rest = batch.filter(({ outcome: x }) => !(x.kind === 'sent' && !x.effects?.length));
    // only plain successes (the common case): one statement is its own transaction, without
    // the two round trips of BEGIN and COMMIT
    if (rest.length === 0) return outbox.markSentMany(plain);
    return outbox.batch([
      (w) => w.markSentMany(plain),
      ...rest.map(
        ({ outcome }) =>
          (w: PgOutboxWrites, tx: pg.PoolClient) =>
            one(w, tx, outcome),
      ),
    ]);
  }

  async function flushNow(): Promise<void> {
    timer = undefined;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return;
    try {
      await write(batch);
      for (const p of batch) p.done();
      return;
    } catch (err) {
      o.logger.error({ err, rows: batch.length }, 'outbox could not record send outcomes; retrying');
    }
    // one at a time, so one bad write does not hold back the others
    const failed: Pending[] = [];
    for (const p of batch) {
      try {
        await write([p]);
        p.done();
      } catch {
        failed.push(p);
      }
    }
    if (failed.length === 0) return;
    pending = [...failed, ...pending];
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), writeRetryMs);
    timer.unref();
  }

  /** one flush at a time; outcomes recorded meanwhile go in the next */
  function flush(): Promise<void> {
    if (flushing) return flushing;
    flushing = flushNow().finally(() => {
      flushing = undefined;
      if (pending.length > 0 && !timer) schedule();
    });
    return flushing;
  }
  // the outcomes of this event-loop iteration go together
  function schedule() {
    if (timer || flushing) return;
    timer = setTimeout(() => void flush(), 0);
  }

  return {
    claim: (want, _busy, leaseMs) => outbox.claim(want(), leaseMs),
    record: (outcome) =>
      new Promise((done) => {
        pending.push({ outcome, done });
        schedule();
      }),
    nextDueInMs: () => outbox.nextDueInMs(),
    recover: () => outbox.recover(),
    async flush() {
      clearTimeout(timer);
      timer = undefined;
      await flushing;
      await flushNow();
      return pending.length === 0;
    },
  };
}
