import { afterAll, beforeAll } from 'vitest';
import { openPg, type PgDb } from '../db/pg/open-pg.js';
import { usePgTestDatabase } from '../testing/pg-test-database.js';

/**
 * `n` instances on one fresh test database for the enclosing suite: each its own pool, as
 * separate processes would have (the migrations run once, under openPg's lock).
 */
export function usePgInstances(n: number, { max = 5 }: { max?: number } = {}) {
  const database = usePgTestDatabase();
  const dbs: PgDb[] = [];
  beforeAll(async () => {
    for (let i = 0; i < n; i++)
      dbs.push(await openPg({ url: database.url(), max, applicationName: `instance-${i}` }));
  }, 60_000);
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.$client.end()));
  });
  return {
    url: () => database.url(),
    db: (i: number) => {
      const d = dbs[i];
      if (!d) throw new Error(`instance ${i} is made in beforeAll`);
      return d;
    },
    pool: (i: number) => {
      const d = dbs[i];
      if (!d) throw new Error(`instance ${i} is made in beforeAll`);
      return d.$client;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
