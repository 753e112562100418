import { desc, eq } from 'drizzle-orm';
import { caseStatusLabel, nextStepText } from '../cases/case-labels.js';
import type { CaseType } from '../cases/case-workflow.js';
import type { Db } from '../db/open-database.js';
import { citizens, conversations } from '../db/schema.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { isErasedWaId } from '../privacy/erase-citizen.js';
import { first, type Op } from '../storage/operation.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { tagPurpose } from '../whatsapp/service-window.js';

export const WINDOW_MS = 24 * 60 * 60 * 1000;

type NotifyDeps = { db: Db; catalogue: Catalogue; simulated: boolean };

export function citizenLanguage(db: Db, waId: string, fallback?: string | null): Lang {
  const row = db.select({ language: citizens.language }).from(citizens).where(eq(citizens.waId, waId)).get();
  const lang = row?.language ?? fallback;
  return lang === 'en' || lang === 'hinglish' || lang === 'hi' ? lang : 'hi';
}

/** WhatsApp delivers free-form messages only within 24 h of the citizen's last message. */
export function windowOpen(db: Db, waId: string, now: number): boolean {
  const row = db.select({ at: citizens.lastInboundAt }).from(citizens).where(eq(citizens.waId, waId)).get();
  return row?.at != null && now - row.at < WINDOW_MS;
}

/** windowOpen as a store operation (either database). */
export const replyWindowOpen = (waId: string, now: number): Op<boolean> =>
  function* ({ db, t }) {
    const row = yield* first(
      db.select({ at: t.citizens.lastInboundAt }).from(t.citizens).where(eq(t.citizens.waId, waId)),
    );
    return row?.at != null && now - row.at < WINDOW_MS;
  };

export function latestConversationId(db: Db, waId: string): number | null {
  const row = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.waId, waId))
    .orderBy(desc(conversations.lastMessageAt), desc(conversations.id))
    .get();
  return row?.id ?? null;
}

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
 * The message telling a citizen their case moved: free text in their language inside the
 * 24-hour window, else the pre-approved `case_status_update` template (hi, or en for en/Hinglish).
 */
export function caseUpdateMessages(deps: NotifyDeps, change: CaseChange, now: number): OutboundMessage[] {
  const { db, catalogue } = deps;
  const lang = citizenLanguage(db, change.waId, change.language);
  if (!windowOpen(db, change.waId, now)) {
    const tlang = lang === 'hi' ? 'hi' : 'en';
    const status = caseStatusLabel(change.type, change.status, tlang, catalogue);
    return [
      {
        kind: 'template',
        name: 'case_status_update',
        languageCode: tlang,
        params: [change.reference, status],
        text: catalogue.t(tlang, 'staff.template_case_status_update', {
          reference: change.reference,
          status,
        }),
      },
    ];
  }
  const params = {
    kind: catalogue.t(lang, `staff.case_kind.${change.type}`),
    reference: change.reference,
    status: caseStatusLabel(change.type, change.status, lang, catalogue),
    next: nextStepText(change.type, change.status, lang, catalogue),
    reason: change.rejectionReason ?? '',
  };
  const key = change.status === 'rejected' ? 'staff.case_rejected' : 'staff.case_status_update';
  return text(catalogue.t(lang, key, params).trim());
}

/**
 * Queues the case update in the outbox (in the caller's transaction); returns the outbox
 * ids, none when the citizen erased their data (a pseudonym is no one to write to).
 */
export function notifyCaseChange(
  deps: NotifyDeps,
  change: CaseChange,
  o: { actorUserId: number; now: number },
): number[] {
  if (isErasedWaId(change.waId)) return [];
  const ids = enqueueOutbound(deps.db, caseUpdateMessages(deps, change, o.now), {
    waId: change.waId,
    conversationId: latestConversationId(deps.db, change.waId),
    sentBy: `staff:${o.actorUserId}`,
    simulated: deps.simulated,
    now: o.now,
  });
  // if the window closes before it is sent, the outbox turns it into the status-update template
  tagPurpose(deps.db, ids, 'status_update');
  return ids;
}

/** A catalogue message to the citizen in their language (handoff notices); free text, so only inside the window. */
export function notifyCitizen(
  deps: NotifyDeps,
  waId: string,
  key: string,
  o: { actorUserId: number; now: number; conversationId?: number | null },
): number[] {
  if (isErasedWaId(waId) || !windowOpen(deps.db, waId, o.now)) return [];
  const lang = citizenLanguage(deps.db, waId);
  return enqueueOutbound(deps.db, text(deps.catalogue.t(lang, key)), {
    waId,
    conversationId: o.conversationId ?? latestConversationId(deps.db, waId),
    sentBy: `staff:${o.actorUserId}`,
    simulated: deps.simulated,
    now: o.now,
  });
}
