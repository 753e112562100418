import type pg from 'pg';
import { epochMsOf, inTransaction, type Queryable } from './pg-queryable.js';

export interface PgClaimedRow {
  id: number;
  waId: string;
  /** the outbound message (jsonb, already parsed) */
  payload: unknown;
  attempts: number;
  /** epoch ms (database clock) the lease ends: also the claim's fencing token */
  leaseUntil: number;
}

const ms = (n: number) => Math.max(0, Math.round(n));

/**
 * Rows of one status whose time has come (queued: backoff over; sending: lease expired) and
 * that are their citizen's oldest unsent row, locked, skipping rows another claim holds.
 * Walked in the partial index's order (messages_queued_idx / messages_sending_idx) with the
 * head check as one probe of messages_unsent_idx per row, so a claim reads about `limit`
 * rows however long the backlog (an anti-join planned as a hash join read all of it).
 */
const candidates = (status: 'queued' | 'sending') => `
  select m.id, m.next_attempt_at as at from messages m
  where m.send_status = '${status}' and m.next_attempt_at <= clock_timestamp() and m.direction = 'out'
    and m.id = (select min(e.id) from messages e where e.wa_id = m.wa_id and e.send_status in ('queued', 'sending'))
  order by m.next_attempt_at, m.id
  limit $1
  for update of m skip locked`;

// This claim's lease: the row is still 'sending' and its lease end is the one we set. A
// sender whose lease expired and was taken over finds another lease end there and writes nothing.
const OURS = `id = $1 and send_status = 'sending' and round(extract(epoch from next_attempt_at) * 1000) = $2`;

const outcome = async (q: Queryable, text: string, values: unknown[]) =>
  (await q.query(text, values)).rowCount ?? 0;
/** a claim's fenced outcomes, on the pool or inside a transaction */
export const pgOutboxWrites = (q: Queryable) => ({
  markSent: (row: PgClaimedRow, wamid: string, attempts: number) =>
    outcome(
      q,
      `update messages set send_status = 'sent', wamid = $3, attempts = $4, status_at = clock_timestamp(),
         next_attempt_at = null, last_error = null where ${OURS}`,
      [row.id, row.leaseUntil, wamid, attempts],
    ),
  markRetry: (row: PgClaimedRow, attempts: number, delayMs: number, error: string) =>
    outcome(
      q,
      `update messages set send_status = 'queued', attempts = $3,
         next_attempt_at = clock_timestamp() + $4 * interval '1 millisecond', last_error = $5 where ${OURS}`,
      [row.id, row.leaseUntil, attempts, ms(delayMs), error],
    ),
  /** a claimed row not sent after all (the worker is stopping): back in line, no attempt spent */
  release: (row: PgClaimedRow) =>
    outcome(
      q,
      `update messages set send_status = 'queued', next_attempt_at = clock_timestamp() where ${OURS}`,
      [row.id, row.leaseUntil],
    ),
  markFailed: (row: PgClaimedRow, attempts: number, error: string) =>
    outcome(
      q,
      `update messages set send_status = 'failed', attempts = $3, last_error = $4, status_at = clock_timestamp(),
         next_attempt_at = null where ${OURS}`,
      [row.id, row.leaseUntil, attempts, error],
    ),
  /**
   * Many sends' success in one statement (the worker records outcomes in batches): one
   * round trip instead of one per row. Fenced per row like markSent; returns rows changed.
   */
  markSentMany: async (sent: { row: PgClaimedRow; wamid: string; attempts: number }[]): Promise<number> => {
    if (sent.length === 0) return 0;
    const r = await q.query(
      `update messages m set send_status = 'sent', wamid = u.wamid, attempts = u.attempts,
           status_at = clock_timestamp(), next_attempt_at = null, last_error = null
         from unnest($1::bigint[], $2::float8[], $3::text[], $4::int[]) as u(id, lease, wamid, attempts)
         where m.id = u.id and m.send_status = 'sending' and round(extract(epoch from m.next_attempt_at) * 1000) = u.lease`,
      [
        sent.map((s) => s.row.id),
        sent.map((s) => s.row.leaseUntil),
        sent.map((s) => s.wamid),
        sent.map((s) => s.attempts),
      ],
    );
    return r.rowCount ?? 0;
  },
});

export type PgOutboxWrites = ReturnType<typeof pgOutboxWrites>;

/**
 * The outbox on PostgreSQL, for several instances sending from one database: the SQLite
 * store's semantics (src/outbox/outbox-store.ts), with row locks instead of one writer.
 *
 * - A claim takes due rows with FOR UPDATE SKIP LOCKED, so instances claiming at once never
 *   wait for or take each other's rows.
 * - Per citizen only the oldest unsent row (queued or sending) may go: a later row is never
 *   claimed while an earlier one is queued in backoff or leased by anyone, live or not.
 * - A claim is a lease (send_status 'sending' until next_attempt_at); only an expired lease
 *   is taken over, by the next claim or by recover().
 * - Outcomes are fenced by the lease: after a takeover the old sender's outcome is dropped.
 * Times come from the database's clock: instances whose clocks differ agree on expiry.
 */
export function createPgOutboxStore(pool: pg.Pool) {
  return {
    /**
     * Leases up to `limit` rows until now + leaseMs: each the oldest unsent row of its
     * citizen, due ('queued' past its backoff) or with an expired lease ('sending').
     */
    async claim(limit: number, leaseMs: number): Promise<PgClaimedRow[]> {
      if (limit <= 0) return [];
      const { rows } = await pool.query<PgClaimedRow>(
        `with expired as (${candidates('sending')}), due as (${candidates('queued')}),
         picked as (select id from (select * from expired union all select * from due) c order by at, id limit $1)
         update messages s set send_status = 'sending', status_at = clock_timestamp(),
           next_attempt_at = clock_timestamp() + $2 * interval '1 millisecond'
         from picked where s.id = picked.id
         returning s.id::float8 as id, s.wa_id as "waId", s.payload, s.attempts,
           round(extract(epoch from s.next_attempt_at) * 1000)::float8 as "leaseUntil"`,
        [limit, ms(leaseMs)],
      );
      return rows.sort((a, b) => a.id - b.id);
    },
    ...pgOutboxWrites(pool),
    /**
     * runs outcomes together in one transaction (one commit for many sends); returns rows
     * changed. Each gets the transaction's client too, for writes that go with its outcome.
     */
    batch: (outcomes: ((w: PgOutboxWrites, tx: pg.PoolClient) => Promise<number>)[]) =>
      inTransaction(pool, async (tx) => {
        // one after another: a client runs one query at a time
        const w = pgOutboxWrites(tx);
        let changed = 0;
        for (const o of outcomes) changed += await o(w, tx);
        return changed;
      }),
    /** ms until the next row is due or a lease ends (0: now), null when nothing is queued or sending */
    async nextDueInMs(): Promise<number | null> {
      const { rows } = await pool.query<{ at: number | null; now: number }>(
        // one min per status: each is the first entry of its partial index
        `select ${epochMsOf(`least(
                  (select min(next_attempt_at) from messages where send_status = 'queued'),
                  (select min(next_attempt_at) from messages where send_status = 'sending'))`)} as at,
                ${epochMsOf('clock_timestamp()')} as now`,
      );
      const r = rows[0];
      return r?.at == null ? null : Math.max(0, Math.ceil(r.at - r.now));
    },
    /** 'sending' → 'queued' for expired leases only: a row another instance is sending keeps its lease */
    async recover(): Promise<number> {
      const r = await pool.query(
        `update messages set send_status = 'queued', next_attempt_at = clock_timestamp()
         where send_status = 'sending' and direction = 'out'
           and (next_attempt_at is null or next_attempt_at <= clock_timestamp())`,
      );
      return r.rowCount ?? 0;
    },
  };
}

export type PgOutboxStore = ReturnType<typeof createPgOutboxStore>;
