import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { DatabaseUnavailableError } from '../open-database.js';
import * as coordination from './coordination-schema.js';
import * as mediaBlobs from './media-blobs-schema.js';
import * as tables from './schema.js';

export const pgSchema = { ...tables, ...coordination, ...mediaBlobs };
export type PgDb = NodePgDatabase<typeof pgSchema> & { $client: pg.Pool };

export const pgMigrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'pg-migrations');

// Instances starting together must not apply the same migration twice: the first takes this
// lock, the others wait for it and then find nothing left to do. (Any constant: it names the lock.)
const MIGRATION_LOCK = 7_311_402_614;

/** host:port/database of a URL, without the user or password, for messages and logs. */
export function describePgUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'the DATABASE_URL (not a valid URL)';
  }
}

/**
 * Connects a node-postgres pool to `url`, applies the migrations of src/db/pg-migrations
 * (under an advisory lock, so several instances may start at once; or, for a tool that only
 * reads, checks they were applied) and returns drizzle on it.
 * A server that does not answer is a DatabaseUnavailableError with a one-line message.
 */
export async function openPg({
  url,
  max = 10,
  connectTimeoutMs = 5_000,
  applicationName = 'sahayak',
  applyMigrations = true,
  onError,
  onWarning,
}: {
  url: string;
  /** false: only connect (a tool that reads must not change the schema; the server migrates) */
  applyMigrations?: boolean;
  /** pooled connections (each instance; PostgreSQL's max_connections bounds the sum) */
  max?: number;
  connectTimeoutMs?: number;
  applicationName?: string;
  /** an idle pooled connection failed (server restart): logged, the pool makes a new one */
  onError?: (err: Error) => void;
  /** the database works but not as it should for Sahayak (transcript search cannot index Devanagari) */
  onWarning?: (message: string) => void;
}): Promise<PgDb> {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: connectTimeoutMs,
    application_name: applicationName,
    // JIT compiles a query whose estimated cost is high (the outbox claim's per-row head check
    // is estimated so), costing 150 ms to save microseconds: never worth it for these short queries
    options: '-c jit=off',
  });
  // without a listener an idle connection's error (the server restarting) kills the process
  pool.on('error', (err) => onError?.(err));
  try {
    const client = await pool.connect();
    try {
      if (applyMigrations) {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        try {
          await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
        }
      }
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => undefined);
    throw unavailable(err, url);
  }
  const db = drizzle(pool, { schema: pgSchema }) as PgDb;
  // left unmigrated, the schema must still be the one this code reads
  if (!applyMigrations && !(await pgMigrationsApplied(db))) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `PostgreSQL at ${describePgUrl(url)} lacks this version's migrations: start the server on it once (it applies them)`,
    );
  }
  if (!(await trigramsIndexDevanagari(db))) {
    onWarning?.(
      `PostgreSQL at ${describePgUrl(url)} has a non-UTF-8 LC_CTYPE: pg_trgm finds no trigrams in Devanagari, so Hindi transcript search scans every message; create the database with LC_CTYPE 'C.UTF-8' (or another UTF-8 locale)`,
    );
  }
  return db;
}

/**
 * pg_trgm takes only what the database's LC_CTYPE calls letters into trigrams: under 'C'
 * Devanagari yields none, and the GIN index then cannot narrow a Hindi search at all.
 */
export async function trigramsIndexDevanagari(db: PgDb): Promise<boolean> {
  const { rows } = await db.$client.query<{ n: number }>(`select cardinality(show_trgm('प्रमाणपत्र')) as n`);
  return Number(rows[0]?.n) > 0;
}

function unavailable(err: unknown, url: string): Error {
  const e = err as { code?: string; message?: string; errors?: { message?: string }[] };
  const where = describePgUrl(url);
  const connection = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH)$/.test(
    e.code ?? '',
  );
  // node-postgres wraps "localhost resolved to two addresses" failures in an AggregateError
  const detail = e.message || e.errors?.map((x) => x.message).join('; ') || String(err);
  if (connection || /timeout|terminated/i.test(detail)) {
    return new DatabaseUnavailableError(
      `cannot reach PostgreSQL at ${where} (${e.code ?? detail}): is the server running, and is DATABASE_URL right?`,
    );
  }
  // 28P01 bad password, 3D000 no such database, 28000 no such role: the server said why
  if (/^(28|3D)/.test(e.code ?? '')) {
    return new DatabaseUnavailableError(`PostgreSQL at ${where} refused the connection: ${detail}`);
  }
  return err instanceof Error ? err : new Error(detail);
}

/** Readiness: the server answers and every migration in the repo has been applied. */
export async function pgMigrationsApplied(db: PgDb): Promise<boolean> {
  try {
    const { rows } = await db.$client.query<{ n: string }>(
      'select count(*) as n from drizzle.__drizzle_migrations',
    );
    const journal = JSON.parse(readFileSync(join(pgMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: unknown[];
    };
    return Number(rows[0]?.n) >= journal.entries.length;
  } catch {
    return false;
  }
}
