import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { citizens, messages } from '../db/schema.js';
import { maskPhone } from '../logging/create-logger.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { text } from '../whatsapp/outbound-builders.js';
import { createCommitBatcher } from './commit-batcher.js';
import { type InboundMessage, insertInbound } from './insert-inbound.js';
import { createKeyedSerialQueue } from './keyed-serial-queue.js';
import { isSimulated, type ProcessDeps, processInbound } from './process-inbound.js';
import { createTurnGate } from './turn-gate.js';
import { turnStatements } from './turn-statements.js';
import { sqliteTurnStore } from './turn-store-sqlite.js';

export interface PipelineDeps extends ProcessDeps {
  db: Db;
  /** called after a turn queued replies, to wake the outbox sender */
  onOutbound?: () => void;
  /** when the database refuses even the failure mark: wait this long, then try the citizen again */
  retryDelayMs?: number;
}

export type Pipeline = ReturnType<typeof createPipeline>;

/**
 * The durable inbox and its turns, on the caller's thread and connection (production, tests,
 * evals and the terminal all run this one): messages are stored first (receive), then
 * processed one at a time per citizen in arrival order (kick), each as one committed turn.
 * The engine runs before the turn's one short write transaction, so a slow LLM never holds
 * the write lock and other citizens' turns and the webhook's ingest go on meanwhile.
 */
export function createPipeline(deps: PipelineDeps) {
  const { db, logger } = deps;
  const retryDelayMs = deps.retryDelayMs ?? 1_000;
  let closing = false;
  const retryTimers = new Set<NodeJS.Timeout>();

  const pendingFor = (waId: string) => turnStatements(db).nextPending(waId);
  const gate = createTurnGate();
  const turnDeps: ProcessDeps = {
    ...deps,
    store: deps.store ?? sqliteStore(db),
    turnStore: sqliteTurnStore(db, deps.commit ?? createCommitBatcher(db)),
  };

  const queue = createKeyedSerialQueue(async (waId) => {
    for (let next = pendingFor(waId); next && !closing; next = pendingFor(waId)) {
      await gate();
      if (closing) return;
      try {
        await processInbound(next.id, turnDeps);
      } catch (err) {
        if (!markFailed(next.id, waId, err)) {
          // The database refused the failure mark too (disk full, locked by another process):
          // the message stays pending and this citizen is tried again later rather than in a
          // tight loop, or never.
          retryLater(waId);
          return;
        }
      }
      deps.onOutbound?.();
    }
  });

  function retryLater(waId: string) {
    if (closing) return;
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      if (!closing) queue.kick(waId);
    }, retryDelayMs);
    timer.unref();
    retryTimers.add(timer);
  }

  // A bug must not make a message vanish or block the citizen's queue: the row is kept
  // as failed for staff, and the citizen hears that something went wrong. Returns false
  // when even that could not be written.
  function markFailed(id: number, waId: string, err: unknown): boolean {
    logger.error({ err, inboundId: id, citizen: maskPhone(waId) }, 'turn failed');
    try {
      const now = deps.now().getTime();
      const lang =
        db.select({ language: citizens.language }).from(citizens).where(eq(citizens.waId, waId)).get()
          ?.language ?? 'hi';
      db.transaction((tx) => {
        tx.update(messages)
          .set({
            processStatus: 'failed',
            processedAt: now,
            lastError: err instanceof Error ? err.message.slice(0, 500) : String(err),
          })
          .where(eq(messages.id, id))
          .run();
        enqueueOutbound(tx, text(deps.catalogue.t(lang, 'runtime.something_went_wrong')), {
          waId,
          inReplyTo: id,
          simulated: isSimulated(deps.settings, waId),
          now,
        });
      });
      return true;
    } catch (markErr) {
      logger.error(
        { err: markErr, inboundId: id, citizen: maskPhone(waId) },
        'could not record the failed turn; retrying later',
      );
      return false;
    }
  }

  return {
    /** Stores one message durably; safe to call twice with the same wamid. */
    receive(m: InboundMessage): { id: number; duplicate: boolean } {
      return insertInbound(db, m, deps.now().getTime());
    },
    /** Schedules processing of a citizen's pending messages. */
    kick(waId: string): void {
      if (!closing) queue.kick(waId);
    },
    /** Resolves when no turn is in flight. */
    idle: () => queue.idle(),
    /** Processes what a previous process left pending (a crash, a kill) — call at start. */
    recover(): number {
      const rows = db
        .selectDistinct({ waId: messages.waId })
        .from(messages)
        .where(and(eq(messages.direction, 'in'), eq(messages.processStatus, 'pending')))
        .all();
      for (const r of rows) queue.kick(r.waId);
      return rows.length;
    },
    /**
     * Stops taking new turns and waits for the ones in flight, at most `timeoutMs` (SIGTERM
     * drain). Messages not yet started stay pending for the next start; a turn still in its
     * engine call at the deadline has written nothing and is replayed then too. Resolves
     * true when every turn in flight finished.
     */
    async close({ timeoutMs = 5_000 }: { timeoutMs?: number } = {}): Promise<boolean> {
      closing = true;
      for (const t of retryTimers) clearTimeout(t);
      retryTimers.clear();
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      const done = await Promise.race([queue.idle().then(() => true as const), deadline]);
      clearTimeout(timer);
      return done;
    },
  };
}
