import type { Db } from '../db/open-database.js';
import { iterationCommit } from './iteration-commit.js';

/** Runs a turn's write; resolves once it is committed. */
export type Commit = <T>(write: () => T) => Promise<T>;

/** Commits each write at once in its own transaction (the write opens it). */
export const commitNow: Commit = async (write) => write();

/**
 * Commits the writes of all turns that finished in one event-loop iteration together, in
 * the iteration's one transaction (src/pipeline/iteration-commit.ts, shared with the
 * webhook's ingest and the outbox): each turn's own transaction is a savepoint inside it
 * (SQLite nests them), so a turn whose write fails rolls back alone and its caller gets
 * the error. A commit costs more than a turn's dozen statements; a burst of turns shares one.
 * Promises resolve only after the commit: wake the outbox after, never before.
 */
export function createCommitBatcher(db: Db, { maxBatch = 128 }: { maxBatch?: number } = {}): Commit {
  type Job = { write: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  type Result = { ok: true; value: unknown } | { ok: false; error: unknown };
  const pending: Job[] = [];
  const commit = iterationCommit(db);
  let jobs: Job[] = [];
  let results: Result[] = [];

  const participant = {
    write() {
      jobs = pending.splice(0, maxBatch);
      results = jobs.map((job) => {
        try {
          return { ok: true as const, value: job.write() };
        } catch (error) {
          return { ok: false as const, error };
        }
      });
    },
    committed() {
      const [js, rs] = done();
      rs.forEach((r, i) => {
        if (r.ok) js[i].resolve(r.value);
        else js[i].reject(r.error);
      });
    },
    failed(error: unknown) {
      // the commit itself failed (disk full, I/O): nothing of the batch was written (and
      // when even BEGIN failed, the batch it would have written is refused the same way)
      if (jobs.length === 0) jobs = pending.splice(0, maxBatch);
      const [js] = done();
      for (const job of js) job.reject(error);
    },
  };

  function done(): [Job[], Result[]] {
    const out: [Job[], Result[]] = [jobs, results];
    jobs = [];
    results = [];
    if (pending.length > 0) commit.join(participant);
    return out;
  }

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      commit.join(participant);
    });
}
