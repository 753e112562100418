import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, inArray, isNotNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Db, DbTx } from '../db/open-database.js';
import { exec, first, type Op, rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import { onSqlite } from '../storage/sqlite-store.js';

const PSEUDONYM_PREFIX = 'erased:';

/**
 * What replaces an erased citizen's number on the records that are kept: random, so it
 * cannot be turned back into the number (a hash of a 12-digit phone number can be
 * brute-forced in seconds), and the same on every record of one erasure.
 */
export const newPseudonym = () => `${PSEUDONYM_PREFIX}${randomBytes(12).toString('hex')}`;

/** An erased message's wamid as kept: a hash, so the table lists no ids that Meta could look up. */
export const wamidHash = (wamid: string) => createHash('sha256').update(wamid).digest('hex');

// rows per insert: well under SQLite's 32,766 bound parameters
const WAMID_CHUNK = 500;

/** How long an erased wamid is remembered: Meta retries a delivery for up to 7 days. */
export const ERASED_WAMID_DAYS = 8;

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
 * department must keep, so they stay, under a random pseudonym. Run inside the caller's
 * transaction (the turn that answers "delete my data"). Returns the pseudonym.
 *
 * What "deleted" means differs by database, and is said here because it is the promise:
 * - SQLite: `secure_delete` (set on every connection, src/db/open-database.ts) overwrites the
 *   pages, FTS5's secure-delete drops the tokens (eraseCitizen below), and finishErasures
 *   truncates the write-ahead log.
 * - PostgreSQL: the rows are gone for every query at COMMIT, but their old tuples stay in
 *   the table files (and the trigram index) until VACUUM reclaims them, and in the WAL and
 *   any base backup until those are recycled. finishErasures runs VACUUM on the tables an
 *   erasure touched; WAL archives and backups are the operator's to expire.
 */
export const eraseCitizenOp = (waId: string, now: number): Op<string> =>
  function* ({ db, t }) {
    const pseudonym = newPseudonym();
    const turnIds = (yield* rows(
      db.select({ id: t.turns.id }).from(t.turns).where(eq(t.turns.waId, waId)),
    )).map((r) => r.id);
    if (turnIds.length) yield* exec(db.delete(t.annotations).where(inArray(t.annotations.turnId, turnIds)));
    yield* exec(db.delete(t.turns).where(eq(t.turns.waId, waId)));
    yield* exec(db.delete(t.attachments).where(eq(t.attachments.waId, waId)));
    // the files themselves are deleted by src/media/erase-media.ts's sweep once this commits
    yield* exec(db.delete(t.mediaFiles).where(eq(t.mediaFiles.waId, waId)));
    // the inbox's unique wamid goes with the messages: Meta's redeliveries of them (up to 7 days)
    // must still find their wamid taken, or they are answered again and their text stored again
    const wamids = (yield* rows(
      db
        .select({ wamid: t.messages.wamid })
        .from(t.messages)
        .where(and(eq(t.messages.waId, waId), eq(t.messages.direction, 'in'), isNotNull(t.messages.wamid))),
    )).flatMap((r) => (r.wamid ? [wamidHash(r.wamid)] : []));
    for (let i = 0; i < wamids.length; i += WAMID_CHUNK)
      yield* exec(
        db
          .insert(t.erasedWamids)
          .values(wamids.slice(i, i + WAMID_CHUNK).map((h) => ({ wamidHash: h, erasedAt: now })))
          .onConflictDoNothing(),
      );
    yield* exec(db.update(t.messages).set({ inReplyTo: null }).where(eq(t.messages.waId, waId)));
    yield* exec(db.delete(t.messages).where(eq(t.messages.waId, waId)));
    yield* exec(db.delete(t.conversations).where(eq(t.conversations.waId, waId)));
    yield* exec(db.delete(t.dialogueStates).where(eq(t.dialogueStates.waId, waId)));
    // every service's cases (birth applications and complaints too): kept under the pseudonym
    yield* exec(db.update(t.cases).set({ waId: pseudonym }).where(eq(t.cases.waId, waId)));
    yield* exec(db.update(t.payments).set({ waId: pseudonym }).where(eq(t.payments.waId, waId)));
    yield* exec(db.delete(t.citizens).where(eq(t.citizens.waId, waId)));
    // proof the request was honoured, without anything that leads back to the number
    yield* exec(db.insert(t.erasures).values({ waIdHash: pseudonym, requestedAt: now, completedAt: now }));
    return pseudonym;
  };

/** eraseCitizenOp on a better-sqlite3 database (the SQLite turn), with FTS5's secure delete first. */
export function eraseCitizen(db: DbTx, waId: string, now: number): string {
  secureSearchIndexDeletes(db);
  return onSqlite(db as Db, eraseCitizenOp(waId, now));
}

/** How long the "your data is deleted" reply keeps its number: long enough to be delivered. */
export const ERASURE_REPLY_GRACE_MS = 60 * 60 * 1000;

/**
 * The erasure's last reply has to be addressed to the number to be sent; once it has
 * gone (or given up), the number is replaced by a pseudonym. Such a reply is the only
 * outbound message whose citizen row no longer exists. Returns how many were rewritten.
 */
export const forgetErasureRepliesOp = (now: number): Op<number> =>
  function* ({ db, t }) {
    const m = t.messages;
    const stale = (yield* rows(
      db
        .select({ id: m.id })
        .from(m)
        .where(
          and(
            eq(m.direction, 'out'),
            notInArray(m.sendStatus, ['queued', 'sending']),
            lt(m.createdAt, now - ERASURE_REPLY_GRACE_MS),
            sql`${m.waId} not like ${`${PSEUDONYM_PREFIX}%`}`,
            sql`not exists (select 1 from ${t.citizens} where ${t.citizens.waId} = ${m.waId})`,
          ),
        ),
    )).map((r) => r.id);
    if (stale.length === 0) return 0;
    yield* exec(db.update(m).set({ waId: newPseudonym() }).where(inArray(m.id, stale)));
    return stale.length;
  };

export const forgetErasureReplies = (db: DbTx, now: number): number =>
  onSqlite(db as Db, forgetErasureRepliesOp(now));

/** Whether an erasure completed recently enough that its deleted pages may still be on disk. */
const recentErasureOp = (now: number): Op<boolean> =>
  function* ({ db, t }) {
    const r = yield* first(
      db
        .select({ id: t.erasures.id })
        .from(t.erasures)
        .where(gt(t.erasures.completedAt, now - 2 * ERASURE_REPLY_GRACE_MS - 60_000))
        .limit(1),
    );
    return r !== undefined;
  };

/**
 * The periodic tail of erasure on PostgreSQL (the retention job runs it, on one instance):
 * replies that have gone out lose their number, and after a recent erasure VACUUM reclaims
 * the dead tuples of the tables erasure deletes from (see eraseCitizenOp). VACUUM cannot run
 * inside a transaction, hence the pool. Returns how many replies were rewritten.
 */
/** Erased wamids past Meta's retry window: no redelivery can come for them any more. */
export const forgetErasedWamidsOp = (now: number): Op<number> =>
  function* ({ db, t }) {
    const cutoff = now - ERASED_WAMID_DAYS * 24 * 60 * 60 * 1000;
    const gone = yield* rows(
      db
        .delete(t.erasedWamids)
        .where(lt(t.erasedWamids.erasedAt, cutoff))
        .returning({ h: t.erasedWamids.wamidHash }),
    );
    return gone.length;
  };

export async function finishErasuresPg(store: PgStore, now: number): Promise<number> {
  await store.transaction(forgetErasedWamidsOp(now));
  const replies = await store.transaction(forgetErasureRepliesOp(now));
  if (replies || (await store.read(recentErasureOp(now)))) {
    await store.db.$client.query(
      'vacuum messages, turns, annotations, attachments, media_files, conversations, dialogue_states, citizens',
    );
  }
  return replies;
}

/**
 * The periodic tail of erasure (the retention job runs it): replies that have gone out
 * lose their number, and after a recent erasure the write-ahead log is checkpointed and
 * truncated, since it still holds the pages as they were before the delete. Outside any
 * transaction. Returns how many replies were rewritten.
 */
export function finishErasures(db: Db, now: number): number {
  onSqlite(db, forgetErasedWamidsOp(now));
  const replies = forgetErasureReplies(db, now);
  if (recent(db, now) || replies) db.$client.pragma('wal_checkpoint(TRUNCATE)');
  return replies;
}

const recent = (db: Db, now: number) => onSqlite(db, recentErasureOp(now));
