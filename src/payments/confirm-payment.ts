import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { defaultCatalogue } from '../cases/default-catalogue.js';
import { causeChain, codeOf } from '../db/cause-chain.js';
import type { payments } from '../db/schema.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { enqueueOutboundOp } from '../outbox/enqueue-outbound.js';
import { isErasedWaId } from '../privacy/erase-citizen.js';
import { auditOp } from '../staff/audit.js';
import { citizenLanguageOp, latestConversationIdOp } from '../staff/notify-citizen.js';
import { exec, first, lockKey, type Op, type Q, rows, type Step } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { text } from '../whatsapp/outbound-builders.js';
import { tagPurposeOp } from '../whatsapp/service-window.js';

/** The provider's confirmation of one payment. */
export const paymentConfirmationSchema = z.object({
  paymentReference: z.string().min(1).max(64),
  providerTxnId: z.string().min(1).max(128),
  amountPaise: z.number().int().min(0),
  status: z.enum(['success', 'failure']),
});
export type PaymentConfirmation = z.infer<typeof paymentConfirmationSchema>;

export type PaymentRow = typeof payments.$inferSelect;

export type ConfirmOutcome =
  | { kind: 'paid'; payment: PaymentRow; duplicate: boolean }
  | { kind: 'still_pending'; payment: PaymentRow }
  | { kind: 'not_found' }
  | { kind: 'amount_mismatch'; expectedPaise: number }
  | {
      kind: 'conflict';
      reason: 'paid_with_another_transaction' | 'transaction_used_for_another_payment' | 'expired';
      /** money came for an expired QR: recorded for staff, and the citizen told (queued now) */
      noticeQueued?: boolean;
    };

export interface ConfirmOptions {
  now: Date;
  /** WhatsApp not configured: the receipt goes to the chat simulator */
  simulated: boolean;
  catalogue?: Catalogue;
}

const IST_OFFSET_MS = 330 * 60 * 1000;
const rupees = (paise: number) => (paise % 100 === 0 ? `₹${paise / 100}` : `₹${(paise / 100).toFixed(2)}`);
const indiaDisplayDate = (ms: number) => {
  const [y, m, d] = new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
};

/**
 * Serialises everything that reads a payment and then writes it (confirmations, WhatsApp Pay
 * statuses, reconciliation): on PostgreSQL two instances may take two deliveries of the same
 * confirmation at once, and both would otherwise see it pending and queue two receipts.
 */
export const lockPayment = (q: Q, reference: string) => lockKey(q, `payment:${reference}`);

/** The payment row of a reference (inside the caller's transaction, after lockPayment). */
export function* paymentByReference(
  q: Q,
  reference: string,
): Generator<Step, PaymentRow | undefined, unknown> {
  const row = yield* first(q.db.select().from(q.t.payments).where(eq(q.t.payments.reference, reference)));
  return row as PaymentRow | undefined;
}

/**
 * What a confirmation would do to `payment`, decided before anything is written: `ready` when
 * it may be marked paid now, else the outcome to answer.
 */
export function* decideConfirmation(
  q: Q,
  payment: PaymentRow | undefined,
  input: PaymentConfirmation,
): Generator<Step, ConfirmOutcome | { kind: 'ready'; payment: PaymentRow }, unknown> {
  if (!payment) return { kind: 'not_found' };
  if (payment.status === 'paid') {
    if (payment.providerTxnId !== input.providerTxnId)
      return { kind: 'conflict', reason: 'paid_with_another_transaction' };
    // the same transaction told again with another amount is not a replay: say what we hold
    if (input.status === 'success' && input.amountPaise !== payment.amountPaise)
      return { kind: 'amount_mismatch', expectedPaise: payment.amountPaise };
    return { kind: 'paid', payment, duplicate: true };
  }
  // an expired QR is payable no more, whatever the notice says (a failure is not "still pending")
  if (payment.status === 'expired') return { kind: 'conflict', reason: 'expired' };
  // A failed attempt leaves the QR payable: the citizen can simply try again.
  if (input.status === 'failure') return { kind: 'still_pending', payment };
  if (input.amountPaise !== payment.amountPaise)
    return { kind: 'amount_mismatch', expectedPaise: payment.amountPaise };
  const taken = yield* first(
    q.db
      .select({ id: q.t.payments.id })
      .from(q.t.payments)
      .where(and(eq(q.t.payments.providerTxnId, input.providerTxnId), ne(q.t.payments.id, payment.id))),
  );
  if (taken) return { kind: 'conflict', reason: 'transaction_used_for_another_payment' };
  return { kind: 'ready', payment };
}

/**
 * Queues a payment message to the payer in their language (a receipt, money on an expired QR),
 * tagged so that outside the 24-hour window the outbox sends the payment-receipt template; none
 * to a citizen who erased their data, a pseudonym now that no one reads. Its outbox ids.
 */
function* tellPayer(
  q: Q,
  waId: string,
  o: ConfirmOptions,
  say: (lang: Lang, catalogue: Catalogue) => string,
): Generator<Step, number[], unknown> {
  if (isErasedWaId(waId)) return [];
  const lang: Lang = yield* citizenLanguageOp(waId)(q);
  const ids = yield* enqueueOutboundOp(text(say(lang, o.catalogue ?? defaultCatalogue())), {
    waId,
    conversationId: yield* latestConversationIdOp(waId)(q),
    sentBy: 'system',
    simulated: o.simulated,
    now: o.now.getTime(),
  })(q);
  yield* tagPurposeOp(ids, 'payment_receipt')(q);
  return ids;
}

/** Marks a payment decided `ready` as paid and queues its receipt (in the caller's transaction). */
export function* markPaid(
  q: Q,
  payment: PaymentRow,
  providerTxnId: string,
  o: ConfirmOptions,
): Generator<Step, PaymentRow, unknown> {
  const nowMs = o.now.getTime();
  const [paid] = (yield* rows(
    q.db
      .update(q.t.payments)
      .set({ status: 'paid', paidAt: nowMs, providerTxnId })
      .where(eq(q.t.payments.id, payment.id))
      .returning(),
  )) as PaymentRow[];
  if (!paid) throw new Error(`payment ${payment.reference} vanished while it was being confirmed`);
  yield* tellPayer(q, paid.waId, o, (lang, catalogue) =>
    catalogue.t(lang, 'tools.pay.receipt', {
      amount: rupees(paid.amountPaise),
      purpose: catalogue.t(lang, `tools.pay.purpose.${paid.purpose}`),
      forReference: paid.forReference ?? '',
      reference: paid.reference,
      txn: providerTxnId,
      date: indiaDisplayDate(nowMs),
    }),
  );
  return paid;
}

/**
 * Applies a provider's confirmation, as one transaction of the store. Only this marks a
 * payment paid (a QR proves nothing), after checking reference and amount; a repeated
 * confirmation changes nothing, and the receipt is queued in the same transaction as the
 * status, so it is sent exactly once.
 */
export const confirmPaymentOp = (input: PaymentConfirmation, o: ConfirmOptions): Op<ConfirmOutcome> =>
  function* (q) {
    yield* lockPayment(q, input.paymentReference);
    const payment = yield* paymentByReference(q, input.paymentReference);
    const decided = yield* decideConfirmation(q, payment, input);
    if (decided.kind === 'conflict' && decided.reason === 'expired' && payment && input.status === 'success')
      return { ...decided, noticeQueued: yield* recordPaidAfterExpiry(q, payment, input, o) };
    if (decided.kind !== 'ready') return decided;
    const paid = yield* markPaid(q, decided.payment, input.providerTxnId, o);
    return { kind: 'paid', payment: paid, duplicate: false };
  };

/**
 * Money paid on a QR that had been replaced (its amount no longer applied) is refused as the
 * payment, but it was paid: the transaction is kept in the audit log for staff to apply or
 * refund (`payment.paid_after_expiry`, once per transaction however often the provider
 * retries), and the citizen is told the money is not lost. True when a notice was queued.
 */
function* recordPaidAfterExpiry(
  q: Q,
  payment: PaymentRow,
  input: PaymentConfirmation,
  o: ConfirmOptions,
): Generator<Step, boolean, unknown> {
  const a = q.t.auditLog;
  const seen = yield* first(
    q.db
      .select({ id: a.id })
      .from(a)
      .where(
        and(
          eq(a.action, 'payment.paid_after_expiry'),
          eq(a.targetId, String(payment.id)),
          eq(q.d.jsonText(a.detail, 'providerTxnId'), input.providerTxnId),
        ),
      ),
  );
  if (seen) return false;
  yield* auditOp({
    userId: null,
    action: 'payment.paid_after_expiry',
    targetType: 'payment',
    targetId: payment.id,
    detail: {
      reference: payment.reference,
      providerTxnId: input.providerTxnId,
      amountPaise: input.amountPaise,
    },
    now: o.now.getTime(),
  })(q);
  const ids = yield* tellPayer(q, payment.waId, o, (lang, catalogue) =>
    catalogue.t(lang, 'tools.pay.after_expiry', {
      amount: rupees(input.amountPaise),
      reference: payment.reference,
      txn: input.providerTxnId,
    }),
  );
  return ids.length > 0;
}

/** The unique index on a column refused the write (PostgreSQL 23505; SQLite's constraint code). */
export function isUniqueViolation(err: unknown): boolean {
  return causeChain(err).some((e) => ['23505', 'SQLITE_CONSTRAINT_UNIQUE'].includes(codeOf(e) ?? ''));
}

/**
 * confirmPaymentOp on a store. Two different payments confirmed with one transaction id at
 * the same moment pass the check each under its own lock; the unique index then refuses the
 * second, which is the same conflict.
 */
export async function confirmPayment(
  store: Store,
  input: PaymentConfirmation,
  o: ConfirmOptions,
): Promise<ConfirmOutcome> {
  try {
    return await store.transaction(confirmPaymentOp(input, o));
  } catch (err) {
    if (isUniqueViolation(err)) return { kind: 'conflict', reason: 'transaction_used_for_another_payment' };
    throw err;
  }
}

/** Records a status of the payment (`wa_payment_status`) while it is still `status`. */
export function* recordWaStatus(
  q: Q,
  paymentId: number,
  waStatus: string,
  at: number,
  whileStatus: PaymentRow['status'],
): Generator<Step, number, unknown> {
  return yield* exec(
    q.db
      .update(q.t.payments)
      .set({ waPaymentStatus: waStatus, waPaymentStatusAt: at })
      .where(and(eq(q.t.payments.id, paymentId), eq(q.t.payments.status, whileStatus))),
  );
}
