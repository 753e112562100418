import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';

/**
 * Work that wants to be written in the event-loop iteration's one transaction: the webhook's
 * ingest, the turns that finished, the outbox's send outcomes. `write` runs inside the open
 * transaction (in a savepoint of its own); `committed` or `failed` runs after COMMIT, with
 * no transaction open, so a participant may resolve its callers or redo work on its own.
 */
export interface CommitParticipant {
  write(): void;
  committed(): void;
  /** the participant's write threw (rolled back alone), or the COMMIT failed (nothing written) */
  failed(error: unknown): void;
}

export interface IterationCommit {
  /** writes `p` in the next iteration's transaction; joining twice before it runs is once */
  join(p: CommitParticipant): void;
}

const shared = new WeakMap<Database.Database, IterationCommit>();

/**
 * One BEGIN … COMMIT per event-loop iteration for every writer on this connection. Each
 * commit appends every page it dirtied to the WAL, and the ingest, the turns and the
 * outbox all dirty the same pages (the tail of `messages`, its indexes): four commits an
 * iteration wrote those pages four times. On one thread and one connection, synchronous:
 * nothing else runs while the transaction is open, so nothing reads a write before it is
 * committed, and every caller hears of its write only after the COMMIT.
 */
export function iterationCommit(db: Db): IterationCommit {
  let c = shared.get(db.$client);
  if (!c) {
    c = createIterationCommit(db.$client);
    shared.set(db.$client, c);
  }
  return c;
}

function createIterationCommit(client: Database.Database): IterationCommit {
  let joined: CommitParticipant[] = [];
  let scheduled = false;

  // nested inside `all`: a savepoint, so a participant that throws rolls back alone
  const one = client.transaction((p: CommitParticipant) => p.write());
  const all = client.transaction((ps: CommitParticipant[]) =>
    ps.map((p) => {
      try {
        one(p);
        return null;
      } catch (error) {
        return { error };
      }
    }),
  );

  function flush() {
    scheduled = false;
    const ps = joined;
    joined = [];
    let outcomes: ({ error: unknown } | null)[];
    try {
      // closed by a drain while this iteration's writes waited: they are refused, not lost
      // (each participant's failure path keeps or retries what it owns)
      if (!client.open) throw new Error('the database is closed');
      outcomes = all(ps);
    } catch (error) {
      // the COMMIT itself failed (disk full, I/O, a deferred constraint): nothing was written
      for (const p of ps) p.failed(error);
      return;
    }
    ps.forEach((p, i) => {
      const o = outcomes[i];
      if (o) p.failed(o.error);
      else p.committed();
    });
  }

  return {
    join(p) {
      if (joined.includes(p)) return;
      joined.push(p);
      if (scheduled) return;
      scheduled = true;
      setImmediate(flush);
    },
  };
}
