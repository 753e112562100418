import type pg from 'pg';

/**
 * The send rate of one WhatsApp number shared by every instance (Meta's limit is per number,
 * not per process): a token bucket in one row of send_rate_buckets, refilled and taken from
 * in one atomic statement. A take may drive the bucket below zero: it is a reservation, and
 * the taker waits until its token is due, so takers from all instances queue up in time and
 * the number never goes above `ratePerSecond` (plus `burst` at once after a quiet spell).
 * One round trip per take; `take(n)` reserves n sends at once for a batch.
 */
export function createPgSendRate({
  pool,
  key,
  ratePerSecond,
  burst = 1,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
}: {
  pool: pg.Pool;
  /** the sending number (phone number id): one bucket each */
  key: string;
  ratePerSecond: number;
  burst?: number;
  sleep?: (ms: number) => Promise<void>;
}) {
  if (!(ratePerSecond > 0)) throw new Error('ratePerSecond must be above 0');
  /** reserves `n` sends; resolves with how long the caller must wait (ms) before sending them */
  async function reserve(n = 1): Promise<number> {
    const { rows } = await pool.query<{ tokens: number }>(
      `insert into send_rate_buckets as b (key, tokens, updated_at) values ($1, $3::float8 - $4, clock_timestamp())
       on conflict (key) do update set
         tokens = least($3::float8, b.tokens + extract(epoch from (excluded.updated_at - b.updated_at))::float8 * $2)
           - $4,
         updated_at = excluded.updated_at
       returning tokens`,
      [key, ratePerSecond, burst, n],
    );
    const tokens = Number(rows[0]?.tokens ?? 0);
    return tokens >= 0 ? 0 : Math.ceil((-tokens / ratePerSecond) * 1000);
  }
  return {
    reserve,
    /** resolves when `n` more sends fit in the number's rate, across all instances */
    async take(n = 1): Promise<void> {
      const wait = await reserve(n);
      if (wait > 0) await sleep(wait);
    },
  };
}
