import type pg from 'pg';

/**
 * Runs `f` only if no other instance is running the job `name` right now, holding a
 * session advisory lock for the job's duration (pg_try_advisory_lock: never waits).
 * A lock here, where turns use lease rows: jobs are few, so pinning one connection per
 * running job costs nothing, and the lock goes with its connection when the instance dies
 * (the server sees the socket close), so no expiry has to be guessed. Jobs must be
 * idempotent all the same: if the connection breaks mid-job, another instance may start
 * the job while this one finishes.
 */
export async function tryRunExclusive<T>(
  pool: pg.Pool,
  name: string,
  f: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  const client = await pool.connect();
  let broken: Error | undefined;
  // the connection may die while the job runs (the client sits idle, holding the lock): an
  // unheard 'error' on a checked-out client would crash the process
  const onError = (err: Error) => {
    broken = err;
  };
  client.on('error', onError);
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock(hashtextextended($1, 0)) as locked',
      [`sahayak:${name}`],
    );
    if (!rows[0]?.locked) return { ran: false };
    try {
      return { ran: true, value: await f() };
    } finally {
      await client
        .query('select pg_advisory_unlock(hashtextextended($1, 0))', [`sahayak:${name}`])
        .catch((err) => {
          // the connection is gone, and the lock with it: this client must not go back to the pool
          broken = err as Error;
        });
    }
  } finally {
    client.off('error', onError);
    client.release(broken);
  }
}

/**
 * A background job (retention, media fetch, payment reconciliation) that every instance
 * schedules and one instance at a time runs: each tick tries the job's lock and skips the
 * run when another instance holds it.
 */
export function startExclusiveJob({
  pool,
  name,
  everyMs,
  run,
  onError,
}: {
  pool: pg.Pool;
  name: string;
  everyMs: number;
  run: () => Promise<unknown>;
  onError: (err: unknown) => void;
}) {
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = tryRunExclusive(pool, name, run)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    /** runs a tick now (start-up), resolving when it ended */
    async runNow() {
      tick();
      await running;
    },
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
