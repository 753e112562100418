import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { DbTx } from '../db/open-database.js';
import {
  annotations,
  applications,
  attachments,
  cases,
  citizens,
  complaints,
  conversations,
  dialogueStates,
  erasures,
  messages,
  payments,
  turns,
} from '../db/schema.js';

export const hashWaId = (waId: string) => createHash('sha256').update(`sahayak:${waId}`).digest('hex');

/**
 * A citizen's right to erasure (DPDP Act 2023, s.12): their messages, transcripts, drafts
 * and photos are deleted. Applications and complaints already filed are records the
 * department must keep, so they stay, unlinked from the phone number. Call in a transaction.
 */
export function eraseCitizen(db: DbTx, waId: string, now: number): void {
  const pseudonym = `erased:${hashWaId(waId).slice(0, 16)}`;
  const turnIds = db
    .select({ id: turns.id })
    .from(turns)
    .where(eq(turns.waId, waId))
    .all()
    .map((t) => t.id);
  if (turnIds.length) db.delete(annotations).where(inArray(annotations.turnId, turnIds)).run();
  db.delete(turns).where(eq(turns.waId, waId)).run();
  db.delete(attachments).where(eq(attachments.waId, waId)).run();
  db.update(messages).set({ inReplyTo: null }).where(eq(messages.waId, waId)).run();
  db.delete(messages).where(eq(messages.waId, waId)).run();
  db.delete(conversations).where(eq(conversations.waId, waId)).run();
  db.delete(dialogueStates).where(eq(dialogueStates.waId, waId)).run();
  db.update(applications).set({ waId: pseudonym }).where(eq(applications.waId, waId)).run();
  db.update(complaints).set({ waId: pseudonym }).where(eq(complaints.waId, waId)).run();
  // every registry service's cases: the same rule, one table
  db.update(cases).set({ waId: pseudonym }).where(eq(cases.waId, waId)).run();
  db.update(payments).set({ waId: pseudonym }).where(eq(payments.waId, waId)).run();
  db.delete(citizens).where(eq(citizens.waId, waId)).run();
  db.insert(erasures)
    .values({ waIdHash: hashWaId(waId), requestedAt: now, completedAt: now })
    .run();
}
