import type pg from 'pg';

/** A pool, a pooled client or a client in a transaction: whatever can run one query. */
export type Queryable = Pick<pg.Pool | pg.PoolClient | pg.Client, 'query'>;

/**
 * Runs `f` in one transaction on a client of `pool`, committing if it resolves and rolling
 * back if it throws (or resolves with `rollback: true` in the result of `decide`).
 */
export async function inTransaction<T>(pool: pg.Pool, f: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    try {
      const result = await f(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch(() => undefined);
      throw err;
    }
  } finally {
    client.release();
  }
}

/** Epoch milliseconds of a timestamptz, computed by the server (no parsing of its text). */
export const epochMsOf = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
