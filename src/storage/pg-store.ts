import { sql } from 'drizzle-orm';
import { type PgDb, pgSchema } from '../db/pg/open-pg.js';
import { type Dialect, type Op, type Operation, preparedFor, type Q, type Step } from './operation.js';
import type { Store } from './store.js';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export const pgDialect: Dialect = {
  name: 'postgres',
  jsonText: (column, key) => sql<string | null>`(${column} ->> ${key})`,
  // ILIKE '%…%' is served by the pg_trgm GIN index messages_text_trgm_idx (Devanagari included
  // when the database's LC_CTYPE is UTF-8: openPg warns otherwise); short needles scan, as LIKE did
  textContains: (column, needle) => sql`${column} ilike ${`%${likeEscape(needle)}%`}`,
  containsInsensitive: (column, needle) => sql`${column} ilike ${`%${likeEscape(needle)}%`}`,
  keyLock: (key) => sql`select pg_advisory_xact_lock(hashtext(${key}))`,
  prepareSearch: () => undefined,
};

type PgPrepared = { execute(params: Record<string, unknown>): Promise<unknown> };

async function runStep(step: Step): Promise<unknown> {
  // node-postgres prepares a named statement once per connection of the pool
  if (step.kind === 'prepared') return preparedFor<PgPrepared>(step).execute(step.params);
  const result = await step.query;
  if (step.kind === 'rows') return result;
  return Number((result as { rowCount?: number | null }).rowCount ?? 0);
}

/** Drives an operation with await: each yielded statement runs on the pool or the transaction. */
export async function runAsync<T>(body: Operation<T>): Promise<T> {
  let next = body.next();
  while (!next.done) {
    let value: unknown;
    try {
      value = await runStep(next.value);
    } catch (err) {
      next = body.throw(err);
      continue;
    }
    next = body.next(value);
  }
  return next.value;
}

/** The PostgreSQL adapter: the same operations, each statement awaited on node-postgres. */
export type PgStore = Store & { readonly db: PgDb };

export function pgStore(db: PgDb): PgStore {
  const tables = pgSchema as unknown as Q['t'];
  return {
    dialect: 'postgres',
    db,
    read: (op) => runAsync(op({ db, t: tables, d: pgDialect })),
    transaction: <T>(op: Op<T>) =>
      db.transaction((tx) => runAsync(op({ db: tx as unknown as PgDb, t: tables, d: pgDialect }))),
    close: () => db.$client.end(),
  };
}
