import type { Db } from '../db/open-database.js';

/** Memory both threads see: the write lock of preferImmediateTransactions and groupCommits. */
export const createWriteLock = () => new SharedArrayBuffer(4);

// As long as SQLite's busy_timeout: a thread that died holding the lock cannot stall the other.
const LOCK_TIMEOUT_MS = 5_000;

/**
 * A mutex over shared memory: acquire() waits (blocking the thread) until the holder
 * releases. (Handing the lock straight to a waiting thread was tried: fairer to the webhook
 * thread, but it stalled the turn worker on every hand-over and cost end-to-end throughput.)
 */
export function sharedLock(lock: SharedArrayBuffer) {
  const cell = new Int32Array(lock);
  return {
    /** false when the wait timed out: the caller goes on without it */
    acquire(): boolean {
      const deadline = Date.now() + LOCK_TIMEOUT_MS;
      for (;;) {
        if (Atomics.compareExchange(cell, 0, 0, 1) === 0) return true;
        const left = deadline - Date.now();
        if (left <= 0) return false; // fall back to SQLite's own busy handling
        Atomics.wait(cell, 0, 1, left);
      }
    },
    release(): void {
      Atomics.store(cell, 0, 0);
      Atomics.notify(cell, 0, 1);
    },
  };
}

/**
 * Makes every transaction on this connection start with BEGIN IMMEDIATE, one thread at a
 * time. Needed once two connections write to the file (the webhook thread and the turn
 * worker): a deferred transaction that reads before it writes fails at once with
 * SQLITE_BUSY_SNAPSHOT when the other connection commits in between; IMMEDIATE takes the
 * write lock first. And a thread that finds the lock taken would sleep in SQLite's busy
 * handler (1 ms, then 2, 5, 10…), which under load was a third of both threads' time; the
 * shared lock wakes the waiter the moment the other commits. Nested calls stay savepoints.
 */
export function preferImmediateTransactions(db: Db, lock: SharedArrayBuffer): void {
  const client = db.$client;
  const { acquire, release } = sharedLock(lock);
  const locked =
    <A extends unknown[], R>(run: (...args: A) => R) =>
    (...args: A): R => {
      if (client.inTransaction) return run(...args);
      const held = acquire();
      try {
        return run(...args);
      } finally {
        if (held) release();
      }
    };

  const transaction = client.transaction.bind(client);
  client.transaction = ((fn: Parameters<typeof transaction>[0]) => {
    const tx = transaction(fn);
    const immediate = locked(tx.immediate);
    // Drizzle calls .deferred on what this returns: every variant goes through the lock
    return Object.assign(immediate, {
      default: immediate,
      deferred: immediate,
      immediate,
      exclusive: locked(tx.exclusive),
      database: client,
    });
  }) as typeof client.transaction;
}
