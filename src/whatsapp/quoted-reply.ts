import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { text } from './outbound-builders.js';
import { type OutboundMessage, outboundMessageSchema } from './outbound-message.js';

/** The wamid a stored inbound payload quotes (`context.id`), kept beside the event at ingest. */
export function quotedWamid(payload: unknown): string | null {
  const q = (payload as { quotedWamid?: unknown } | null)?.quotedWamid;
  return typeof q === 'string' && q ? q : null;
}

/**
 * A reply that quotes one of our messages is read against that message. A tap on a button
 * of an earlier message (an old summary, a list since replaced) must not act as if it
 * answered the current question: it is answered with where things stand now (the newest
 * question again), and a "yes" on a summary already dealt with does nothing twice.
 * Null: the tap answers the current message, or quotes nothing we know; the turn runs as usual.
 */
export function staleTapReply(
  db: Db,
  o: { waId: string; inboundId: number; payload: unknown; lang: Lang; catalogue: Catalogue },
): OutboundMessage[] | null {
  const event = o.payload as { kind?: string; id?: string } | null;
  if (event?.kind !== 'button' && event?.kind !== 'list') return null;
  const wamid = quotedWamid(o.payload);
  if (!wamid) return null;
  const c = db.$client;
  const quoted = c
    .prepare("select id, payload from messages where wamid = ? and wa_id = ? and direction = 'out'")
    .get(wamid, o.waId) as { id: number; payload: string } | undefined;
  if (!quoted) return null;
  const latest = c
    .prepare(
      "select id, payload from messages where wa_id = ? and direction = 'out' and kind in ('buttons', 'list') and id < ? order by id desc limit 1",
    )
    .get(o.waId, o.inboundId) as { id: number; payload: string } | undefined;
  // a later copy of the same question (re-sent after a stale tap) does not make the first one stale
  if (latest && latest.id > quoted.id && latest.payload !== quoted.payload) {
    const again = outboundMessageSchema.safeParse(JSON.parse(latest.payload));
    return [...text(o.catalogue.t(o.lang, 'whatsapp.quoted.stale')), ...(again.success ? [again.data] : [])];
  }
  // the newest summary, but its confirmation is no longer pending: it was submitted or cancelled
  if (event.id?.startsWith('confirm:')) {
    const state = c.prepare('select pending_action as p from dialogue_states where wa_id = ?').get(o.waId) as
      | { p: string | null }
      | undefined;
    if (!state?.p || state.p === 'null') return text(o.catalogue.t(o.lang, 'whatsapp.quoted.already_done'));
  }
  return null;
}
