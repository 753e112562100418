import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { and, count, eq, inArray, or } from 'drizzle-orm';
import pg from 'pg';
import { afterEach } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { num, type Op, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { signBody } from '../whatsapp/signature.js';
import { createSahayak } from '../wiring/create-sahayak.js';
import { createSahayakPg } from '../wiring/create-sahayak-pg.js';
import { type FakeGraphServer, startFakeGraphServer } from './fake-graph-server.js';
import { emptyAllTables, usePgTestDatabase } from './pg-test-database.js';
import type { DialectName } from './store-dialects.js';
import { buttonDelivery, envelope, textDelivery } from './whatsapp-payloads.js';

const SECRET = 'journey-app-secret';
const PAYMENT_SECRET = 'journey-payment-secret';

/** Messages not yet answered or replies not yet sent: a journey waits until there are none. */
const backlogOp: Op<number> = function* ({ db, t }) {
  const m = t.messages;
  const [r] = yield* rows(
    db
      .select({ n: count() })
      .from(m)
      .where(
        or(
          and(eq(m.direction, 'in'), eq(m.processStatus, 'pending')),
          inArray(m.sendStatus, ['queued', 'sending']),
        ),
      ),
  );
  return num(r?.n);
};

const TOKEN = 'journey-staff-token';

export interface Journey {
  base: string;
  graph: FakeGraphServer;
  /** a text message from the citizen through the signed webhook; resolves once the reply went out */
  say: (waId: string, text: string) => Promise<void>;
  tap: (waId: string, id: string, title: string) => Promise<void>;
  /** a raw webhook payload, signed; resolves once everything it caused went out */
  deliver: (payload: unknown) => Promise<void>;
  photo: (waId: string, mediaId: string) => Promise<void>;
  /** what the citizen received on WhatsApp, as text (buttons' titles appended in brackets) */
  received: (waId: string) => string[];
  /** the payment provider's signed confirmation (POST /webhook/payments) */
  confirmPayment: (
    body: Record<string, unknown>,
  ) => Promise<{ status: number; body: Record<string, unknown> }>;
  /** a JSON API read with the staff token */
  api: (path: string) => Promise<{ status: number; body: { items: Record<string, unknown>[] } }>;
  /** the service's store (either database), for what no endpoint shows */
  store: Store;
  close: () => Promise<void>;
}

/**
 * The whole service on 127.0.0.1 as `npm start` builds it, WhatsApp pointed at a fake Graph
 * API, and optionally the openai engine pointed at a fake OpenAI server: for tests that talk
 * to it only through the webhook and the JSON API.
 */
export async function startJourney(o: {
  now: Date;
  openaiUrl?: string;
  /** PostgreSQL instead of an in-memory SQLite database: its tables are emptied first */
  databaseUrl?: string;
}): Promise<Journey> {
  const graph = await startFakeGraphServer({});
  if (o.databaseUrl) {
    const client = new pg.Client({ connectionString: o.databaseUrl });
    await client.connect();
    await emptyAllTables(client).finally(() => client.end());
  }
  const config = loadConfig({
    DATABASE_PATH: ':memory:',
    ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl, DATABASE_POOL_SIZE: '4' } : {}),
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_ACCESS_TOKEN: 'graph-token',
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_API_URL: graph.url,
    WHATSAPP_SEND_RATE: '1000',
    // a journey sends one citizen more than Meta's burst in seconds: no 6 s pacing in tests
    WHATSAPP_PAIR_BURST: '45',
    WHATSAPP_PAIR_INTERVAL_MS: '1',
    STAFF_API_TOKEN: TOKEN,
    PAYMENT_WEBHOOK_SECRET: PAYMENT_SECRET,
    ...(o.openaiUrl ? { OPENAI_BASE_URL: o.openaiUrl, OPENAI_API_KEY: 'sk-test', LLM_MAX_RETRIES: '0' } : {}),
  });
  const deps = { logger: createLogger({ level: 'silent' }), now: () => o.now };
  const sahayak = o.databaseUrl ? await createSahayakPg(config, deps) : createSahayak(config, deps);
  sahayak.start();
  const server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settle = async () => {
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await sahayak.pipeline.idle();
      if ((await sahayak.store.read(backlogOp)) === 0) return;
    }
    throw new Error('the service did not settle');
  };
  let seq = 0;
  const deliver = async (payload: unknown) => {
    const body = JSON.stringify(payload);
    const res = await fetch(`${base}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
      body,
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
    await settle();
  };
  const wamid = () => `wamid.journey.${Date.now()}.${++seq}`;
  return {
    base,
    graph,
    say: (waId, text) => deliver(textDelivery({ waId, wamid: wamid(), text })),
    tap: (waId, id, title) => deliver(buttonDelivery({ waId, wamid: wamid(), id, title })),
    deliver,
    photo: (waId, mediaId) =>
      deliver(
        envelope({
          contacts: [{ profile: { name: 'Test Citizen' }, wa_id: waId }],
          messages: [
            {
              from: waId,
              id: wamid(),
              timestamp: '1763980800',
              type: 'image',
              image: { id: mediaId, mime_type: 'image/jpeg', sha256: 'x' },
            },
          ],
        }),
      ),
    received: (waId) =>
      graph
        .delivered()
        .filter((d) => d.to === waId)
        .map((d) => {
          const b = d.body as {
            type: string;
            text?: { body: string };
            interactive?: {
              body: { text: string };
              action?: {
                buttons?: { reply: { title: string } }[];
                sections?: { rows: { title: string }[] }[];
              };
            };
          };
          if (b.type === 'text') return b.text?.body ?? '';
          const i = b.interactive;
          const titles = [
            ...(i?.action?.buttons?.map((x) => x.reply.title) ?? []),
            ...(i?.action?.sections?.flatMap((s) => s.rows.map((x) => x.title)) ?? []),
          ];
          return [i?.body.text ?? '', ...titles.map((t) => `[${t}]`)].join(' ');
        }),
    confirmPayment: async (payload) => {
      const body = JSON.stringify(payload);
      const res = await fetch(`${base}/webhook/payments`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signBody(body, PAYMENT_SECRET) },
        body,
      });
      const answer = (await res.json()) as Record<string, unknown>;
      await settle();
      return { status: res.status, body: answer };
    },
    api: async (path) => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return { status: res.status, body: (await res.json()) as { items: Record<string, unknown>[] } };
    },
    store: sahayak.store,
    close: async () => {
      await new Promise((done) => server.close(done));
      await sahayak.stop();
      await graph.close();
    },
  };
}

/**
 * For a service's own test file: `journey()` starts a service closed after each test,
 * `track()` closes anything else started (a fake OpenAI server), and `cases()` reads the
 * citizen's cases of that service through `/api/cases`.
 */
export function useServiceJourneys(service: string, now: Date, dialect: DialectName = 'sqlite') {
  const database = dialect === 'postgres' ? usePgTestDatabase() : null;
  const open: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) await o.close();
  });
  return {
    journey: async (openaiUrl?: string): Promise<Journey> => {
      const j = await startJourney({
        now,
        ...(openaiUrl ? { openaiUrl } : {}),
        ...(database ? { databaseUrl: database.url() } : {}),
      });
      open.push(j);
      return j;
    },
    track: <T extends { close: () => Promise<void> }>(o: T): T => {
      open.push(o);
      return o;
    },
    cases: async (j: Journey, waId: string) =>
      (await j.api(`/api/cases?service=${service}&phone=${waId}`)).body.items,
  };
}
