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

/**
 * Opens (creating if needed) the SQLite file, sets the pragmas every connection needs,
 * and applies the drizzle-kit migrations in the repo. `:memory:` gives a fresh database.
 */
export function openDatabase({ path }: { path: string }): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const client = new Database(path);
  // WAL lets the staff console read while the agent writes; the busy timeout rides out
  // a second process (npm run chat, eval export) holding the write lock for a moment.
  client.pragma('journal_mode = WAL');
  client.pragma('busy_timeout = 5000');
  client.pragma('foreign_keys = ON');
  client.pragma('synchronous = NORMAL');
  // deleted rows are overwritten, not left in free space: an erased citizen's text must
  // not be readable from the file afterwards (DPDP erasure, retention)
  client.pragma('secure_delete = ON');
  const db = drizzle(client, { schema }) as Db;
  migrate(db, { migrationsFolder });
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
