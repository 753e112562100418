import { Hono } from 'hono';
import { type Db, migrationsApplied } from '../db/open-database.js';

/** /healthz: the process answers. /readyz: the database answers and is migrated. */
export function createHealthRoutes({ db }: { db: Db }): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', (c) => {
    try {
      db.$client.prepare('select 1').get();
    } catch {
      return c.json({ ok: false, database: false, migrations: false }, 503);
    }
    const migrated = migrationsApplied(db);
    return c.json({ ok: migrated, database: true, migrations: migrated }, migrated ? 200 : 503);
  });
  return app;
}
