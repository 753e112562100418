import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { defaultCatalogue } from '../cases/default-catalogue.js';
import type { Db } from '../db/open-database.js';
import { citizens, conversations, payments } from '../db/schema.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { type Lang, languageSchema } from '../lang/language.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { text } from '../whatsapp/outbound-builders.js';
import { tagPurpose } from '../whatsapp/service-window.js';

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
 * Applies a provider's confirmation. Only this marks a payment paid (a QR proves nothing),
 * after checking reference and amount; a repeated confirmation changes nothing, and the
 * receipt is queued in the same transaction as the status, so it is sent exactly once.
 */
export function confirmPayment(db: Db, input: PaymentConfirmation, o: ConfirmOptions): ConfirmOutcome {
  const catalogue = o.catalogue ?? defaultCatalogue();
  return db.$client.transaction((): ConfirmOutcome => {
    const payment = db.select().from(payments).where(eq(payments.reference, input.paymentReference)).get();
    if (!payment) return { kind: 'not_found' };
    if (payment.status === 'paid') {
      return payment.providerTxnId === input.providerTxnId
        ? { kind: 'paid', payment, duplicate: true }
        : { kind: 'conflict', reason: 'paid_with_another_transaction' };
    }
    // A failed attempt leaves the QR payable: the citizen can simply try again.
    if (input.status === 'failure') return { kind: 'still_pending', payment };
    if (input.amountPaise !== payment.amountPaise)
      return { kind: 'amount_mismatch', expectedPaise: payment.amountPaise };
    if (payment.status === 'expired') return { kind: 'conflict', reason: 'expired' };
    const txnTaken = db
      .select({ id: payments.id })
      .from(payments)
      .where(eq(payments.providerTxnId, input.providerTxnId))
      .get();
    if (txnTaken) return { kind: 'conflict', reason: 'transaction_used_for_another_payment' };

    const nowMs = o.now.getTime();
    const paid = db
      .update(payments)
      .set({ status: 'paid', paidAt: nowMs, providerTxnId: input.providerTxnId })
      .where(eq(payments.id, payment.id))
      .returning()
      .get();
    const citizen = db
      .select({ language: citizens.language })
      .from(citizens)
      .where(eq(citizens.waId, paid.waId))
      .get();
    const lang: Lang = languageSchema.catch('hi').parse(citizen?.language);
    const conversation = db
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.waId, paid.waId))
      .orderBy(desc(conversations.lastMessageAt))
      .get();
    const receipt = catalogue.t(lang, 'tools.pay.receipt', {
      amount: rupees(paid.amountPaise),
      purpose: catalogue.t(lang, `tools.pay.purpose.${paid.purpose}`),
      forReference: paid.forReference ?? '',
      reference: paid.reference,
      txn: input.providerTxnId,
      date: indiaDisplayDate(nowMs),
    });
    const ids = enqueueOutbound(db, text(receipt), {
      waId: paid.waId,
      conversationId: conversation?.id ?? null,
      sentBy: 'system',
      simulated: o.simulated,
      now: nowMs,
    });
    // outside the 24-hour window the outbox sends the payment-receipt template instead
    tagPurpose(db, ids, 'payment_receipt');
    return { kind: 'paid', payment: paid, duplicate: false };
  })();
}
