import type { SQL } from 'drizzle-orm';
import type { PgDb } from '../db/pg/open-pg.js';
import type * as pgTables from '../db/pg/schema.js';

/*
 * How the storage code is written once for SQLite and PostgreSQL
 * ---------------------------------------------------------------
 * An operation of the store is a generator function written against drizzle's pg-core types
 * (`Q.db` is typed as the PostgreSQL database, `Q.t` as the pg-core tables). It never runs a
 * query itself: it builds one with drizzle's query builder (the same API on both dialects) and
 * yields it (`yield* rows(q)` / `yield* exec(q)`); the adapter runs it and resumes the generator
 * with the result. The SQLite adapter (sqlite-store.ts) is the explicit, named adapter for the
 * other dialect: at run time it passes the better-sqlite3 drizzle database and the sqlite-core
 * tables (same table and column names: src/db/pg/schema-parity.test.ts), so every builder call
 * renders SQLite SQL.
 *
 * Why generators and not async functions: the rest of the app writes synchronously on the same
 * better-sqlite3 connection. An async transaction body would yield to the event loop between
 * statements and let those writes land inside our BEGIN … COMMIT. The SQLite adapter drives the
 * generator to completion synchronously (inside better-sqlite3's own transaction() when the
 * operation is a transaction), so nothing else can run in between; the PostgreSQL adapter drives
 * the same generator with await inside db.transaction() on one pooled connection.
 *
 * Why pg-core types and not sqlite-core: PostgreSQL's builder has no `.get()`/`.all()`/`.run()`,
 * so code typed against it cannot use the SQLite-only synchronous methods by mistake; what pg-core
 * has and SQLite lacks (ilike, for update, distinct on) belongs in a Dialect (dialect.ts).
 */

/** the tables, as pg-core types (the SQLite adapter passes sqlite-core tables of the same names) */
export type Tables = typeof pgTables;

/** What a dialect does differently; kept to these few named parts. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** a JSON object column's text field: json_extract(col, '$.k') or col->>'k' */
  jsonText(column: SQL | unknown, key: string): SQL<string | null>;
  /** transcript search: does the text column contain `needle` (already cleaned by searchText)? */
  textContains(column: unknown, needle: string): SQL;
  /** case-insensitive substring match (SQLite LIKE is ASCII-insensitive; PostgreSQL needs ILIKE) */
  containsInsensitive(column: unknown, needle: string): SQL;
  /**
   * the statement that holds a lock on `key` until the transaction ends (PostgreSQL: an advisory
   * transaction lock), or undefined where a transaction already excludes every other writer (SQLite)
   */
  keyLock(key: string): SQL | undefined;
  /** brings the search index up to date before a search (FTS5 on SQLite; nothing on PostgreSQL) */
  prepareSearch(): void;
}

/** What an operation builds its queries with. */
export type Q = { db: PgDb; t: Tables; d: Dialect };

type Query = PromiseLike<unknown>;
/** a select built with `sql.placeholder`s: the adapter prepares it once per connection and `key` */
export type PreparedStep = {
  kind: 'prepared';
  key: string;
  /** what the prepared statement is kept for: the database (or transaction) it was built on */
  host: object;
  build: () => { prepare(name: string): unknown };
  params: Record<string, unknown>;
};
export type Step = { kind: 'rows'; query: Query } | { kind: 'exec'; query: Query } | PreparedStep;
/** An operation's body: yields queries, returns T. */
export type Operation<T> = Generator<Step, T, unknown>;
/** A store operation: given the dialect's builder, the body. */
export type Op<T> = (q: Q) => Operation<T>;

/** What an operation returns. */
export type OpResult<O> = O extends (q: Q) => Generator<Step, infer T, unknown> ? T : never;

/** Runs a select, or an insert/update/delete with returning(): its rows. */
export function* rows<T>(query: PromiseLike<T[]>): Generator<Step, T[], unknown> {
  return (yield { kind: 'rows', query }) as T[];
}

/**
 * A select on a hot path, prepared once and run again with new `params`: drizzle renders and
 * SQLite compiles a one-time query on every call (~200 µs for check_status's two selects, 2 µs
 * as prepared statements). `build` uses `sql.placeholder(name)` for every value in `params`;
 * `key` names the statement (PostgreSQL's prepared-statement name too), one key one query.
 */
export function* preparedRows<T>(
  q: Q,
  key: string,
  build: (q: Q) => PromiseLike<T[]> & { prepare(name: string): unknown },
  params: Record<string, unknown>,
): Generator<Step, T[], unknown> {
  return (yield { kind: 'prepared', key, host: q.db, build: () => build(q), params }) as T[];
}

const preparedCache = new WeakMap<object, Map<string, unknown>>();

/** The adapter's prepared statement of a step: prepared on first use, then kept for its host and key. */
export function preparedFor<P>(step: PreparedStep): P {
  let statements = preparedCache.get(step.host);
  if (!statements) {
    statements = new Map();
    preparedCache.set(step.host, statements);
  }
  let statement = statements.get(step.key);
  if (statement === undefined) {
    statement = step.build().prepare(step.key);
    statements.set(step.key, statement);
  }
  return statement as P;
}

/** The first row of a select, or undefined. */
export function* first<T>(query: PromiseLike<T[]>): Generator<Step, T | undefined, unknown> {
  const r = yield* rows(query);
  return r[0];
}

/** Runs a statement without rows; resolves to the number of rows it changed. */
export function* exec(query: PromiseLike<unknown>): Generator<Step, number, unknown> {
  return (yield { kind: 'exec', query }) as number;
}

/** count(*) and sums come back as strings (bigint) from node-postgres: always a JS number. */
export const num = (v: unknown): number => (v == null ? 0 : Number(v));

/** Serialises transactions that read-then-write rows of one key (see Dialect.keyLock). */
export function* lockKey(q: Q, key: string): Generator<Step, void, unknown> {
  const statement = q.d.keyLock(key);
  if (statement) yield* exec(q.db.execute(statement));
}
