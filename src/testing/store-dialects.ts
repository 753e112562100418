import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { openPg } from '../db/pg/open-pg.js';
import { type PgStore, pgStore } from '../storage/pg-store.js';
import { type SqliteStore, sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
import { emptyAllTables, pgTestServer, usePgTestDatabase } from './pg-test-database.js';

export type DialectName = Store['dialect'];

/** The dialects storage tests run on here: SQLite always, PostgreSQL when a server can run (always in CI). */
export const testDialects: DialectName[] = pgTestServer.available ? ['sqlite', 'postgres'] : ['sqlite'];

/**
 * A store of `dialect` for each test of the enclosing describe, empty at the start of every
 * test: a fresh `:memory:` SQLite database, or the suite's PostgreSQL database (usePgTestDatabase)
 * with every table truncated. Call in a describe; read the store inside tests.
 */
export function useStore(dialect: DialectName): () => SqliteStore | PgStore {
  let store: SqliteStore | PgStore | undefined;
  if (dialect === 'sqlite') {
    beforeEach(() => {
      store = sqliteStore(openDatabase({ path: ':memory:' }));
    });
  } else {
    const database = usePgTestDatabase();
    let pg: PgStore | undefined;
    beforeAll(async () => {
      pg = pgStore(await openPg({ url: database.url(), max: 4 }));
    }, 60_000);
    beforeEach(async () => {
      if (!pg) throw new Error('no PostgreSQL store');
      await emptyAllTables(pg.db.$client);
      store = pg;
    });
    afterAll(async () => {
      await pg?.close();
    });
  }
  return () => {
    if (!store) throw new Error('the store is made in beforeEach: read it inside a test');
    return store;
  };
}
