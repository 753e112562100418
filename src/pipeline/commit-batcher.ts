import type { Db } from '../db/open-database.js';

/** Runs a turn's write; resolves once it is committed. */
export type Commit = <T>(write: () => T) => Promise<T>;

/** Commits each write at once in its own transaction (the write opens it). */
export const commitNow: Commit = async (write) => write();

/**
 * Commits the writes of all turns that finished in one event-loop iteration together: one
 * BEGIN … COMMIT around them, each turn's own transaction a savepoint inside it (SQLite
 * nests them), so a turn whose write fails rolls back alone and its caller gets the error.
 * On one connection, one thread, and synchronous: no other code runs while the outer
 * transaction is open, so nothing ever reads a write before it is committed. A commit costs
 * more than a turn's dozen statements; a burst of turns shares one.
 * Promises resolve only after the commit: wake the outbox after, never before.
 */
export function createCommitBatcher(db: Db, { maxBatch = 128 }: { maxBatch?: number } = {}): Commit {
  type Job = { write: () => unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void };
  const pending: Job[] = [];
  let scheduled = false;

  const runBatch = db.$client.transaction((jobs: Job[]) =>
    jobs.map((job) => {
      try {
        return { ok: true as const, value: job.write() };
      } catch (error) {
        return { ok: false as const, error };
      }
    }),
  );

  function flush() {
    scheduled = false;
    const jobs = pending.splice(0, maxBatch);
    if (pending.length > 0) schedule();
    let results: ReturnType<typeof runBatch>;
    try {
      results = runBatch(jobs);
    } catch (error) {
      // the commit itself failed (disk full, I/O): nothing of the batch was written
      for (const job of jobs) job.reject(error);
      return;
    }
    results.forEach((r, i) => {
      if (r.ok) jobs[i].resolve(r.value);
      else jobs[i].reject(r.error);
    });
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return <T>(write: () => T) =>
    new Promise<T>((resolve, reject) => {
      pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      schedule();
    });
}
