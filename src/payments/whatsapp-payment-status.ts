import { eq } from 'drizzle-orm';
import { defaultCatalogue } from '../cases/default-catalogue.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { enqueueOutboundOp } from '../outbox/enqueue-outbound.js';
import { isErasedWaId } from '../privacy/erase-citizen.js';
import { citizenLanguageOp } from '../staff/notify-citizen.js';
import { exec, type Op } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { PaymentStatusUpdate } from '../whatsapp/webhook-payload.js';
import {
  decideConfirmation,
  isUniqueViolation,
  lockPayment,
  markPaid,
  paymentByReference,
  recordWaStatus,
} from './confirm-payment.js';

export type PaymentStatusOutcome =
  | { kind: 'paid'; reference: string; duplicate: boolean }
  | { kind: 'pending' | 'failed'; reference: string }
  | {
      kind: 'ignored';
      reason: 'unknown_reference' | 'amount_mismatch' | 'currency' | 'no_transaction' | 'conflict';
    };

export interface PaymentStatusOptions {
  now: number;
  simulated: boolean;
  catalogue?: Catalogue;
}

/**
 * Applies one WhatsApp Pay status of `type: "payment"`, as one transaction of the store.
 * `captured` marks the payment paid only after the reference and the amount (in INR) match
 * ours, and exactly once: the transaction id is the idempotency key, as with the provider
 * webhook. Everything is decided before anything is written; then an `order_status` message
 * closes the order and the receipt follows, in that order, in the same transaction as the
 * status. `pending` and `failed` are recorded (the order stays payable after a failure, and
 * the citizen is told so once).
 */
export const applyPaymentStatusOp = (
  s: PaymentStatusUpdate,
  o: PaymentStatusOptions,
): Op<PaymentStatusOutcome> =>
  function* (q) {
    const catalogue = o.catalogue ?? defaultCatalogue();
    yield* lockPayment(q, s.referenceId);
    const payment = yield* paymentByReference(q, s.referenceId);
    if (!payment) return { kind: 'ignored', reason: 'unknown_reference' };
    const lang = yield* citizenLanguageOp(payment.waId)(q);
    // the payer erased their data: statuses still apply to the kept payment, but nothing is sent
    const erased = isErasedWaId(payment.waId);

    if (s.status !== 'captured') {
      if (payment.status === 'paid') return { kind: 'paid', reference: payment.reference, duplicate: true };
      const changed = yield* recordWaStatus(q, payment.id, s.status, o.now, 'pending');
      if (s.status === 'failed' && changed && payment.waPaymentStatus !== 'failed' && !erased) {
        yield* enqueueOutboundOp(
          text(catalogue.t(lang, 'whatsapp.payment.failed', { reference: payment.reference })),
          { waId: payment.waId, sentBy: 'system', simulated: o.simulated, now: o.now },
        )(q);
      }
      return { kind: s.status, reference: payment.reference };
    }

    if (s.currency !== undefined && s.currency !== 'INR') return { kind: 'ignored', reason: 'currency' };
    if (s.amountPaise !== payment.amountPaise) return { kind: 'ignored', reason: 'amount_mismatch' };
    const txn = s.transactionId;
    if (!txn) return { kind: 'ignored', reason: 'no_transaction' };
    const decided = yield* decideConfirmation(q, payment, {
      paymentReference: payment.reference,
      providerTxnId: txn,
      amountPaise: s.amountPaise,
      status: 'success',
    });
    if (decided.kind === 'paid' && decided.duplicate)
      return { kind: 'paid', reference: payment.reference, duplicate: true };
    if (decided.kind !== 'ready') return { kind: 'ignored', reason: 'conflict' };

    // the order_status goes first in the outbox, so the citizen reads "complete", then the receipt
    if (!erased)
      yield* enqueueOutboundOp(
        [
          {
            kind: 'order_status',
            text: catalogue.t(lang, 'whatsapp.order_status.completed', { reference: payment.reference }),
            referenceId: payment.reference,
            status: 'completed',
          },
        ],
        { waId: payment.waId, sentBy: 'system', simulated: o.simulated, now: o.now },
      )(q);
    yield* markPaid(q, payment, txn, { now: new Date(o.now), simulated: o.simulated, catalogue });
    yield* recordWaStatus(q, payment.id, 'captured', o.now, 'paid');
    yield* exec(
      q.db.update(q.t.payments).set({ orderStatusSentAt: o.now }).where(eq(q.t.payments.id, payment.id)),
    );
    return { kind: 'paid', reference: payment.reference, duplicate: false };
  };

/** applyPaymentStatusOp on a store (a transaction id already used by another payment: a conflict). */
export async function applyPaymentStatus(
  store: Store,
  s: PaymentStatusUpdate,
  o: PaymentStatusOptions,
): Promise<PaymentStatusOutcome> {
  try {
    return await store.transaction(applyPaymentStatusOp(s, o));
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: 'ignored', reason: 'conflict' };
    throw err;
  }
}
