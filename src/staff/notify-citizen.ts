import { desc, eq } from 'drizzle-orm';
import { caseStatusLabel, nextStepText } from '../cases/case-labels.js';
import type { CaseType } from '../cases/case-workflow.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { enqueueOutboundOp } from '../outbox/enqueue-outbound.js';
import { isErasedWaId } from '../privacy/erase-citizen.js';
import { first, type Op } from '../storage/operation.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { tagPurposeOp } from '../whatsapp/service-window.js';

export const WINDOW_MS = 24 * 60 * 60 * 1000;

type NotifyDeps = { catalogue: Catalogue; simulated: boolean };

const asLang = (lang: string | null | undefined): Lang =>
  lang === 'en' || lang === 'hinglish' || lang === 'hi' ? lang : 'hi';

/** The citizen's language (their row, else the case's own, else Hindi). */
export const citizenLanguageOp = (waId: string, fallback?: string | null): Op<Lang> =>
  function* ({ db, t }) {
    const row = yield* first(
      db.select({ language: t.citizens.language }).from(t.citizens).where(eq(t.citizens.waId, waId)),
    );
    return asLang(row?.language ?? fallback);
  };

/** WhatsApp delivers free-form messages only within 24 h of the citizen's last message. */
export const replyWindowOpen = (waId: string, now: number): Op<boolean> =>
  function* ({ db, t }) {
    const row = yield* first(
      db.select({ at: t.citizens.lastInboundAt }).from(t.citizens).where(eq(t.citizens.waId, waId)),
    );
    return row?.at != null && now - row.at < WINDOW_MS;
  };

/** The citizen's most recent conversation, where staff messages are filed. */
export const latestConversationIdOp = (waId: string): Op<number | null> =>
  function* ({ db, t }) {
    const row = yield* first(
      db
        .select({ id: t.conversations.id })
        .from(t.conversations)
        .where(eq(t.conversations.waId, waId))
        .orderBy(desc(t.conversations.lastMessageAt), desc(t.conversations.id))
        .limit(1),
    );
    return row?.id ?? null;
  };

export type CaseChange = {
  type: CaseType;
  reference: string;
  waId: string;
  status: string;
  /** the case row's own language, when the citizen row is gone */
  language?: string | null;
  rejectionReason?: string | null;
};

/**
 * The message telling a citizen their case moved, in their language. Always the free text:
 * queued with the purpose `status_update`, the outbox sends it as that purpose's approved
 * template (WHATSAPP_TEMPLATE_STATUS_UPDATE, README "The 24-hour window") when the window is
 * closed at send time; a template of another name would be one the operator never registered.
 */
export const caseUpdateMessagesOp = (
  deps: { catalogue: Catalogue },
  change: CaseChange,
): Op<OutboundMessage[]> =>
  function* (q) {
    const { catalogue } = deps;
    const lang = yield* citizenLanguageOp(change.waId, change.language)(q);
    const params = {
      kind: catalogue.t(lang, `staff.case_kind.${change.type}`),
      reference: change.reference,
      status: caseStatusLabel(change.type, change.status, lang, catalogue),
      next: nextStepText(change.type, change.status, lang, catalogue),
      reason: change.rejectionReason ?? '',
    };
    const key = change.status === 'rejected' ? 'staff.case_rejected' : 'staff.case_status_update';
    return text(catalogue.t(lang, key, params).trim());
  };

/**
 * Queues the case update in the outbox (run it inside the caller's transaction); returns the
 * outbox ids, none when the citizen erased their data (a pseudonym is no one to write to).
 */
export const notifyCaseChangeOp = (
  deps: NotifyDeps,
  change: CaseChange,
  o: { actorUserId: number; now: number },
): Op<number[]> =>
  function* (q) {
    if (isErasedWaId(change.waId)) return [];
    const messages = yield* caseUpdateMessagesOp(deps, change)(q);
    const ids = yield* enqueueOutboundOp(messages, {
      waId: change.waId,
      conversationId: yield* latestConversationIdOp(change.waId)(q),
      sentBy: `staff:${o.actorUserId}`,
      simulated: deps.simulated,
      now: o.now,
    })(q);
    // if the window closes before it is sent, the outbox turns it into the status-update template
    yield* tagPurposeOp(ids, 'status_update')(q);
    return ids;
  };

/** A catalogue message to the citizen in their language (handoff notices); free text, so only inside the window. */
export const notifyCitizenOp = (
  deps: NotifyDeps,
  waId: string,
  key: string,
  o: { actorUserId: number; now: number; conversationId?: number | null },
): Op<number[]> =>
  function* (q) {
    if (isErasedWaId(waId) || !(yield* replyWindowOpen(waId, o.now)(q))) return [];
    const lang = yield* citizenLanguageOp(waId)(q);
    return yield* enqueueOutboundOp(text(deps.catalogue.t(lang, key)), {
      waId,
      conversationId: o.conversationId ?? (yield* latestConversationIdOp(waId)(q)),
      sentBy: `staff:${o.actorUserId}`,
      simulated: deps.simulated,
      now: o.now,
    })(q);
  };
