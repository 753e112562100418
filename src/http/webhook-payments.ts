import { Hono } from 'hono';
import {
  confirmPayment,
  type PaymentConfirmation,
  type PaymentRow,
  paymentConfirmationSchema,
} from '../payments/confirm-payment.js';
import type { Store } from '../storage/store.js';
import { readBodyLimited, TOO_LARGE } from '../whatsapp/read-body.js';
import { verifySignature } from '../whatsapp/signature.js';

export interface PaymentWebhookDeps {
  store: Store;
  /** PAYMENT_WEBHOOK_SECRET; without it every confirmation is refused */
  secret: string | undefined;
  /** WhatsApp not configured: receipts go to the chat simulator */
  simulated: boolean;
  /** after the payment and its receipt are committed (e.g. wake the outbox sender) */
  onPaid?: (payment: PaymentRow) => void;
  /** after another message to the citizen is committed (money paid on an expired QR) */
  onOutbound?: () => void;
  now?: () => Date;
}

const MAX_BODY = 64 * 1024;

/**
 * `POST /webhook/payments`: the provider's confirmation, `X-Signature: sha256=<hex HMAC of the raw body>`.
 * 401 bad signature · 400 bad JSON/shape · 404 unknown reference · 409 amount mismatch, conflicting
 * transaction or an expired QR (money paid on one is recorded for staff, the citizen told) · 200 paid
 * (again: `duplicate: true`, nothing changes).
 */
export function createPaymentWebhook({
  store,
  secret,
  simulated,
  onPaid,
  onOutbound,
  now = () => new Date(),
}: PaymentWebhookDeps) {
  const app = new Hono();
  app.post('/webhook/payments', async (c) => {
    if (!secret) {
      return c.json(
        { error: 'unauthorized', message: 'PAYMENT_WEBHOOK_SECRET is unset: confirmations are refused' },
        401,
      );
    }
    const raw = await readBodyLimited(c.req.raw, MAX_BODY);
    if (raw === TOO_LARGE) return c.json({ error: 'payload_too_large' }, 413);
    if (!verifySignature(raw, c.req.header('x-signature'), secret))
      return c.json({ error: 'invalid_signature' }, 401);
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch {
      return c.json({ error: 'invalid_json' }, 400);
    }
    const parsed = paymentConfirmationSchema.safeParse(body);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
      return c.json({ error: 'invalid_body', issues }, 400);
    }
    const input: PaymentConfirmation = parsed.data;
    const outcome = await confirmPayment(store, input, { now: now(), simulated });
    switch (outcome.kind) {
      case 'not_found':
        return c.json({ error: 'unknown_payment' }, 404);
      case 'amount_mismatch':
        return c.json({ error: 'amount_mismatch', expectedPaise: outcome.expectedPaise }, 409);
      case 'conflict':
        if (outcome.noticeQueued) onOutbound?.();
        return c.json({ error: outcome.reason }, 409);
      case 'still_pending':
        return c.json({ status: 'pending', reference: outcome.payment.reference }, 200);
      case 'paid':
        if (!outcome.duplicate) onPaid?.(outcome.payment);
        return c.json(
          { status: 'paid', reference: outcome.payment.reference, duplicate: outcome.duplicate },
          200,
        );
    }
  });
  return app;
}
