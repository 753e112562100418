import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A database or a transaction on it: what functions that only read and write take. */
export type DbTx = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The database cannot be used: locked by another process past the wait, read-only, or unopenable. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const code = (err: unknown) => String((err as { code?: unknown } | null)?.code ?? '');
const isBusy = (err: unknown) => /^SQLITE_(BUSY|LOCKED)/.test(code(err));
const isReadOnly = (err: unknown) => /^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code(err));

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas every connection needs,
 * and applies the drizzle-kit migrations in the repo. `:memory:` gives a fresh database.
 *
 * Start-up must not crash on a second process (npm run chat, an export) holding the write
 * lock: it retries for up to `lockWaitMs`, telling `onWait` each time, and then throws a
 * DatabaseUnavailableError that says what is wrong, as it does at once for a read-only file.
 */
export function openDatabase({
  path,
  busyTimeoutMs = 5000,
  lockWaitMs = 60_000,
  onWait,
}: {
  path: string;
  /** how long one statement waits for another process's write lock (SQLite busy_timeout) */
  busyTimeoutMs?: number;
  /** how long opening keeps retrying while the database stays locked */
  lockWaitMs?: number;
  onWait?: (message: string) => void;
}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let client: Database.Database;
  try {
    client = new Database(path);
  } catch (err) {
    throw new DatabaseUnavailableError(`cannot open the database ${path}: ${(err as Error).message}`);
  }
  const deadline = Date.now() + lockWaitMs;
  for (;;) {
    try {
      return setUp(client, busyTimeoutMs);
    } catch (err) {
      if (isReadOnly(err)) {
        client.close();
        throw new DatabaseUnavailableError(
          `the database ${path} is read-only (${code(err)}): the server needs write access to the file and its folder (SQLite writes ${path}-wal and -shm beside it)`,
        );
      }
      if (!isBusy(err)) throw err;
      if (Date.now() >= deadline) {
        client.close();
        throw new DatabaseUnavailableError(
          `the database ${path} stayed locked by another process for ${Math.round(lockWaitMs / 1000)} s; stop the other process (npm run chat, an export) and start again`,
        );
      }
      onWait?.(`the database ${path} is locked by another process; retrying`);
      sleep(Math.min(1000, busyTimeoutMs));
    }
  }
}

function setUp(client: Database.Database, busyTimeoutMs: number): Db {
  // the busy timeout first, so the statements below ride out a lock held for a moment
  client.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  // WAL lets the staff console read while the agent writes
  client.pragma('journal_mode = WAL');
  client.pragma('foreign_keys = ON');
  client.pragma('synchronous = NORMAL');
  // deleted rows are overwritten, not left in free space: an erased citizen's text must
  // not be readable from the file afterwards (DPDP erasure, retention)
  client.pragma('secure_delete = ON');
  // Savepoint journals in memory: each writer of an iteration's commit runs in a savepoint
  // (src/pipeline/iteration-commit.ts), whose journal spilled past 64 KiB to a temporary
  // file opened, unlinked and closed ~6 times a second at 500 turns/s (strace); in memory the
  // server spends 0.07 ms less kernel time a turn (bench/README.md). A journal holds the
  // pages one transaction dirtied, so it stays small.
  client.pragma('temp_store = MEMORY');
  const db = drizzle(client, { schema }) as Db;
  migrate(db, { migrationsFolder });
  // a write lock taken and given back: a database another process keeps locked, or that
  // cannot be written, is found here rather than by the first request or the start-up recovery
  client.prepare('begin immediate').run();
  client.prepare('commit').run();
  return db;
}

/** Readiness: the database answers and every migration in the repo has been applied. */
export function migrationsApplied(db: Db): boolean {
  try {
    const row = db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    return row.n >= journal.entries.length;
  } catch {
    return false;
  }
}
