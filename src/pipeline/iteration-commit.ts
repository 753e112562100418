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
  /** writes what has joined now, synchronously: a drain calls it before the database closes */
  flush(): void;
  /**
   * While writes keep coming, at least `ms` between two commits (0: one every iteration).
   * A write that joins after a quiet spell is committed in the next iteration all the same.
   */
  setMinInterval(ms: number): void;
}

/** writes waiting that end a commit interval early */
export const FLUSH_AT_WRITES = 32;

const shared = new WeakMap<Database.Database, IterationCommit>();

/**
 * One BEGIN … COMMIT per event-loop iteration for every writer on this connection. Each
 * commit appends every page it dirtied to the WAL, and the ingest, the turns and the
 * outbox all dirty the same pages (the tail of `messages`, its indexes): four commits an
 * iteration wrote those pages four times. Under load (`setMinInterval`) one commit also
 * spans several iterations. On one thread and one connection, synchronous:
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
  /** the pending commit: after `delayed` ones wait out the interval, others run next iteration */
  let timer: { cancel(): void; delayed: boolean } | undefined;
  let minIntervalMs = 0;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  // writes asked for since the last commit (a participant joins once per job it holds)
  let asked = 0;

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
    timer?.cancel();
    timer = undefined;
    asked = 0;
    if (joined.length === 0) return;
    lastCommitAt = performance.now();
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

  function schedule(wait: number) {
    timer?.cancel();
    if (wait > 0) {
      const t = setTimeout(flush, wait);
      timer = { cancel: () => clearTimeout(t), delayed: true };
    } else {
      const t = setImmediate(flush);
      timer = { cancel: () => clearImmediate(t), delayed: false };
    }
  }

  return {
    join(p) {
      asked++;
      // Enough writes for one commit to be worth it: waiting longer saves little and holds
      // back callers who wait for the commit to answer (50 webhook connections waiting 10 ms
      // each could not post more than 5,000 receipts a second).
      if (timer?.delayed && asked >= FLUSH_AT_WRITES) schedule(0);
      if (joined.includes(p)) return;
      joined.push(p);
      // Each commit appends to the WAL every page it dirtied, and a turn's reply, the ingest
      // before it and the outbox's outcome after it are commits of their own: at 500 turns/s
      // that was ~60 write calls and ~116 KB of WAL a turn. Spacing commits under load lets
      // one commit carry several iterations' writes (bench/README.md has the figures).
      if (!timer) schedule(minIntervalMs - (performance.now() - lastCommitAt));
    },
    flush() {
      // a participant's `committed` may join again at once (a batch with more waiting)
      for (let round = 0; joined.length > 0 && round < 100; round++) flush();
    },
    setMinInterval(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`a commit interval must be ≥ 0 ms, not ${ms}`);
      minIntervalMs = ms;
    },
  };
}
