import fc from 'fast-check';
import type { Hono } from 'hono';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open-database.js';
import { createWhatsAppWebhook, MAX_WEBHOOK_BYTES } from '../http/webhook-whatsapp.js';
import { textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { mutate, serialize } from './mutate-json.js';

const SECRET = 'fuzz-app-secret';
const ALLOWED = new Set([200, 400, 401, 413]);
const silent = { debug() {}, info() {}, warn() {}, error() {} };

let db: Db;
let app: Hono;
let accepted: string[];

beforeEach(() => {
  db = openDatabase({ path: ':memory:' });
  accepted = [];
  app = createWhatsAppWebhook({
    db,
    config: { appSecret: SECRET },
    logger: silent,
    now: () => 1_763_980_800_000,
    onAccepted: (waIds) => accepted.push(...waIds),
  });
});

async function post(
  body: string | Uint8Array,
  { sign = true, header }: { sign?: boolean; header?: string } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sign) headers['x-hub-signature-256'] = signBody(body, SECRET);
  if (header !== undefined) headers['x-hub-signature-256'] = header;
  const res = await app.request('/webhook/whatsapp', { method: 'POST', body: body as BodyInit, headers });
  await res.arrayBuffer();
  return res.status;
}

const valid = () => textDelivery({ waId: '919812345678', wamid: 'wamid.FUZZBASE', text: 'namaste' });

describe('webhook under random and mutated payloads', () => {
  it('answers arbitrary signed JSON with 200 or 400, never 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (value) => {
        const status = await post(JSON.stringify(value));
        expect([200, 400]).toContain(status);
      }),
      { numRuns: 150 },
    );
  });

  it('answers mutations of a valid delivery (wrong types, missing fields, huge strings) with 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'replace', 'huge', 'deep')), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.jsonValue({ maxDepth: 3 }),
        async (ops, replacement) => {
          let doc: unknown = valid();
          for (const [at, op] of ops) doc = mutate(doc, at, op, replacement);
          const status = await post(serialize(doc));
          expect([200, 400]).toContain(status);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('answers random bytes (invalid UTF-8 too) with 400 when signed and 401 when not', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), async (bytes, sign) => {
        const status = await post(bytes, { sign });
        expect(status).toBe(sign ? (isJsonEnvelope(bytes) ? 200 : 400) : 401);
      }),
      { numRuns: 150 },
    );
  });

  it('answers 400 to a valid delivery whose text holds invalid UTF-8 bytes', async () => {
    const [head, tail] = JSON.stringify(valid()).split('namaste');
    for (const bad of [[0xc3, 0x28], [0xed, 0xa0, 0x80], [0xff], [0xe0, 0x80, 0xaf]]) {
      const bytes = Buffer.concat([Buffer.from(head), Buffer.from(bad), Buffer.from(tail)]);
      expect(await post(new Uint8Array(bytes))).toBe(400);
    }
    expect(db.$client.prepare('select count(*) as n from messages').get()).toEqual({ n: 0 });
  });

  it('rejects forged, truncated and malformed signatures with 401 and stores nothing', async () => {
    const body = JSON.stringify(valid());
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 200 }), async (header) => {
        expect(await post(body, { sign: false, header })).toBe(401);
      }),
      { numRuns: 100 },
    );
    expect(await post(body, { sign: false, header: signBody(`${body} `, SECRET) })).toBe(401);
    expect(db.$client.prepare('select count(*) as n from messages').get()).toEqual({ n: 0 });
  });

  it('survives deep nesting in every position', async () => {
    for (const depth of [100, 10_000, 200_000]) {
      const deepArray = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      const deepObject = `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
      const inText = JSON.stringify(valid()).replace('"namaste"', deepObject);
      for (const body of [deepArray, deepObject, inText]) expect(ALLOWED).toContain(await post(body));
    }
  });

  it('refuses bodies over 3 MB with 413, with and without a declared length', async () => {
    const big = JSON.stringify(
      textDelivery({ waId: '919812345678', wamid: 'wamid.BIG', text: 'x'.repeat(MAX_WEBHOOK_BYTES) }),
    );
    expect(await post(big)).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const chunk = new Uint8Array(256 * 1024).fill(0x61);
        for (let i = 0; i < 14; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await app.request('/webhook/whatsapp', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': 'sha256=00' },
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(db.$client.prepare('select count(*) as n from messages').get()).toEqual({ n: 0 });
  });

  it('accepts a delivery of just under 3 MB and stores its text whole', async () => {
    const envelopeBytes = JSON.stringify(
      textDelivery({ waId: '919812345678', wamid: 'wamid.NEAR', text: '' }),
    ).length;
    const text = 'अ'.repeat(Math.floor((MAX_WEBHOOK_BYTES - envelopeBytes - 16) / 3));
    const body = JSON.stringify(textDelivery({ waId: '919812345678', wamid: 'wamid.NEAR', text }));
    expect(await post(body)).toBe(200);
    expect(db.$client.prepare('select text from messages where wamid = ?').get('wamid.NEAR')).toEqual({
      text,
    });
  });
});

function isJsonEnvelope(bytes: Uint8Array): boolean {
  try {
    const v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof v?.object === 'string' && Array.isArray(v.entry);
  } catch {
    return false;
  }
}
