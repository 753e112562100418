import { and, inArray, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { startExclusiveJob } from '../coordination/pg-exclusive-job.js';
import type { Logger } from '../logging/create-logger.js';
import { exec, type Op, rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { finishErasures, finishErasuresPg } from './erase-citizen.js';

const DAY = 24 * 60 * 60 * 1000;

/**
 * Deletes the transcripts of conversations silent for longer than the retention period
 * (DPDP: keep personal data no longer than the purpose needs). Applications, complaints, cases
 * and payments are the department's records and are not touched. Returns how many went.
 * One transaction: run it with store.transaction.
 */
export const purgeExpiredConversationsOp = ({
  days,
  now,
  limit,
}: {
  days: number;
  now: number;
  limit?: number;
}): Op<number> =>
  function* ({ db, t }) {
    const cutoff = now - days * DAY;
    const c = t.conversations;
    const expired = db
      .select({ id: c.id })
      .from(c)
      .where(or(lt(c.lastMessageAt, cutoff), and(isNotNull(c.closedAt), lt(c.closedAt, cutoff))))
      .orderBy(c.id);
    const ids = (yield* rows(limit === undefined ? expired : expired.limit(limit))).map((r) => r.id);
    if (ids.length === 0) return 0;
    const turnIds = (yield* rows(
      db.select({ id: t.turns.id }).from(t.turns).where(inArray(t.turns.conversationId, ids)),
    )).map((r) => r.id);
    if (turnIds.length) yield* exec(db.delete(t.annotations).where(inArray(t.annotations.turnId, turnIds)));
    yield* exec(db.delete(t.turns).where(inArray(t.turns.conversationId, ids)));
    const m = t.messages;
    const messageIds = (yield* rows(
      db.select({ id: m.id }).from(m).where(inArray(m.conversationId, ids)),
    )).map((r) => r.id);
    if (messageIds.length) {
      const a = t.attachments;
      // photos filed with a complaint stay as its evidence (with their message); loose ones go
      yield* exec(db.delete(a).where(and(inArray(a.messageId, messageIds), isNull(a.caseId))));
      const evidence = new Set(
        (yield* rows(db.select({ id: a.messageId }).from(a).where(inArray(a.messageId, messageIds)))).map(
          (r) => r.id,
        ),
      );
      const doomed = messageIds.filter((id) => !evidence.has(id));
      if (doomed.length) {
        yield* exec(db.update(m).set({ inReplyTo: null }).where(inArray(m.inReplyTo, doomed)));
        yield* exec(db.delete(m).where(inArray(m.id, doomed)));
      }
      yield* exec(db.update(m).set({ conversationId: null }).where(inArray(m.conversationId, ids)));
    }
    yield* exec(db.delete(c).where(inArray(c.id, ids)));
    return ids.length;
  };

type RetentionOptions = {
  store: SqliteStore | PgStore;
  days: number;
  now: () => number;
  logger: Pick<Logger, 'info' | 'error'>;
  chunk?: number;
};

/**
 * One retention pass: the purge in chunks of `chunk` conversations, one short transaction
 * each with the event loop free between them (years of expired transcripts never hold the
 * webhook for longer than one chunk), then the tail of erasures. Returns how many went.
 */
export async function runRetention({
  store,
  days,
  now,
  logger,
  chunk = 50,
}: RetentionOptions): Promise<number> {
  let purged = 0;
  for (;;) {
    const n = await store.transaction(purgeExpiredConversationsOp({ days, now: now(), limit: chunk }));
    purged += n;
    if (n < chunk) break;
    await new Promise((r) => setImmediate(r));
  }
  if (purged) logger.info({ conversations: purged, days }, 'retention: purged old conversations');
  // the erasure's "done" reply loses its number once delivered; the disk forgets old pages
  const replies =
    store.dialect === 'postgres'
      ? await finishErasuresPg(store as PgStore, now())
      : finishErasures((store as SqliteStore).db, now());
  if (replies) logger.info({ replies }, 'retention: erasure replies pseudonymised');
  return purged;
}

/**
 * Runs retention hourly and once at start. On PostgreSQL every instance schedules it and one
 * at a time runs it (an advisory lock, src/coordination/pg-exclusive-job.ts), so two instances
 * never purge the same rows at once. A failure is logged and the next hour tries again.
 */
export function startRetentionJob(o: RetentionOptions & { everyMs?: number }) {
  const everyMs = o.everyMs ?? 60 * 60 * 1000;
  const onError = (err: unknown) => o.logger.error({ err }, 'retention job failed');
  if (o.store.dialect === 'postgres') {
    const job = startExclusiveJob({
      pool: (o.store as PgStore).db.$client,
      name: 'retention',
      everyMs,
      run: () => runRetention(o),
      onError,
    });
    void job.runNow();
    return { stop: () => job.stop() };
  }
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const run = () => {
    if (running || stopped) return;
    running = runRetention(o)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
