import type { Db } from '../db/open-database.js';
import { openPg } from '../db/pg/open-pg.js';
import { pgStore } from './pg-store.js';
import { sqliteStore } from './sqlite-store.js';
import type { Store } from './store.js';

/**
 * Builds the store from configuration, for src/main.ts once the whole app runs on it:
 * a postgres:// URL gives the PostgreSQL adapter (migrations applied by openPg), otherwise
 * the SQLite adapter on the already-open database the rest of the app uses.
 */
export async function openStore(o: {
  databaseUrl?: string;
  sqlite: () => Db;
  onWarning?: (message: string) => void;
}): Promise<Store> {
  if (o.databaseUrl) return pgStore(await openPg({ url: o.databaseUrl, onWarning: o.onWarning }));
  return sqliteStore(o.sqlite());
}
