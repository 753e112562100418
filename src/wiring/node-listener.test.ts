import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import {
  createWhatsAppDeliveries,
  type DeliveryHandler,
  MAX_WEBHOOK_BYTES,
} from '../http/webhook-whatsapp.js';
import { textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { webhookFastPath } from './node-listener.js';

const SECRET = 'test-app-secret';
const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function listen(deliveries: DeliveryHandler) {
  const createServer = webhookFastPath({ deliveries, logger: pino({ level: 'silent' }) });
  // stands in for Hono's listener: every request the fast path does not take goes here
  const server = createServer({}, (_req, res) => res.end('hono'));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  const call = (
    method: string,
    path: string,
    body?: string | Readable,
    headers: Record<string, string> = {},
  ) =>
    new Promise<{ status: number; text: string; headers: Record<string, unknown> }>((resolve, reject) => {
      // a fresh connection each: a refused body may leave the old one unusable
      const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
        let text = '';
        res.on('data', (b) => {
          text += b;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
      });
      req.on('error', reject);
      if (body instanceof Readable) body.pipe(req);
      else req.end(body);
    });
  return call;
}

function realDeliveries() {
  const db = openDatabase({ path: ':memory:' });
  const accepted: string[][] = [];
  const deliveries = createWhatsAppDeliveries({
    db,
    config: { appSecret: SECRET },
    onAccepted: (waIds) => accepted.push(waIds),
    logger: pino({ level: 'silent' }),
    now: () => 1_764_000_000_000,
  });
  return { db, accepted, deliveries };
}

describe('the webhook fast path', () => {
  it('stores a signed delivery and answers as the Hono route does; other requests go to Hono', async () => {
    const { db, accepted, deliveries } = realDeliveries();
    const call = await listen(deliveries);
    const body = JSON.stringify(textDelivery({ waId: '919800000001', wamid: 'wamid.fast.1', text: 'hello' }));
    const ok = await call('POST', '/webhook/whatsapp', body, {
      'x-hub-signature-256': signBody(body, SECRET),
    });
    expect([ok.status, ok.text, ok.headers['content-type']]).toEqual([
      200,
      '{"ok":true}',
      'application/json',
    ]);
    expect(db.select({ wamid: messages.wamid }).from(messages).all()).toEqual([{ wamid: 'wamid.fast.1' }]);
    await new Promise((r) => setImmediate(r));
    expect(accepted).toEqual([['919800000001']]);

    const forged = await call('POST', '/webhook/whatsapp', body, {
      'x-hub-signature-256': signBody(body, 'x'),
    });
    expect([forged.status, forged.text]).toEqual([401, '{"ok":false,"error":"invalid signature"}']);
    expect((await call('GET', '/webhook/whatsapp?hub.mode=subscribe')).text).toBe('hono');
    expect((await call('POST', '/webhook/payments', '{}')).text).toBe('hono');
  });

  it('refuses a body over 3 MB, declared or chunked, with 413 and stores nothing', async () => {
    const { db, deliveries } = realDeliveries();
    const call = await listen(deliveries);
    const declared = await call('POST', '/webhook/whatsapp', 'x', {
      'content-length': String(MAX_WEBHOOK_BYTES + 1),
    });
    expect(declared.status).toBe(413);
    const chunk = Buffer.alloc(256 * 1024, 'a');
    const chunks = Array.from({ length: MAX_WEBHOOK_BYTES / chunk.length + 2 }, () => chunk);
    const chunked = await call('POST', '/webhook/whatsapp', Readable.from(chunks));
    expect([declared.text, chunked.status, chunked.text]).toEqual([
      `{"error":"payload_too_large","maxBytes":${MAX_WEBHOOK_BYTES}}`,
      413,
      `{"error":"payload_too_large","maxBytes":${MAX_WEBHOOK_BYTES}}`,
    ]);
    expect(db.select().from(messages).all()).toEqual([]);
  });

  it('answers 500 when storing fails unexpectedly, and passes on the handler’s headers (503 Retry-After)', async () => {
    const { db, deliveries } = realDeliveries();
    const call = await listen(deliveries);
    db.$client.exec(`create trigger busy before insert on messages begin select raise(abort, 'x'); end`);
    // an abort from a trigger is SQLITE_CONSTRAINT_TRIGGER: a bug, not "busy"
    const body = JSON.stringify(textDelivery({ waId: '919800000002', wamid: 'wamid.fast.2', text: 'hi' }));
    const failed = await call('POST', '/webhook/whatsapp', body, {
      'x-hub-signature-256': signBody(body, SECRET),
    });
    expect([failed.status, failed.text]).toEqual([500, '{"error":"internal_error"}']);

    const callBusy = await listen(async () => ({
      status: 503,
      body: { error: 'database_unavailable' },
      headers: { 'Retry-After': '5' },
    }));
    const busy = await callBusy('POST', '/webhook/whatsapp', '{}');
    expect([busy.status, busy.headers['retry-after'], busy.text]).toEqual([
      503,
      '5',
      '{"error":"database_unavailable"}',
    ]);
  });
});

describe('the served app', () => {
  it('answers Meta’s POSTs on the fast path exactly as its Hono route does', async () => {
    const { serveSahayak } = await import('../testing/serve-sahayak.js');
    const served = await serveSahayak({ WHATSAPP_APP_SECRET: SECRET });
    try {
      const valid = (wamid: string) =>
        JSON.stringify(textDelivery({ waId: '919800000003', wamid, text: 'namaste' }));
      const cases: [string, string | undefined][] = [
        [valid('wamid.parity.1'), undefined], // signed below
        [valid('wamid.parity.1'), undefined], // the same again: a duplicate
        [valid('wamid.parity.2'), 'sha256=00'],
        ['{not json', undefined],
        ['{"entry":[]}', undefined],
      ];
      const answers = async (send: (body: string, sig: string) => Promise<Response>) => {
        const out: [number, string][] = [];
        for (const [body, sig] of cases) {
          const res = await send(body, sig ?? signBody(body, SECRET));
          out.push([res.status, await res.text()]);
        }
        return out;
      };
      const post = (base: string) => (body: string, sig: string) =>
        fetch(`${base}/webhook/whatsapp`, {
          method: 'POST',
          body,
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig },
        });
      const fast = await answers(post(served.base));
      const viaHono = await answers((body, sig) =>
        Promise.resolve(
          served.sahayak.app.request('/webhook/whatsapp', {
            method: 'POST',
            body,
            headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig },
          }),
        ),
      );
      expect(fast).toEqual(viaHono);
      expect(fast.map(([status]) => status)).toEqual([200, 200, 401, 400, 400]);
    } finally {
      await served.close();
    }
  });
});
