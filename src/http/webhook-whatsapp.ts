import { Hono } from 'hono';
import type { Logger } from 'pino';
import type { Db } from '../db/open-database.js';
import type { Store } from '../storage/store.js';
import { createIngest } from '../whatsapp/create-ingest.js';
import type { AcceptedMessage } from '../whatsapp/ingest.js';
import { readBodyLimited, TOO_LARGE } from '../whatsapp/read-body.js';
import { verifySignature } from '../whatsapp/signature.js';
import {
  type PaymentStatusUpdate,
  toPaymentStatusUpdates,
  webhookEnvelopeSchema,
} from '../whatsapp/webhook-payload.js';
import { databaseUnavailable } from './database-unavailable.js';
import { storeOf } from './store-of.js';

/** Meta's deliveries are small; 3 MB is the documented ceiling of what we accept. */
export const MAX_WEBHOOK_BYTES = 3 * 1024 * 1024;

export interface WhatsAppWebhookDeps {
  /** the store deliveries are written to (or `db`: the SQLite adapter on it) */
  store?: Store;
  db?: Db;
  config: { verifyToken?: string; appSecret?: string };
  /**
   * called after the response with the wa_ids that have new inbound messages (deduplicated);
   * `media`: how many of them brought a file for the media fetch job
   */
  onAccepted: (waIds: string[], accepted: AcceptedMessage[], media: number) => void;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  now: () => number;
  /** WhatsApp Pay statuses (`type: "payment"`), applied before the 200: if this throws, Meta retries */
  onPaymentStatuses?: (updates: PaymentStatusUpdate[]) => void | Promise<void>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What POST /webhook/whatsapp answers: a status and a JSON body (and headers, rarely). */
export interface DeliveryAnswer {
  status: 200 | 400 | 401 | 413 | 500 | 503;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export type DeliveryHandler = (raw: Uint8Array, signature: string | undefined) => Promise<DeliveryAnswer>;

const answer = (status: DeliveryAnswer['status'], body: Record<string, unknown>): DeliveryAnswer => ({
  status,
  body,
});

/**
 * The webhook's POST, from the body's bytes to the answer, whatever serves it: the Hono
 * route below (tests, the app's other callers) and the server's own fast path for this one
 * route (src/wiring/node-listener.ts), which skips the web Request/Response a delivery
 * otherwise costs — Meta posts one for each message and three receipts for each reply.
 */
export function createWhatsAppDeliveries({
  store,
  db,
  config,
  onAccepted,
  logger,
  now,
  onPaymentStatuses,
}: WhatsAppWebhookDeps): DeliveryHandler {
  const ingest = createIngest(storeOf({ store, db }));
  return async (raw, signature) => {
    if (config.appSecret && !verifySignature(raw, signature, config.appSecret)) {
      logger.warn({ bytes: raw.byteLength }, 'whatsapp webhook signature rejected');
      return answer(401, { ok: false, error: 'invalid signature' });
    }

    let json: unknown;
    try {
      json = JSON.parse(utf8.decode(raw));
    } catch {
      return answer(400, { ok: false, error: 'malformed JSON' });
    }
    const envelope = webhookEnvelopeSchema.safeParse(json);
    if (!envelope.success) return answer(400, { ok: false, error: 'not a WhatsApp webhook payload' });

    let result: Awaited<ReturnType<typeof ingest>>;
    try {
      result = await ingest(envelope.data, now());
    } catch (err) {
      // another process holds the write lock (or the file is read-only): Meta retries
      const code = databaseUnavailable(err);
      if (!code) throw err;
      logger.warn({ code, path: '/webhook/whatsapp' }, 'database unavailable');
      return {
        status: 503,
        body: { error: 'database_unavailable', message: 'the database is busy; retry shortly' },
        headers: { 'Retry-After': '5' },
      };
    }
    const payments = onPaymentStatuses ? toPaymentStatusUpdates(envelope.data) : [];
    if (payments.length > 0) {
      try {
        await onPaymentStatuses?.(payments);
      } catch (err) {
        logger.error({ err }, 'whatsapp payment statuses failed');
        return answer(500, { ok: false, error: 'payment status not applied' });
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
    return answer(200, { ok: true });
  };
}

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
const CHALLENGE = /^[0-9A-Za-z_-]{1,128}$/;

export function createWhatsAppWebhook(deps: WhatsAppWebhookDeps & { deliveries?: DeliveryHandler }): Hono {
  const { config, logger } = deps;
  const app = new Hono();
  const deliver = deps.deliveries ?? createWhatsAppDeliveries(deps);

  app.get('/webhook/whatsapp', (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token');
    const challenge = c.req.query('hub.challenge');
    if (config.verifyToken && mode === 'subscribe' && token === config.verifyToken) {
      // Meta's challenge is a number; anything else echoed back would be ours to answer for
      if (!challenge || !CHALLENGE.test(challenge))
        return c.json(
          { error: 'invalid_challenge', message: 'hub.challenge must be 1–128 letters or digits' },
          400,
        );
      return c.text(challenge, 200);
    }
    logger.warn({ mode }, 'whatsapp webhook handshake refused');
    return c.json({ error: 'forbidden' }, 403);
  });

  app.post('/webhook/whatsapp', async (c) => {
    const raw = await readBodyLimited(c.req.raw, MAX_WEBHOOK_BYTES);
    if (raw === TOO_LARGE) return c.json({ ok: false, error: 'payload too large' }, 413);
    const a = await deliver(raw, c.req.header('x-hub-signature-256'));
    return c.json(a.body, a.status, a.headers);
  });

  return app;
}
