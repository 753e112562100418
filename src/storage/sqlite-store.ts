import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import type { PgDb } from '../db/pg/open-pg.js';
import * as sqliteTables from '../db/schema.js';
import { syncSearchIndex } from '../db/search-index.js';
import {
  type Dialect,
  type Op,
  type Operation,
  preparedFor,
  type Q,
  type Step,
  type Tables,
} from './operation.js';
import type { Store } from './store.js';

// LIKE's escape character in every pattern built here
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);
/** FTS5 phrase syntax: the query inside double quotes, inner quotes doubled. */
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

export function sqliteDialect(db: Db): Dialect {
  return {
    name: 'sqlite',
    jsonText: (column, key) => sql<string | null>`json_extract(${column}, ${`$.${key}`})`,
    // trigram FTS5 needs 3+ characters; shorter needles fall back to LIKE
    textContains: (column, needle) =>
      Array.from(needle).length >= 3
        ? sql`${column} is not null and ${sql.identifier('messages')}.${sql.identifier('id')} in (select rowid from messages_fts where messages_fts match ${ftsPhrase(needle)})`
        : sql`${column} like ${`%${likeEscape(needle)}%`} escape '\\'`,
    containsInsensitive: (column, needle) => sql`${column} like ${`%${likeEscape(needle)}%`} escape '\\'`,
    keyLock: () => undefined,
    prepareSearch: () => syncSearchIndex(db),
  };
}

type SqlitePrepared = { all(params: Record<string, unknown>): unknown[] };

/** Runs one statement of an operation synchronously on better-sqlite3. */
function runStep(step: Step): unknown {
  if (step.kind === 'prepared') return preparedFor<SqlitePrepared>(step).all(step.params);
  const q = step.query as unknown as { all: () => unknown[]; run: () => { changes: number } };
  return step.kind === 'rows' ? q.all() : q.run().changes;
}

/** Drives an operation to its end without ever yielding to the event loop. */
export function runSync<T>(body: Operation<T>): T {
  let next = body.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = runStep(next.value);
    } catch (err) {
      next = body.throw(err);
      continue;
    }
    next = body.next(value);
  }
  return next.value;
}

/**
 * The SQLite adapter: the sqlite-core drizzle database and tables handed to operations typed
 * against pg-core (see operation.ts for why). `db` stays exposed for the parts of the app not yet
 * converted; they share this connection, which is why transactions here are synchronous.
 */
export type SqliteStore = Store & { readonly db: Db; runSync<T>(op: Op<T>): T };

const contexts = new WeakMap<Db, Q>();
function contextOf(db: Db): Q {
  let q = contexts.get(db);
  if (!q) {
    q = { db: db as unknown as PgDb, t: sqliteTables as unknown as Tables, d: sqliteDialect(db) };
    contexts.set(db, q);
  }
  return q;
}

/**
 * Runs a store operation synchronously on a `Db`: the bridge for code not yet converted that
 * calls it inside its own better-sqlite3 transaction (case actions, handoffs, template replies).
 */
export function onSqlite<T>(db: Db, op: Op<T>): T {
  return runSync(op(contextOf(db)));
}

export function sqliteStore(db: Db): SqliteStore {
  const q = contextOf(db);
  const now = <T>(op: Op<T>) => runSync(op(q));
  return {
    dialect: 'sqlite',
    db,
    runSync: now,
    read: async (op) => now(op),
    // better-sqlite3's transaction(): BEGIN, the whole body synchronously, COMMIT (ROLLBACK on a throw);
    // nested inside another transaction it becomes a savepoint
    transaction: async (op) => db.$client.transaction(() => now(op))(),
    close: async () => undefined,
  };
}
