import type Database from 'better-sqlite3';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { exec, type Op } from '../storage/operation.js';
import { onSqlite } from '../storage/sqlite-store.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';

// the QR link create_payment_qr sends: /media/qr/<43-char token>.png
const QR_LINK = /\/media\/qr\/([A-Za-z0-9_-]{43})\.png$/;

const rupees = (paise: number) => (paise % 100 === 0 ? `₹${paise / 100}` : `₹${(paise / 100).toFixed(2)}`);
const cut = (s: string, n: number) =>
  Array.from(s).length <= n
    ? s
    : `${Array.from(s)
        .slice(0, n - 1)
        .join('')}…`;

export type PaymentForCheckout = {
  reference: string;
  amountPaise: number;
  purpose: string;
  forReference: string | null;
};

function lookup(client: Database.Database, token: string) {
  return client
    .prepare(
      `select reference, amount_paise as amountPaise, purpose, for_reference as forReference from payments
       where media_token = ? and status = 'pending' and amount_paise > 0
         and coalesce(wa_payment_status, '') <> 'unsupported'`,
    )
    .get(token) as PaymentForCheckout | undefined;
}

/** The payment QR token in an image message's link (/media/qr/<token>.png), or undefined. */
export function qrTokenOf(m: OutboundMessage): string | undefined {
  return m.kind === 'image' ? QR_LINK.exec(m.url)?.[1] : undefined;
}

/**
 * The native WhatsApp Pay checkout (`order_details`, "Review and pay") for a payment QR
 * image, when a payment configuration is set: `reference_id` is the PAY reference, the fee
 * the only item. Null when the image is not a payable QR, or when this number could not
 * take a native checkout before (then the QR image stays).
 */
export function nativeCheckoutFor(
  db: Db,
  m: OutboundMessage,
  o: { paymentConfiguration?: string; lang: Lang; catalogue: Catalogue },
): OutboundMessage | null {
  if (!o.paymentConfiguration || m.kind !== 'image') return null;
  const token = qrTokenOf(m);
  const p = token ? lookup(db.$client, token) : undefined;
  return p ? checkoutMessage(p, o) : null;
}

/** The order_details message for a payable payment (the database-free half of nativeCheckoutFor). */
export function checkoutMessage(
  p: PaymentForCheckout,
  o: { paymentConfiguration?: string; lang: Lang; catalogue: Catalogue },
): OutboundMessage | null {
  if (!o.paymentConfiguration) return null;
  const params = {
    amount: rupees(p.amountPaise),
    purpose: o.catalogue.has(`tools.pay.purpose.${p.purpose}`)
      ? o.catalogue.t(o.lang, `tools.pay.purpose.${p.purpose}`)
      : p.purpose,
    forReference: p.forReference ?? '',
    reference: p.reference,
  };
  return {
    kind: 'order_details',
    text: cut(o.catalogue.t(o.lang, 'whatsapp.checkout.body', params), 1024),
    referenceId: p.reference,
    amountPaise: p.amountPaise,
    itemName: cut(o.catalogue.t(o.lang, 'whatsapp.checkout.item', params), 60),
    paymentConfiguration: o.paymentConfiguration,
  };
}

/** Graph refused the checkout (no WhatsApp Pay on this number): from now on this payment stays a QR. */
export function markCheckoutUnsupported(db: Db, referenceId: string, now: number): void {
  onSqlite(db, markCheckoutUnsupportedOp(referenceId, now));
}

/** The same as an operation of the store. */
export const markCheckoutUnsupportedOp = (referenceId: string, now: number): Op<number> =>
  function* ({ db, t }) {
    return yield* exec(
      db
        .update(t.payments)
        .set({ waPaymentStatus: 'unsupported', waPaymentStatusAt: now, checkout: 'qr' })
        .where(eq(t.payments.reference, referenceId)),
    );
  };

/** The checkout went out: the payment is confirmed by WhatsApp Pay statuses from now on (in the send's outcome). */
export const markNativeCheckoutOp = (referenceId: string): Op<number> =>
  function* ({ db, t }) {
    return yield* exec(
      db
        .update(t.payments)
        .set({ checkout: 'whatsapp' })
        .where(and(eq(t.payments.reference, referenceId), eq(t.payments.status, 'pending'))),
    );
  };
