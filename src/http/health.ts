import { Hono } from 'hono';
import { type Db, migrationsApplied } from '../db/open-database.js';
import { pgMigrationsApplied } from '../db/pg/open-pg.js';
import type { PgStore } from '../storage/pg-store.js';
import { type SqliteStore, sqliteStore } from '../storage/sqlite-store.js';

// both adapters say their dialect as a plain string: the SQLite one is the one that runs synchronously
const isSqlite = (store: SqliteStore | PgStore): store is SqliteStore => 'runSync' in store;

/** Each database's own migration journal: drizzle keeps it in a different place on each. */
const migrated = (store: SqliteStore | PgStore): boolean | Promise<boolean> =>
  isSqlite(store) ? migrationsApplied(store.db) : pgMigrationsApplied(store.db);

/** The server answers a query that needs no table (so an unmigrated database still "answers"). */
async function answers(store: SqliteStore | PgStore): Promise<void> {
  if (isSqlite(store)) store.db.$client.prepare('select 1').get();
  else await store.db.$client.query('select 1');
}

/** /healthz: the process answers. /readyz: the database answers and is migrated. */
export function createHealthRoutes(o: { store: SqliteStore | PgStore } | { db: Db }): Hono {
  // `{ db }` until the wiring passes the store (src/wiring/create-sahayak.ts)
  const store = 'store' in o ? o.store : sqliteStore(o.db);
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) => {
    try {
      await answers(store);
    } catch {
      return c.json({ ok: false, database: false, migrations: false }, 503);
    }
    const ok = await migrated(store);
    return c.json({ ok, database: true, migrations: ok }, ok ? 200 : 503);
  });
  return app;
}
