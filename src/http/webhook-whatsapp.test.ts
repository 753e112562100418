import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import fc from 'fast-check';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import { textDelivery, whatsappFixtureNames, whatsappFixtureText } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { createWhatsAppWebhook, MAX_WEBHOOK_BYTES } from './webhook-whatsapp.js';

const SECRET = 'test-app-secret';
const NOW = 1_764_000_000_000;

function setup({ withSecret = true } = {}) {
  const db = openDatabase({ path: ':memory:' });
  const accepted: string[][] = [];
  const app = createWhatsAppWebhook({
    db,
    config: { verifyToken: 'verify-me', appSecret: withSecret ? SECRET : undefined },
    onAccepted: (waIds) => accepted.push(waIds),
    logger: pino({ level: 'silent' }),
    now: () => NOW,
  });
  const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
    app.request('/webhook/whatsapp', {
      method: 'POST',
      body: typeof body === 'string' ? body : new Uint8Array(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  const signed = (body: string | Uint8Array) => post(body, { 'x-hub-signature-256': signBody(body, SECRET) });
  return { db, app, accepted, post, signed };
}

const rowCount = (db: Db) => db.select({ id: messages.id }).from(messages).all().length;
const afterResponse = () => new Promise((r) => setImmediate(r));

describe('GET /webhook/whatsapp', () => {
  it('echoes the challenge when the token matches', async () => {
    const { app } = setup();
    const res = await app.request(
      '/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444',
    );
    expect([res.status, res.headers.get('content-type'), await res.text()]).toEqual([
      200,
      'text/plain; charset=UTF-8',
      '1158201444',
    ]);
  });

  it.each([
    'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
    'hub.mode=unsubscribe&hub.verify_token=verify-me&hub.challenge=1',
    'hub.challenge=1',
  ])('refuses %s', async (query) => {
    const { app } = setup();
    const res = await app.request(`/webhook/whatsapp?${query}`);
    // JSON like every other error of the server (it was a text/plain "forbidden")
    expect([res.status, await res.json()]).toEqual([403, { error: 'forbidden' }]);
  });

  it.each([
    ['no challenge', 'hub.mode=subscribe&hub.verify_token=verify-me'],
    ['an empty one', 'hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge='],
    ['markup', 'hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=%3Cscript%3E'],
  ])(
    'the right token with %s: 400 JSON, nothing echoed (it was 200 and an empty body)',
    async (_what, query) => {
      const { app } = setup();
      const res = await app.request(`/webhook/whatsapp?${query}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ error: 'invalid_challenge' });
    },
  );

  it('refuses every handshake when no verify token is configured', async () => {
    const db = openDatabase({ path: ':memory:' });
    const app = createWhatsAppWebhook({
      db,
      config: {},
      onAccepted: () => {},
      logger: pino({ level: 'silent' }),
      now: () => NOW,
    });
    expect(
      (await app.request('/webhook/whatsapp?hub.mode=subscribe&hub.verify_token=&hub.challenge=1')).status,
    ).toBe(403);
  });
});

describe('POST /webhook/whatsapp', () => {
  it.each(whatsappFixtureNames())('accepts the %s fixture, signed', async (name) => {
    const { db, signed } = setup();
    const res = await signed(whatsappFixtureText(name));
    expect([res.status, await res.json()]).toEqual([200, { ok: true }]);
    expect(rowCount(db)).toBe(name.startsWith('status-') ? 0 : 1);
  });

  it('stores before answering and reports the sender after the response', async () => {
    const { db, signed, accepted } = setup();
    const res = await signed(whatsappFixtureText('text-message'));
    expect(res.status).toBe(200);
    expect(rowCount(db)).toBe(1);
    await afterResponse();
    expect(accepted).toEqual([['919812345678']]);
  });

  it('the same payload posted twice is one row, and processing is triggered once', async () => {
    const { db, signed, accepted } = setup();
    const body = whatsappFixtureText('text-message');
    expect((await signed(body)).status).toBe(200);
    expect((await signed(body)).status).toBe(200);
    await afterResponse();
    expect(rowCount(db)).toBe(1);
    expect(accepted).toEqual([['919812345678']]);
  });

  it('a bad signature is 401 and stores nothing', async () => {
    const { db, post, accepted } = setup();
    const body = whatsappFixtureText('text-message');
    const res = await post(body, { 'x-hub-signature-256': signBody(body, 'not-the-secret') });
    expect([res.status, await res.json()]).toEqual([401, { ok: false, error: 'invalid signature' }]);
    await afterResponse();
    expect([rowCount(db), accepted]).toEqual([0, []]);
  });

  it('a signature of other bytes (re-serialised JSON) is 401', async () => {
    const { db, post } = setup();
    const body = whatsappFixtureText('text-message');
    const res = await post(body, {
      'x-hub-signature-256': signBody(JSON.stringify(JSON.parse(body)), SECRET),
    });
    expect([res.status, rowCount(db)]).toEqual([401, 0]);
  });

  it('a missing signature with the secret set is 401', async () => {
    const { db, post } = setup();
    expect([(await post(whatsappFixtureText('text-message'))).status, rowCount(db)]).toEqual([401, 0]);
  });

  it('without an app secret, unsigned deliveries are accepted (development)', async () => {
    const { db, post } = setup({ withSecret: false });
    expect([(await post(whatsappFixtureText('text-message'))).status, rowCount(db)]).toEqual([200, 1]);
  });

  it('malformed JSON is 400 with a JSON error', async () => {
    const { signed } = setup();
    const res = await signed('{"object": "whatsapp_business_account", "entry": [');
    expect([res.status, await res.json()]).toEqual([400, { ok: false, error: 'malformed JSON' }]);
  });

  it('invalid UTF-8 is 400', async () => {
    const { signed } = setup();
    const body = Buffer.concat([
      Buffer.from('{"object":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('","entry":[]}'),
    ]);
    expect((await signed(body)).status).toBe(400);
  });

  it.each([['[]'], ['"text"'], ['null'], ['{"entry": []}'], ['{"object": "x", "entry": {}}']])(
    'JSON that is not a webhook envelope (%s) is 400',
    async (body) => {
      const { signed } = setup();
      expect((await signed(body)).status).toBe(400);
    },
  );

  it('a valid envelope with nothing for us is 200 and stores nothing', async () => {
    const { db, signed } = setup();
    const body = JSON.stringify({
      object: 'page',
      entry: [{ id: '1', changes: [{ field: 'feed', value: {} }] }],
    });
    expect([(await signed(body)).status, rowCount(db)]).toEqual([200, 0]);
  });

  it('over 3 MB is 413, by Content-Length', async () => {
    const { db, signed } = setup();
    const text = 'a'.repeat(MAX_WEBHOOK_BYTES);
    const body = JSON.stringify(textDelivery({ waId: '919800000001', wamid: 'wamid.big', text }));
    const res = await signed(body);
    expect([res.status, await res.json(), rowCount(db)]).toEqual([
      413,
      { ok: false, error: 'payload too large' },
      0,
    ]);
  });

  it('a declared Content-Length over 3 MB is 413 before anything is read', async () => {
    const { db, post } = setup();
    const res = await post(whatsappFixtureText('text-message'), {
      'content-length': String(MAX_WEBHOOK_BYTES + 1),
    });
    expect([res.status, rowCount(db)]).toEqual([413, 0]);
  });

  it('over 3 MB is 413 when streamed without Content-Length', async () => {
    const { app, db } = setup();
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_WEBHOOK_BYTES + chunk.length) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const res = await app.request('/webhook/whatsapp', {
      method: 'POST',
      body: stream,
      // @ts-expect-error: undici needs this for a streamed request body
      duplex: 'half',
    });
    expect([res.status, rowCount(db)]).toEqual([413, 0]);
  });

  it('a lone surrogate escape in the text is stored, not a 500', async () => {
    const { db, signed } = setup();
    const body = JSON.stringify(textDelivery({ waId: '919800000001', wamid: 'wamid.s', text: 'x' })).replace(
      '"body":"x"',
      '"body":"a\\ud800b"',
    );
    expect([(await signed(body)).status, rowCount(db)]).toEqual([200, 1]);
  });

  it('a large text just under the limit is stored literally', async () => {
    const { db, signed } = setup();
    const text = 'ज'.repeat(300_000);
    const res = await signed(
      JSON.stringify(textDelivery({ waId: '919800000001', wamid: 'wamid.long', text })),
    );
    expect(res.status).toBe(200);
    expect(db.select({ text: messages.text }).from(messages).get()).toEqual({ text });
  });
});

describe('POST /webhook/whatsapp over real HTTP', () => {
  it('stores a signed delivery and refuses an oversized one', async () => {
    const { app, db } = setup();
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const url = `http://127.0.0.1:${port}/webhook/whatsapp`;
      const body = whatsappFixtureText('image-message');
      const ok = await fetch(url, {
        method: 'POST',
        body,
        headers: { 'x-hub-signature-256': signBody(body, SECRET) },
      });
      const big = 'x'.repeat(MAX_WEBHOOK_BYTES + 10);
      const tooBig = await fetch(url, {
        method: 'POST',
        body: big,
        headers: { 'x-hub-signature-256': signBody(big, SECRET) },
      });
      expect([ok.status, await ok.json(), tooBig.status, rowCount(db)]).toEqual([200, { ok: true }, 413, 1]);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('POST /webhook/whatsapp with hostile input (fast-check)', () => {
  const allowed = new Set([200, 400, 401, 413]);
  const base = JSON.parse(whatsappFixtureText('text-message'));

  // replaces the value at a random path inside the fixture with an arbitrary JSON value
  const mutated = fc
    .tuple(fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), fc.jsonValue({ maxDepth: 4 }))
    .map(([picks, replacement]) => {
      const copy = structuredClone(base);
      let node: Record<string, unknown> = copy;
      for (let i = 0; i < picks.length; i++) {
        const keys = Object.keys(node);
        if (keys.length === 0) break;
        const key = keys[picks[i] % keys.length];
        const child = node[key];
        if (i === picks.length - 1 || child === null || typeof child !== 'object') {
          node[key] = replacement;
          break;
        }
        node = child as Record<string, unknown>;
      }
      return JSON.stringify(copy);
    });

  const deep = fc.integer({ min: 1000, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);
  const deepObject = fc
    .integer({ min: 1000, max: 5000 })
    .map(
      (n) =>
        `{"object":"whatsapp_business_account","entry":[{"changes":[{"value":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}]}]}`,
    );

  it('answers only 200/400/401/413 and never throws', async () => {
    const { signed, post } = setup();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutated,
          fc.jsonValue().map((v) => JSON.stringify(v)),
          fc.string(),
          deep,
          deepObject,
        ),
        fc.boolean(),
        async (body, sign) => {
          const res = await (sign ? signed(body) : post(body));
          expect(allowed.has(res.status)).toBe(true);
          if (!sign) expect(res.status).toBe(401);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('random bytes, signed, are 400 or 200, never a 500', async () => {
    const { signed } = setup();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        expect([200, 400]).toContain((await signed(bytes)).status);
      }),
      { numRuns: 100 },
    );
  });
});
