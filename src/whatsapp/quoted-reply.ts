import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { first, type Op } from '../storage/operation.js';
import { onSqlite } from '../storage/sqlite-store.js';
import { text } from './outbound-builders.js';
import { type OutboundMessage, outboundMessageSchema } from './outbound-message.js';

/** The wamid a stored inbound payload quotes (`context.id`), kept beside the event at ingest. */
export function quotedWamid(payload: unknown): string | null {
  const q = (payload as { quotedWamid?: unknown } | null)?.quotedWamid;
  return typeof q === 'string' && q ? q : null;
}

export interface StaleTapInput {
  waId: string;
  inboundId: number;
  payload: unknown;
  lang: Lang;
  catalogue: Catalogue;
}

/** The wamid a button or list tap quotes; null for every other message (nothing to look up). */
export function quotedTap(payload: unknown): string | null {
  const kind = (payload as { kind?: string } | null)?.kind;
  return kind === 'button' || kind === 'list' ? quotedWamid(payload) : null;
}

// a json column comes back parsed on both databases (jsonb reorders keys, but the same way
// for the same value): compared as text
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A reply that quotes one of our messages is read against that message. A tap on a button
 * of an earlier message (an old summary, a list since replaced) must not act as if it
 * answered the current question: it is answered with where things stand now (the newest
 * question again), and a "yes" on a summary already dealt with does nothing twice.
 * Null: the tap answers the current message, or quotes nothing we know; the turn runs as usual.
 * An operation of the store, so the turn runs it on either database; it reads nothing for a
 * message that is not a quoted tap (the common case).
 */
export const staleTapReplyOp = (o: StaleTapInput): Op<OutboundMessage[] | null> =>
  function* ({ db, t }) {
    const wamid = quotedTap(o.payload);
    if (!wamid) return null;
    const event = o.payload as { id?: string };
    const m = t.messages;
    const quoted = yield* first(
      db
        .select({ id: m.id, payload: m.payload })
        .from(m)
        .where(and(eq(m.wamid, wamid), eq(m.waId, o.waId), eq(m.direction, 'out'))),
    );
    if (!quoted) return null;
    const latest = yield* first(
      db
        .select({ id: m.id, payload: m.payload })
        .from(m)
        .where(
          and(
            eq(m.waId, o.waId),
            eq(m.direction, 'out'),
            inArray(m.kind, ['buttons', 'list']),
            lt(m.id, o.inboundId),
          ),
        )
        .orderBy(desc(m.id))
        .limit(1),
    );
    // a later copy of the same question (re-sent after a stale tap) does not make the first one stale
    if (latest && latest.id > quoted.id && !sameJson(latest.payload, quoted.payload)) {
      const again = outboundMessageSchema.safeParse(latest.payload);
      return [
        ...text(o.catalogue.t(o.lang, 'whatsapp.quoted.stale')),
        ...(again.success ? [again.data] : []),
      ];
    }
    // the newest summary, but its confirmation is no longer pending: it was submitted or cancelled
    if (event.id?.startsWith('confirm:')) {
      const state = yield* first(
        db
          .select({ p: t.dialogueStates.pendingAction })
          .from(t.dialogueStates)
          .where(eq(t.dialogueStates.waId, o.waId)),
      );
      if (state?.p == null) return text(o.catalogue.t(o.lang, 'whatsapp.quoted.already_done'));
    }
    return null;
  };

/** The same on a SQLite `Db`, synchronously. */
export function staleTapReply(db: Db, o: StaleTapInput): OutboundMessage[] | null {
  // most messages are not quoted taps: no operation built for them on the turn's hot path
  return quotedTap(o.payload) ? onSqlite(db, staleTapReplyOp(o)) : null;
}
