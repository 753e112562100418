import type pg from 'pg';
import type { PgTurnLeases, TurnLease } from './pg-turn-lease.js';

export interface PendingInbound {
  id: number;
  waId: string;
}

/**
 * Runs a citizen's pending inbound messages as turns, under the citizen's lease: one at a
 * time, oldest first, on whichever instance holds the lease. Every instance may be kicked
 * for any citizen (any instance takes any webhook delivery); a kick where another instance
 * holds the lease does nothing, because the holder looks for new messages before it lets go.
 *
 * `runTurn` must end the message's pending state (done or failed) in a transaction that
 * checks the lease (commitUnderLease), so a turn is committed by one holder only.
 */
export function createPgCitizenTurns({
  pool,
  leases,
  runTurn,
  onError,
}: {
  pool: pg.Pool;
  leases: PgTurnLeases;
  runTurn: (inbound: PendingInbound, lease: TurnLease) => Promise<void>;
  onError: (err: unknown, waId: string) => void;
}) {
  const nextPending = async (waId: string) =>
    (
      await pool.query<PendingInbound>(
        `select id::float8 as id, wa_id as "waId" from messages
         where wa_id = $1 and direction = 'in' and process_status = 'pending' order by id limit 1`,
        [waId],
      )
    ).rows[0];

  /** Runs the citizen's pending turns if no one else is; resolves with how many ran here. */
  async function drain(waId: string): Promise<number> {
    let ran = 0;
    for (;;) {
      const lease = await leases.acquire(waId);
      if (!lease) return ran;
      // a turn longer than the lease keeps it: renewed at a third of its length
      let lost = false;
      const heartbeat = setInterval(
        () =>
          void leases.renew(lease).then(
            (r) => {
              if (!r) lost = true;
            },
            () => undefined,
          ),
        Math.max(10, Math.floor(leases.leaseMs / 3)),
      );
      heartbeat.unref();
      let failed = false;
      try {
        let previous: number | undefined;
        for (let next = await nextPending(waId); next && !lost; next = await nextPending(waId)) {
          if (next.id === previous) throw new Error(`turn for message ${next.id} left it pending`);
          previous = next.id;
          await runTurn(next, lease);
          ran++;
        }
      } catch (err) {
        failed = true;
        onError(err, waId);
      } finally {
        clearInterval(heartbeat);
        await leases.release(lease).catch((err: unknown) => onError(err, waId));
      }
      // a message stored while we were letting go found the lease taken and did not start:
      // look once more. After a failure the sweep (orphans) tries again later instead.
      if (failed || lost || !(await nextPending(waId))) return ran;
    }
  }

  /**
   * Citizens with pending messages and no live lease: a crashed instance's work, or kicks
   * lost with it. Polled by every instance; drain() makes sure one of them takes each.
   */
  async function orphans(limit = 100): Promise<string[]> {
    const { rows } = await pool.query<{ waId: string }>(
      `select distinct m.wa_id as "waId" from messages m
       where m.process_status = 'pending'
         and not exists (select 1 from turn_leases l where l.wa_id = m.wa_id and l.expires_at > clock_timestamp())
       limit $1`,
      [limit],
    );
    return rows.map((r) => r.waId);
  }

  return { drain, orphans };
}
