import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { loadTestDatabaseSettings } from '../config.js';
import { databaseUrl, hasPgBinaries, type PgCluster, startPgCluster } from './pg-cluster.js';

const settings = loadTestDatabaseSettings();

/**
 * Whether the PostgreSQL tests can run here, and if not why: TEST_DATABASE_URL (the one
 * server .ci/run starts for the whole run) or else Debian's binaries for a cluster of our own.
 * In CI neither is a failure, not a skip: those tests must run there.
 */
export const pgTestServer: { available: boolean; reason: string } = settings.url
  ? { available: true, reason: 'TEST_DATABASE_URL' }
  : hasPgBinaries()
    ? { available: true, reason: 'throwaway cluster' }
    : { available: false, reason: 'no PostgreSQL: set TEST_DATABASE_URL or install postgresql-15' };

if (!pgTestServer.available) {
  if (settings.ci) throw new Error(`PostgreSQL tests cannot run in CI: ${pgTestServer.reason}`);
  console.warn(`skipping PostgreSQL tests: ${pgTestServer.reason}`);
}

/** Title suffix that says in the test report why a PostgreSQL suite was skipped. */
export const pgSkipNote = pgTestServer.available ? '' : ` (skipped: ${pgTestServer.reason})`;

// one server per test file process: the shared one, or a cluster started on first use
let server: Promise<{ url: string; cluster?: PgCluster }> | undefined;
let users = 0;
function serverUrl() {
  server ??= settings.url
    ? Promise.resolve({ url: settings.url })
    : startPgCluster().then((cluster) => ({ url: cluster.url, cluster }));
  return server;
}

async function admin<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/**
 * A fresh, empty database on the test server for the enclosing suite (its own name, so
 * test files running in parallel on one server never see each other's rows), dropped after.
 * Call in a describe (or at the top of a file); read url() inside tests or hooks.
 */
export function usePgTestDatabase(): { url: () => string } {
  let url: string | undefined;
  let name: string | undefined;
  let base: string | undefined;
  beforeAll(async () => {
    users++;
    const s = await serverUrl();
    base = s.url;
    name = `sahayak_t_${randomBytes(6).toString('hex')}`;
    await admin(base, (c) => c.query(`create database "${name}"`));
    url = databaseUrl(base, name);
  }, 120_000);
  afterAll(async () => {
    try {
      if (base && name) {
        const b = base;
        await admin(b, (c) => c.query(`drop database if exists "${name}" with (force)`));
      }
    } finally {
      users--;
      const s = server && users === 0 ? await server : undefined;
      // the cluster dies with the last suite that used it (even when the drop failed); the
      // shared server is .ci/run's to stop
      if (s?.cluster) {
        server = undefined;
        await s.cluster.stop();
      }
    }
  }, 60_000);
  return {
    url: () => {
      if (!url) throw new Error('the test database is made in beforeAll: read url() inside a test or hook');
      return url;
    },
  };
}

/** Every table of the database's public schema emptied and its ids restarted: a fresh database for the next test. */
export async function emptyAllTables(client: Pick<pg.Client | pg.Pool, 'query'>): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    "select quote_ident(tablename) as name from pg_tables where schemaname = 'public'",
  );
  if (rows.length)
    await client.query(`truncate ${rows.map((r) => r.name).join(', ')} restart identity cascade`);
}
