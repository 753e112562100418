import { and, eq } from 'drizzle-orm';
import { citizens, messages } from '../db/schema.js';
import { maskPhone } from '../logging/create-logger.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { text } from '../whatsapp/outbound-builders.js';
import { type InboundMessage, insertInbound } from './insert-inbound.js';
import { createKeyedSerialQueue } from './keyed-serial-queue.js';
import { isSimulated, type ProcessDeps, processInbound } from './process-inbound.js';
import { turnStatements } from './turn-statements.js';

export interface PipelineDeps extends ProcessDeps {
  /** called after a turn queued replies, to wake the outbox sender */
  onOutbound?: () => void;
}

export type Pipeline = ReturnType<typeof createPipeline>;

/**
 * The durable inbox and its workers: messages are stored first (receive), then processed
 * one at a time per citizen in arrival order (kick), each as one committed turn.
 */
export function createPipeline(deps: PipelineDeps) {
  const { db, logger } = deps;
  let closing = false;

  const pendingFor = (waId: string) => turnStatements(db).nextPending(waId);

  const queue = createKeyedSerialQueue(async (waId) => {
    for (let next = pendingFor(waId); next && !closing; next = pendingFor(waId)) {
      try {
        await processInbound(next.id, deps);
      } catch (err) {
        markFailed(next.id, waId, err);
      }
      deps.onOutbound?.();
    }
  });

  // A bug must not make a message vanish or block the citizen's queue: the row is kept
  // as failed for staff, and the citizen hears that something went wrong.
  function markFailed(id: number, waId: string, err: unknown) {
    logger.error({ err, inboundId: id, citizen: maskPhone(waId) }, 'turn failed');
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
    /** Stops taking new turns and waits for the ones in flight (SIGTERM drain). */
    async close(): Promise<void> {
      closing = true;
      await queue.idle();
    },
  };
}
