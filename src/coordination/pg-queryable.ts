import type pg from 'pg';

/** A pool, a pooled client or a client in a transaction: whatever can run one query. */
export type Queryable = Pick<pg.Pool | pg.PoolClient | pg.Client, 'query'>;

/** Runs `f` in one transaction on a client of `pool`: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(pool: pg.Pool, f: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // a connection that dies between the transaction's queries must fail the transaction, not
  // crash the process (an unheard 'error' on a checked-out client), nor go back to the pool
  let broken: Error | undefined;
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    await client.query('begin');
    try {
      const result = await f(client);
      await client.query('commit');
      return result;
    } catch (err) {
      await client.query('rollback').catch((e: Error) => {
        broken ??= e;
      });
      throw err;
    }
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/** Epoch milliseconds of a timestamptz, computed by the server (no parsing of its text). */
export const epochMsOf = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
