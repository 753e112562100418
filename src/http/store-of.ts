import type { Db } from '../db/open-database.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';

/**
 * The store a route factory was given, or the SQLite adapter on the `db` it was given: routes
 * take `store` (either database), and `db` keeps today's wiring compiling until it passes the store.
 */
export function storeOf(o: { store?: Store | undefined; db?: Db | undefined }): Store {
  if (o.store) return o.store;
  if (o.db) return sqliteStore(o.db);
  throw new Error('a route needs a store (or the SQLite db)');
}
