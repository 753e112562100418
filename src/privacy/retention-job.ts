import { and, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { annotations, attachments, conversations, messages, turns } from '../db/schema.js';
import type { Logger } from '../logging/create-logger.js';
import { finishErasures } from './erase-citizen.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes the transcripts of conversations silent for longer than the retention period
 * (DPDP: keep personal data no longer than the purpose needs). Applications, complaints, cases
 * and payments are the department's records and are not touched. Returns how many went.
 */
export function purgeExpiredConversations(
  db: Db,
  { days, now, limit }: { days: number; now: number; limit?: number },
): number {
  const cutoff = now - days * DAY;
  return db.transaction((tx) => {
    const ids = tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(
        or(
          lt(conversations.lastMessageAt, cutoff),
          and(isNotNull(conversations.closedAt), lt(conversations.closedAt, cutoff)),
        ),
      )
      .limit(limit ?? -1)
      .all()
      .map((r) => r.id);
    if (ids.length === 0) return 0;
    const turnIds = tx
      .select({ id: turns.id })
      .from(turns)
      .where(inArray(turns.conversationId, ids))
      .all()
      .map((r) => r.id);
    if (turnIds.length) tx.delete(annotations).where(inArray(annotations.turnId, turnIds)).run();
    tx.delete(turns).where(inArray(turns.conversationId, ids)).run();
    const all = tx
      .select({ id: messages.id })
      .from(messages)
      .where(inArray(messages.conversationId, ids))
      .all();
    if (all.length) {
      const messageIds = all.map((r) => r.id);
      // photos filed with a complaint stay as its evidence (with their message); loose ones go
      tx.delete(attachments)
        .where(and(inArray(attachments.messageId, messageIds), isNull(attachments.caseId)))
        .run();
      const evidence = new Set(
        tx
          .select({ id: attachments.messageId })
          .from(attachments)
          .where(inArray(attachments.messageId, messageIds))
          .all()
          .map((r) => r.id),
      );
      const doomed = messageIds.filter((id) => !evidence.has(id));
      tx.update(messages).set({ inReplyTo: null }).where(inArray(messages.inReplyTo, doomed)).run();
      tx.delete(messages).where(inArray(messages.id, doomed)).run();
      tx.update(messages).set({ conversationId: null }).where(inArray(messages.conversationId, ids)).run();
    }
    tx.delete(conversations).where(inArray(conversations.id, ids)).run();
    return ids.length;
  });
}

/**
 * Runs the purge hourly (and once at start) in chunks of `chunk` conversations, one short
 * transaction each with the event loop free between them: years of expired transcripts
 * never hold the webhook for longer than one chunk. A failure is logged and the next hour
 * tries again.
 */
export function startRetentionJob({
  db,
  days,
  now,
  logger,
  everyMs = 60 * 60 * 1000,
  chunk = 50,
}: {
  db: Db;
  days: number;
  now: () => number;
  logger: Pick<Logger, 'info' | 'error'>;
  everyMs?: number;
  chunk?: number;
}) {
  let stopped = false;
  let running = false;
  let purged = 0;
  const pass = () => {
    if (stopped) {
      running = false;
      return;
    }
    let n: number;
    try {
      n = purgeExpiredConversations(db, { days, now: now(), limit: chunk });
    } catch (err) {
      running = false;
      logger.error({ err }, 'retention job failed');
      return;
    }
    purged += n;
    if (n === chunk) {
      setImmediate(pass);
      return;
    }
    running = false;
    if (purged) logger.info({ conversations: purged, days }, 'retention: purged old conversations');
    try {
      // the erasure's "done" reply loses its number once delivered; the WAL forgets old pages
      const replies = finishErasures(db, now());
      if (replies) logger.info({ replies }, 'retention: erasure replies pseudonymised');
    } catch (err) {
      logger.error({ err }, 'retention job failed');
    }
  };
  const run = () => {
    if (running) return;
    running = true;
    purged = 0;
    pass();
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
