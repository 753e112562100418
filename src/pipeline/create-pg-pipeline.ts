import { createPgCitizenTurns, type PendingInbound } from '../coordination/pg-citizen-turns.js';
import { createPgTurnLeases, type TurnLease, TurnLeaseLostError } from '../coordination/pg-turn-lease.js';
import { maskPhone } from '../logging/create-logger.js';
import type { PgStore } from '../storage/pg-store.js';
import { text } from '../whatsapp/outbound-builders.js';
import { type InboundMessage, insertInboundOp } from './insert-inbound.js';
import { isSimulated, type ProcessDeps, processInbound } from './process-inbound.js';
import { commitOpUnderLease, markTurnFailedOp, pgTurnStore } from './turn-store-pg.js';

export interface PgPipelineDeps extends Omit<ProcessDeps, 'db' | 'store' | 'turnStore' | 'commit'> {
  store: PgStore;
  /** this instance's name in the turn leases (unique per running process) */
  instanceId: string;
  /** called after a turn queued replies, to wake the outbox sender */
  onOutbound?: () => void;
  /** how long a citizen's lease lasts without renewal (a dead instance's citizens wait this long) */
  leaseMs?: number;
  /** how often every instance looks for citizens whose messages no live lease covers */
  sweepMs?: number;
}

/**
 * What staff read in last_error: drizzle wraps a failed statement in "Failed query: <sql>
 * params: <values>", which would copy the citizen's words into the row: its cause instead.
 */
function errorText(err: unknown): string {
  const e = err instanceof Error && err.message.startsWith('Failed query') && err.cause ? err.cause : err;
  return e instanceof Error ? e.message.slice(0, 500) : String(e);
}

export type PgPipeline = ReturnType<typeof createPgPipeline>;

/** Thrown into the drain loop to stop it at a turn boundary on close(); the message stays pending. */
class ClosingError extends Error {}

/**
 * The durable inbox and its turns on PostgreSQL, for one of several instances on one database:
 * the same shape as createPipeline. Any instance may be kicked for any citizen; the citizen's
 * turn lease (src/coordination/pg-turn-lease.ts) makes one of them run that citizen's pending
 * messages, one at a time, oldest first, and every turn commits only while its lease holds.
 * Work a dead instance left (its leases expire) is found by the sweep of every instance.
 */
export function createPgPipeline(deps: PgPipelineDeps) {
  const { store, logger } = deps;
  const pool = store.db.$client;
  const leases = createPgTurnLeases({ pool, owner: deps.instanceId, leaseMs: deps.leaseMs });
  let closing = false;
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  const turns = createPgCitizenTurns({
    pool,
    leases,
    runTurn,
    onError(err, waId) {
      if (err instanceof ClosingError) return;
      logger.error({ err, citizen: maskPhone(waId) }, 'citizen turns stopped; the sweep tries again');
    },
  });

  async function runTurn(next: PendingInbound, lease: TurnLease): Promise<void> {
    if (closing) throw new ClosingError();
    try {
      await processInbound(next.id, { ...deps, store, turnStore: pgTurnStore(store, lease) });
    } catch (err) {
      // another instance runs this citizen now: it answers the message, not us
      if (err instanceof TurnLeaseLostError) throw err;
      // when even the failure mark fails (database down), this throws: the drain stops, the
      // message stays pending and the sweep tries the citizen again
      await markFailed(next, lease, err);
    }
    deps.onOutbound?.();
  }

  // A bug must not make a message vanish or block the citizen's queue: the row is kept as
  // failed for staff, and the citizen hears that something went wrong.
  async function markFailed(next: PendingInbound, lease: TurnLease, err: unknown): Promise<void> {
    logger.error({ err, inboundId: next.id, citizen: maskPhone(next.waId) }, 'turn failed');
    await commitOpUnderLease(
      pool,
      lease,
      markTurnFailedOp(
        {
          inboundId: next.id,
          waId: next.waId,
          error: errorText(err),
          nowMs: deps.now().getTime(),
          simulated: isSimulated(deps.settings, next.waId),
        },
        (lang) => text(deps.catalogue.t(lang, 'runtime.something_went_wrong')),
      ),
    );
  }

  function kick(waId: string): void {
    if (closing) return;
    // a drain here already looks for new messages before it lets go; once more after it, cheaply
    if (running.has(waId)) {
      again.add(waId);
      return;
    }
    const run = (async () => {
      do {
        again.delete(waId);
        try {
          await turns.drain(waId);
        } catch (err) {
          // the lease could not even be asked for (database unreachable): the sweep retries
          logger.error({ err, citizen: maskPhone(waId) }, 'could not run the citizen’s turns');
          return;
        }
      } while (again.has(waId) && !closing);
    })().finally(() => running.delete(waId));
    running.set(waId, run);
  }

  async function sweep(): Promise<number> {
    const waIds = await turns.orphans();
    for (const waId of waIds) kick(waId);
    return waIds.length;
  }

  const sweeper = setInterval(() => {
    if (!closing)
      sweep().catch((err: unknown) => logger.error({ err }, 'the sweep for orphaned turns failed'));
  }, deps.sweepMs ?? 5_000);
  sweeper.unref();

  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running.values()]);
  }

  return {
    /** Stores one message durably; safe to call twice with the same wamid. */
    receive: (m: InboundMessage): Promise<{ id: number; duplicate: boolean }> =>
      store.transaction(insertInboundOp(m, deps.now().getTime())),
    /** Schedules processing of a citizen's pending messages (here, or where its lease is held). */
    kick,
    /** Resolves when no turn of this instance is in flight. */
    idle,
    /** Processes what no live instance holds (a crash, a kill): call at start; the sweep repeats it. */
    recover: sweep,
    /**
     * Stops taking new turns and waits for the ones in flight, at most `timeoutMs` (SIGTERM
     * drain). A turn cut off at the deadline commits nothing once the pool is closed and its
     * message stays pending for the next holder. Resolves true when every turn finished.
     */
    async close({ timeoutMs = 5_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
      closing = true;
      clearInterval(sweeper);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const done = await Promise.race([idle().then(() => true as const), deadline]);
      clearTimeout(timer);
      return done;
    },
  };
}
