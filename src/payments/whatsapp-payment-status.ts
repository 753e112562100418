import { defaultCatalogue } from '../cases/default-catalogue.js';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { languageSchema } from '../lang/language.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { PaymentStatusUpdate } from '../whatsapp/webhook-payload.js';
import { confirmPayment } from './confirm-payment.js';

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

class RollBack extends Error {}

/**
 * Applies one WhatsApp Pay status of `type: "payment"`. `captured` marks the payment paid
 * only after the reference and the amount (in INR) match ours, and exactly once: the
 * transaction id is the idempotency key, as with the provider webhook. Then an
 * `order_status` message closes the order and the receipt follows, in that order, in the
 * same transaction as the status. `pending` and `failed` are recorded (the order stays
 * payable after a failure, and the citizen is told so once).
 */
export function applyPaymentStatus(
  db: Db,
  s: PaymentStatusUpdate,
  o: PaymentStatusOptions,
): PaymentStatusOutcome {
  const catalogue = o.catalogue ?? defaultCatalogue();
  const c = db.$client;
  const payment = c
    .prepare(
      `select p.id, p.reference, p.wa_id as waId, p.amount_paise as amountPaise, p.status, p.provider_txn_id as txn,
         p.wa_payment_status as waStatus, ci.language
       from payments p left join citizens ci on ci.wa_id = p.wa_id where p.reference = ?`,
    )
    .get(s.referenceId) as
    | {
        id: number;
        reference: string;
        waId: string;
        amountPaise: number;
        status: string;
        txn: string | null;
        waStatus: string | null;
        language: string | null;
      }
    | undefined;
  if (!payment) return { kind: 'ignored', reason: 'unknown_reference' };
  const lang = languageSchema.catch('hi').parse(payment.language);
  const record = c.prepare(
    'update payments set wa_payment_status = ?, wa_payment_status_at = ? where id = ? and status = ?',
  );

  if (s.status !== 'captured') {
    if (payment.status === 'paid') return { kind: 'paid', reference: payment.reference, duplicate: true };
    c.transaction(() => {
      const changed = record.run(s.status, o.now, payment.id, 'pending').changes;
      if (s.status === 'failed' && changed && payment.waStatus !== 'failed') {
        enqueueOutbound(
          db,
          text(catalogue.t(lang, 'whatsapp.payment.failed', { reference: payment.reference })),
          {
            waId: payment.waId,
            sentBy: 'system',
            simulated: o.simulated,
            now: o.now,
          },
        );
      }
    })();
    return { kind: s.status, reference: payment.reference };
  }

  if (s.currency !== undefined && s.currency !== 'INR') return { kind: 'ignored', reason: 'currency' };
  if (s.amountPaise !== payment.amountPaise) return { kind: 'ignored', reason: 'amount_mismatch' };
  const txn = s.transactionId;
  if (!txn) return { kind: 'ignored', reason: 'no_transaction' };
  if (payment.status === 'paid') {
    return payment.txn === txn
      ? { kind: 'paid', reference: payment.reference, duplicate: true }
      : { kind: 'ignored', reason: 'conflict' };
  }
  try {
    return c.transaction((): PaymentStatusOutcome => {
      // the order_status goes first in the outbox, so the citizen reads "complete", then the receipt
      enqueueOutbound(
        db,
        [
          {
            kind: 'order_status',
            text: catalogue.t(lang, 'whatsapp.order_status.completed', { reference: payment.reference }),
            referenceId: payment.reference,
            status: 'completed',
          },
        ],
        { waId: payment.waId, sentBy: 'system', simulated: o.simulated, now: o.now },
      );
      const outcome = confirmPayment(
        db,
        {
          paymentReference: payment.reference,
          providerTxnId: txn,
          amountPaise: s.amountPaise ?? -1,
          status: 'success',
        },
        { now: new Date(o.now), simulated: o.simulated, catalogue },
      );
      if (outcome.kind !== 'paid' || outcome.duplicate) throw new RollBack();
      record.run('captured', o.now, payment.id, 'paid');
      c.prepare('update payments set order_status_sent_at = ? where id = ?').run(o.now, payment.id);
      return { kind: 'paid', reference: payment.reference, duplicate: false };
    })();
  } catch (err) {
    if (err instanceof RollBack) return { kind: 'ignored', reason: 'conflict' };
    throw err;
  }
}
