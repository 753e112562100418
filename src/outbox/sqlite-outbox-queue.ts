import type { Logger } from 'pino';
import type { Db } from '../db/open-database.js';
import { type CommitParticipant, iterationCommit } from '../pipeline/iteration-commit.js';
import { onSqlite } from '../storage/sqlite-store.js';
import type { ClaimedRow, OutboxQueue, Outcome, OutcomeEffects } from './outbox-queue.js';
import { createOutboxStore } from './outbox-store.js';

/**
 * The outbox on SQLite: one process, one connection. Claims and send outcomes are written
 * in the event-loop iteration's one transaction (src/pipeline/iteration-commit.ts, shared
 * with the ingest and the turns): one commit for everything that finished meanwhile instead
 * of one each. Times are the app clock `now` (tests move it by hand).
 */
export function createSqliteOutboxQueue(o: {
  db: Db;
  now: () => number;
  logger: Pick<Logger, 'error'>;
  /** when recording a send's outcome fails, wait this long before writing it again */
  writeRetryMs: number;
}): OutboxQueue {
  const store = createOutboxStore(o.db.$client);
  const commit = iterationCommit(o.db);

  // A write that fails (disk full, the file locked by another process) is tried again until
  // it lands: the row stays leased to us and its citizen busy meanwhile, so nothing is sent
  // twice or left 'sending'.
  type Write = { write: () => unknown; done: () => void };
  let writes: Write[] = [];
  let writing: Write[] = [];
  let flushTimer: NodeJS.Timeout | undefined;
  const outcomes: CommitParticipant = {
    write() {
      writing = writes;
      writes = [];
      for (const w of writing) w.write();
    },
    committed() {
      const batch = writing;
      writing = [];
      for (const w of batch) w.done();
    },
    failed(err) {
      const batch = writing.length > 0 ? writing : writes.splice(0);
      writing = [];
      if (batch.length === 0) return;
      o.logger.error({ err, rows: batch.length }, 'outbox could not record send outcomes; retrying');
      oneByOne(batch);
    },
  };
  /** writes what is waiting now, synchronously (a retry, or a drain's last word) */
  function flushWrites() {
    flushTimer = undefined;
    const batch = writes;
    writes = [];
    if (batch.length === 0) return;
    try {
      store.batch(batch.map((w) => w.write));
      for (const w of batch) w.done();
    } catch (err) {
      o.logger.error({ err, rows: batch.length }, 'outbox could not record send outcomes; retrying');
      oneByOne(batch);
    }
  }
  // one at a time, so one bad write does not hold back the others
  function oneByOne(batch: Write[]) {
    const failed: Write[] = [];
    for (const w of batch) {
      try {
        store.batch([w.write]);
        w.done();
      } catch {
        failed.push(w);
      }
    }
    if (failed.length === 0) return;
    writes = [...failed, ...writes];
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flushWrites, o.writeRetryMs);
    flushTimer.unref();
  }

  const effects = (x: { effects?: OutcomeEffects }) => {
    for (const op of x.effects ?? []) onSqlite(o.db, op);
  };
  function writeOf(x: Outcome): () => unknown {
    const id = x.row.id;
    switch (x.kind) {
      case 'sent':
        return () => {
          if (store.markSent(id, x.wamid, x.attempts, o.now()).changes > 0) effects(x);
        };
      case 'retry':
        return () => {
          if (store.markRetry(id, x.attempts, o.now() + x.delayMs, x.error).changes > 0) effects(x);
        };
      case 'failed':
        return () => store.markFailed(id, x.attempts, x.error, o.now());
      case 'release':
        return () => store.release(id, o.now());
    }
  }

  // Claims, too, are written in the iteration's transaction; the sends start once the
  // lease is committed.
  type Claim = {
    want: () => number;
    busy: ReadonlySet<string>;
    leaseMs: number;
    rows: { id: number; waId: string; payload: string; attempts: number }[];
    resolve: (rows: ClaimedRow[]) => void;
    reject: (err: unknown) => void;
  };
  let claims: Claim[] = [];
  let claiming: Claim[] = [];
  const claimer: CommitParticipant = {
    write() {
      claiming = claims;
      claims = [];
      for (const c of claiming) {
        const n = c.want();
        c.rows = n <= 0 ? [] : store.claim(n, o.now(), c.busy, c.leaseMs);
      }
    },
    committed() {
      const done = claiming;
      claiming = [];
      for (const c of done) c.resolve(c.rows.map((r) => ({ ...r, payload: safeJson(r.payload) })));
    },
    failed(err) {
      const done = claiming.length > 0 ? claiming : claims.splice(0);
      claiming = [];
      for (const c of done) c.reject(err);
    },
  };

  return {
    claim: (want, busy, leaseMs) =>
      new Promise((resolve, reject) => {
        claims.push({ want, busy, leaseMs, rows: [], resolve, reject });
        commit.join(claimer);
      }),
    record: (outcome) =>
      new Promise((done) => {
        writes.push({ write: writeOf(outcome), done });
        if (!flushTimer) commit.join(outcomes);
      }),
    async nextDueInMs() {
      const next = store.nextDue();
      return next === null ? null : Math.max(0, next - o.now());
    },
    recover: async () => store.recover(o.now()),
    async flush() {
      clearTimeout(flushTimer);
      flushWrites();
      return writes.length === 0;
    },
  };
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}
