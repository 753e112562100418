import type pg from 'pg';
import { epochMsOf, inTransaction, type Queryable } from './pg-queryable.js';

export interface TurnLease {
  waId: string;
  owner: string;
  /** fencing token: a new one for every new holder, never reused */
  token: number;
  /** epoch ms, by the database's clock */
  expiresAt: number;
}

/** The turn's commit found its lease taken over: another instance runs this citizen's turns now. */
export class TurnLeaseLostError extends Error {
  override name = 'TurnLeaseLostError';
}

const returning = `returning wa_id as "waId", owner, token::float8 as token, ${epochMsOf('expires_at')} as "expiresAt"`;

/**
 * Per-citizen turn leases in the turn_leases table, for several instances on one database:
 * the holder runs the citizen's turns, one at a time and oldest message first; the others
 * leave that citizen alone until the lease is released or expires. Expiry is judged by the
 * database's clock, so instances whose clocks differ still agree.
 *
 * Why a table and not pg_advisory_lock: an advisory lock lives on one connection, so holding
 * it through a turn (seconds of model time) would pin a pooled connection per citizen in a
 * turn, and a hung instance whose connection stays up would hold it forever. A lease row
 * needs no connection while held, expires by itself, and carries a fencing token that the
 * turn's commit checks, so a holder that lost its lease (paused past expiry) cannot commit
 * a turn the next holder runs too.
 */
export function createPgTurnLeases({
  pool,
  owner,
  leaseMs = 30_000,
}: {
  pool: pg.Pool;
  owner: string;
  leaseMs?: number;
}) {
  const ms = Math.max(1, Math.round(leaseMs));
  return {
    leaseMs: ms,
    /** The citizen's lease, or null while another holder's lease is live. */
    async acquire(waId: string): Promise<TurnLease | null> {
      const { rows } = await pool.query<TurnLease>(
        `insert into turn_leases (wa_id, owner, token, expires_at)
         values ($1, $2, nextval('turn_lease_token_seq'), clock_timestamp() + $3 * interval '1 millisecond')
         on conflict (wa_id) do update set owner = excluded.owner, token = excluded.token, expires_at = excluded.expires_at
         where turn_leases.expires_at <= clock_timestamp()
         ${returning}`,
        [waId, owner, ms],
      );
      return rows[0] ?? null;
    },
    /** Extends a lease still ours (a long turn); null when it was taken over meanwhile. */
    async renew(lease: TurnLease): Promise<TurnLease | null> {
      const { rows } = await pool.query<TurnLease>(
        `update turn_leases set expires_at = clock_timestamp() + $3 * interval '1 millisecond'
         where wa_id = $1 and token = $2 ${returning}`,
        [lease.waId, lease.token, ms],
      );
      return rows[0] ?? null;
    },
    /** Gives the citizen back at once (not at expiry); false when it was no longer ours. */
    async release(lease: TurnLease): Promise<boolean> {
      const r = await pool.query('delete from turn_leases where wa_id = $1 and token = $2', [
        lease.waId,
        lease.token,
      ]);
      return (r.rowCount ?? 0) > 0;
    },
  };
}

export type PgTurnLeases = ReturnType<typeof createPgTurnLeases>;

/**
 * Inside the turn's write transaction: true while `lease` is still the citizen's, and then
 * no one can take it over until this transaction ends (the row is locked FOR SHARE, and a
 * takeover is an update of it). A turn commits only when this is true.
 */
export async function holdsTurnLease(tx: Queryable, lease: TurnLease): Promise<boolean> {
  const { rows } = await tx.query('select 1 from turn_leases where wa_id = $1 and token = $2 for share', [
    lease.waId,
    lease.token,
  ]);
  return rows.length > 0;
}

/** Commits `write` as one transaction if `lease` still holds; throws TurnLeaseLostError (rolled back) if not. */
export function commitUnderLease<T>(
  pool: pg.Pool,
  lease: TurnLease,
  write: (tx: pg.PoolClient) => Promise<T>,
) {
  return inTransaction(pool, async (tx) => {
    if (!(await holdsTurnLease(tx, lease))) {
      throw new TurnLeaseLostError(`the turn lease of a citizen was taken over (token ${lease.token})`);
    }
    return write(tx);
  });
}
