import type { Db } from '../db/open-database.js';
import { sharedLock } from './immediate-transactions.js';

/**
 * The turn worker's transactions, grouped: the first one opens BEGIN IMMEDIATE (under the
 * lock shared with the webhook thread) and the ones that follow within `maxMs` run as
 * savepoints inside it, committed together at the end of the event-loop turn or once
 * `maxMs` has passed. Each turn stays atomic (its savepoint), a crash before the commit
 * leaves all of the batch's messages pending (replayed as after any crash), and one commit
 * and one lock hand-over per batch replace one per turn, the bulk of a turn's cost when
 * two connections write. `onCommit` runs after each commit, for wake-ups that must not
 * precede it (the outbox reads only committed rows).
 */
export function groupCommits(db: Db, lock: SharedArrayBuffer, { maxMs = 2, onCommit = () => {} } = {}) {
  const client = db.$client;
  const { acquire, release } = sharedLock(lock);
  const begin = client.prepare('BEGIN IMMEDIATE');
  const commitStmt = client.prepare('COMMIT');
  let openedAt = 0;
  let open = false;
  let held = false;
  let depth = 0;

  function start(): void {
    held = acquire();
    try {
      begin.run();
    } catch (err) {
      if (held) release();
      held = false;
      throw err;
    }
    open = true;
    openedAt = performance.now();
    setImmediate(commit);
  }

  function commit(): void {
    if (!open) return;
    open = false;
    try {
      if (client.inTransaction) commitStmt.run();
    } finally {
      if (held) release();
      held = false;
    }
    onCommit();
  }

  const transaction = client.transaction.bind(client);
  client.transaction = ((fn: Parameters<typeof transaction>[0]) => {
    const tx = transaction(fn);
    // inside the open batch better-sqlite3 runs it as a savepoint: rolled back alone on error
    const grouped = (...args: Parameters<typeof tx>) => {
      if (client.inTransaction && !open) return tx(...args); // nested in someone's own BEGIN
      if (!open) start();
      depth++;
      try {
        return tx(...args);
      } finally {
        depth--;
        if (depth === 0 && performance.now() - openedAt >= maxMs) commit();
      }
    };
    return Object.assign(grouped, {
      default: grouped,
      deferred: grouped,
      immediate: grouped,
      exclusive: grouped,
      database: client,
    });
  }) as typeof client.transaction;

  return {
    /** whether a batch is open (its commit will follow) */
    get open() {
      return open;
    },
    /** commits the open batch now (drain before closing the connection) */
    flush: commit,
  };
}
