import { randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, lt, notInArray, sql } from 'drizzle-orm';
import type { Db, DbTx } from '../db/open-database.js';
import {
  annotations,
  attachments,
  cases,
  citizens,
  conversations,
  dialogueStates,
  erasures,
  mediaFiles,
  messages,
  payments,
  turns,
} from '../db/schema.js';

const PSEUDONYM_PREFIX = 'erased:';

/**
 * What replaces an erased citizen's number on the records that are kept: random, so it
 * cannot be turned back into the number (a hash of a 12-digit phone number can be
 * brute-forced in seconds), and the same on every record of one erasure.
 */
export const newPseudonym = () => `${PSEUDONYM_PREFIX}${randomBytes(12).toString('hex')}`;

/** True for the pseudonym of an erased citizen: no one to message, nothing to look up. */
export const isErasedWaId = (waId: string) => waId.startsWith(PSEUDONYM_PREFIX);

/**
 * Makes the full-text index forget what is deleted: FTS5's secure-delete removes a deleted
 * row's tokens from the index at once (the delete trigger on messages feeds it the old
 * text) instead of leaving them in older segments until a merge. Persistent and idempotent
 * (migration 0005 sets it too); independent of which case tables exist.
 */
export function secureSearchIndexDeletes(db: DbTx): void {
  db.run(sql`insert into messages_fts(messages_fts, rank) values ('secure-delete', 1)`);
}

/**
 * A citizen's right to erasure (DPDP Act 2023, s.12): their messages, transcripts, drafts
 * and photos are deleted. Applications and complaints already filed are records the
 * department must keep, so they stay, under a random pseudonym. `secure_delete` (set on
 * every connection, src/db/open-database.ts) overwrites what is deleted. Call in a transaction.
 * Returns the pseudonym.
 */
export function eraseCitizen(db: DbTx, waId: string, now: number): string {
  const pseudonym = newPseudonym();
  secureSearchIndexDeletes(db);
  const turnIds = db
    .select({ id: turns.id })
    .from(turns)
    .where(eq(turns.waId, waId))
    .all()
    .map((t) => t.id);
  if (turnIds.length) db.delete(annotations).where(inArray(annotations.turnId, turnIds)).run();
  db.delete(turns).where(eq(turns.waId, waId)).run();
  db.delete(attachments).where(eq(attachments.waId, waId)).run();
  // the files themselves are deleted by src/media/erase-media.ts's sweep once this commits
  db.delete(mediaFiles).where(eq(mediaFiles.waId, waId)).run();
  db.update(messages).set({ inReplyTo: null }).where(eq(messages.waId, waId)).run();
  db.delete(messages).where(eq(messages.waId, waId)).run();
  db.delete(conversations).where(eq(conversations.waId, waId)).run();
  db.delete(dialogueStates).where(eq(dialogueStates.waId, waId)).run();
  // every service's cases (birth applications and complaints too): kept under the pseudonym
  db.update(cases).set({ waId: pseudonym }).where(eq(cases.waId, waId)).run();
  db.update(payments).set({ waId: pseudonym }).where(eq(payments.waId, waId)).run();
  db.delete(citizens).where(eq(citizens.waId, waId)).run();
  // proof the request was honoured, without anything that leads back to the number
  db.insert(erasures).values({ waIdHash: pseudonym, requestedAt: now, completedAt: now }).run();
  return pseudonym;
}

/** How long the "your data is deleted" reply keeps its number: long enough to be delivered. */
export const ERASURE_REPLY_GRACE_MS = 60 * 60 * 1000;

/**
 * The erasure's last reply has to be addressed to the number to be sent; once it has
 * gone (or given up), the number is replaced by a pseudonym. Such a reply is the only
 * outbound message whose citizen row no longer exists. Returns how many were rewritten.
 */
export function forgetErasureReplies(db: DbTx, now: number): number {
  const stale = db
    .select({ id: messages.id })
    .from(messages)
    .where(
      and(
        eq(messages.direction, 'out'),
        notInArray(messages.sendStatus, ['queued', 'sending']),
        lt(messages.createdAt, now - ERASURE_REPLY_GRACE_MS),
        sql`${messages.waId} not like ${`${PSEUDONYM_PREFIX}%`}`,
        sql`not exists (select 1 from ${citizens} where ${citizens.waId} = ${messages.waId})`,
      ),
    )
    .all()
    .map((r) => r.id);
  if (stale.length === 0) return 0;
  db.update(messages).set({ waId: newPseudonym() }).where(inArray(messages.id, stale)).run();
  return stale.length;
}

/**
 * The periodic tail of erasure (the retention job runs it): replies that have gone out
 * lose their number, and after a recent erasure the write-ahead log is checkpointed and
 * truncated, since it still holds the pages as they were before the delete. Outside any
 * transaction. Returns how many replies were rewritten.
 */
export function finishErasures(db: Db, now: number): number {
  const replies = forgetErasureReplies(db, now);
  const recent = db
    .select({ id: erasures.id })
    .from(erasures)
    .where(gt(erasures.completedAt, now - 2 * ERASURE_REPLY_GRACE_MS - 60_000))
    .get();
  if (recent || replies) db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return replies;
}
