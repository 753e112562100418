import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '../db/open-database.js';
import { createIngestBatcher } from '../whatsapp/ingest-batcher.js';
import { readBodyLimited, TOO_LARGE } from '../whatsapp/read-body.js';
import { verifySignature } from '../whatsapp/signature.js';
import {
  type PaymentStatusUpdate,
  toPaymentStatusUpdates,
  webhookEnvelopeSchema,
} from '../whatsapp/webhook-payload.js';

/** Meta's deliveries are small; 3 MB is the documented ceiling of what we accept. */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

export interface WhatsAppWebhookDeps {
  db: Db;
  config: { verifyToken?: string; appSecret?: string };
  /**
   * called after the response with the wa_ids that have new inbound messages (deduplicated);
   * `media`: how many of them brought a file for the media fetch job
   */
  onAccepted: (waIds: string[], accepted: { id: number; waId: string }[], media: number) => void;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  now: () => number;
  /** WhatsApp Pay statuses (`type: "payment"`), applied before the 200: if this throws, Meta retries */
  onPaymentStatuses?: (updates: PaymentStatusUpdate[]) => void;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * `GET /webhook/whatsapp` (Meta's subscription handshake) and `POST /webhook/whatsapp`.
 *
 * POST answers, by design:
 * - 413 over 3 MB; 401 when the app secret is set and the signature is missing or wrong
 *   (nothing is parsed or stored);
 * - 400 for bytes that are not UTF-8 JSON, or JSON without the webhook envelope
 *   (`{object, entry[]}`): Meta never sends those, so a retry could not succeed either;
 * - 200 `{ok:true}` once the delivery is committed, including envelopes whose content we
 *   do not use (other objects or fields, unknown message types): answering 4xx there
 *   would only make Meta redeliver the same thing for days.
 */
export function createWhatsAppWebhook({
  db,
  config,
  onAccepted,
  logger,
  now,
  onPaymentStatuses,
}: WhatsAppWebhookDeps): Hono {
  const app = new Hono();
  const ingest = createIngestBatcher(db);

  app.get('/webhook/whatsapp', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge') ?? '';
    if (config.verifyToken && mode === 'subscribe' && token === config.verifyToken) {
      return c.text(challenge, 200);
    }
    logger.warn({ mode }, 'whatsapp webhook handshake refused');
    return c.text('forbidden', 403);
  });

  app.post('/webhook/whatsapp', async (c) => {
    const raw = await readBodyLimited(c.req.raw, MAX_WEBHOOK_BYTES);
    if (raw === TOO_LARGE) return c.json({ ok: false, error: 'payload too large' }, 413);

    if (config.appSecret && !verifySignature(raw, c.req.header('x-hub-signature-256'), config.appSecret)) {
      logger.warn({ bytes: raw.byteLength }, 'whatsapp webhook signature rejected');
      return c.json({ ok: false, error: 'invalid signature' }, 401);
    }

    let json: unknown;
    try {
      json = JSON.parse(utf8.decode(raw));
    } catch {
      return c.json({ ok: false, error: 'malformed JSON' }, 400);
    }
    const envelope = webhookEnvelopeSchema.safeParse(json);
    if (!envelope.success) return c.json({ ok: false, error: 'not a WhatsApp webhook payload' }, 400);

    const result = await ingest(envelope.data, now());
    const payments = onPaymentStatuses ? toPaymentStatusUpdates(envelope.data) : [];
    if (payments.length > 0) {
      try {
        onPaymentStatuses?.(payments);
      } catch (err) {
        logger.error({ err }, 'whatsapp payment statuses failed');
        return c.json({ ok: false, error: 'payment status not applied' }, 500);
      }
    }
    if (result.duplicates > 0) logger.debug({ duplicates: result.duplicates }, 'whatsapp duplicate delivery');

    if (result.accepted.length > 0) {
      const waIds = [...new Set(result.accepted.map((a) => a.waId))];
      // the inbox row is committed: processing may start now, the response goes out first
      setImmediate(() => {
        try {
          onAccepted(waIds, result.accepted, result.media);
        } catch (err) {
          logger.error({ err }, 'whatsapp onAccepted failed');
        }
      });
    }
    return c.json({ ok: true }, 200);
  });

  return app;
}
