import { type CaseRow, caseByIdOp } from '../cases/case-store.js';
import { transitionServiceCaseOp } from '../cases/transition-service-case.js';
import { enqueueOutboundOp } from '../outbox/enqueue-outbound.js';
import { isErasedWaId } from '../privacy/erase-citizen.js';
import type { AnyService } from '../services/types.js';
import type { Op } from '../storage/operation.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { tagPurposeOp } from '../whatsapp/service-window.js';
import { caseMoveAuditOp, refusedMove } from './case-actions.js';
import type { StaffDeps } from './context.js';
import { citizenLanguageOp, latestConversationIdOp } from './notify-citizen.js';

/**
 * What the citizen is told when their case moves: the service's own notice for the new state,
 * as free text; outside the 24-hour window the outbox sends it as the status-update template
 * (the row's purpose), as for the birth and complaint pages (notify-citizen.ts).
 */
export const serviceUpdateMessagesOp = (
  deps: Pick<StaffDeps, 'catalogue'>,
  service: AnyService,
  row: CaseRow,
): Op<OutboundMessage[]> =>
  function* (q) {
    const lang = yield* citizenLanguageOp(row.waId, row.language)(q);
    const state = service.workflow.states[row.status];
    const params = {
      kind: service.names[lang],
      reference: row.reference,
      status: state?.label[lang] ?? row.status,
      next: state?.notice[lang] ?? '',
      reason: row.rejectionReason ?? '',
    };
    const key = row.status === 'rejected' ? 'staff.case_rejected' : 'staff.case_status_update';
    return text(deps.catalogue.t(lang, key, params).trim());
  };

/**
 * Moves a registry service's case, tells the citizen and records it, in one transaction, as
 * the birth and complaint pages do (case-actions.ts): an erased citizen is no one to write to,
 * the update is tagged so that the outbox turns it into a template if the 24-hour window
 * closes before it is sent, and the audit row says from what, to what and why. Refusals are
 * 409s (not in the workflow, no reason, fee unpaid, moved by someone else meanwhile).
 */
export async function moveServiceCase(
  deps: StaffDeps,
  input: { service: AnyService; id: number; to: string; note: string; actorId: number },
): Promise<{ notified: boolean }> {
  const { service, actorId } = input;
  const now = deps.now();
  let notified = false;
  try {
    await deps.store.transaction(function* (q) {
      const before = yield* caseByIdOp(input.id)(q);
      const moved = yield* transitionServiceCaseOp(service, {
        id: input.id,
        to: input.to,
        actorUserId: actorId,
        note: input.note,
        now: new Date(now),
      })(q);
      let outbox: number[] = [];
      if (!isErasedWaId(moved.waId)) {
        outbox = yield* enqueueOutboundOp(yield* serviceUpdateMessagesOp(deps, service, moved)(q), {
          waId: moved.waId,
          conversationId: yield* latestConversationIdOp(moved.waId)(q),
          sentBy: `staff:${actorId}`,
          simulated: deps.simulated,
          now,
        })(q);
        yield* tagPurposeOp(outbox, 'status_update')(q);
      }
      notified = outbox.length > 0;
      yield* caseMoveAuditOp({
        actorId,
        targetType: 'case',
        targetId: moved.id,
        reference: moved.reference,
        from: before?.status ?? null,
        to: moved.status,
        note: input.note,
        outbox,
        now,
      })(q);
    });
  } catch (err) {
    throw refusedMove(err);
  }
  if (notified) deps.onOutbound();
  return { notified };
}
