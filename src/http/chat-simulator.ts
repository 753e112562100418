import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { and, asc, eq, gt } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open-database.js';
import { type Q, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { chatPage } from './chat-page.js';
import { createClientRateLimit } from './client-rate-limit.js';
import { newSimulatorIdentity, simulatorIdentity } from './simulator-identity.js';
import { storeOf } from './store-of.js';

const waIdSchema = z.string().regex(/^sim\d{6,15}$/, 'a simulator id: "sim" and digits');
const sendSchema = z.object({
  // optional: the id is the cookie's; one given must be that one
  waId: waIdSchema.optional(),
  name: z.string().max(100).optional(),
  message: z.discriminatedUnion('kind', [
    // WhatsApp's own limit for a text message
    z.object({ kind: z.literal('text'), text: z.string().min(1).max(4096) }),
    z.object({ kind: z.literal('button'), id: z.string().min(1).max(256), title: z.string().max(100) }),
    z.object({ kind: z.literal('list'), id: z.string().min(1).max(200), title: z.string().max(100) }),
    z.object({
      kind: z.literal('image'),
      caption: z.string().max(1024).optional(),
      mimeType: z.string().max(100).optional(),
    }),
    z.object({ kind: z.literal('audio') }),
  ]),
});

type Received = { id: number; duplicate: boolean };

export interface ChatSimulatorDeps {
  /** where the page's messages are read (either database); `db` until the wiring passes the store */
  store?: Store;
  db?: Db;
  /** the pipeline's receive: synchronous on SQLite, a Promise on PostgreSQL (create-pg-pipeline.ts) */
  receive: (m: {
    waId: string;
    name?: string;
    wamid: string;
    event: InboundEvent;
  }) => Received | Promise<Received>;
  kick: (waId: string) => void | Promise<void>;
  /** messages a minute one client address may send, whatever ids it picks */
  ratePerMinute?: number;
  now?: () => number;
}

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/**
 * /chat: a WhatsApp-like page that talks to the assistant through the same inbox, turn
 * runner and outbox as the webhook; only the last hop (Graph API) is replaced by polling.
 */
/** A simulator citizen's messages after `after`, oldest first: what the page polls for. */
export const simulatorMessages = (waId: string, after: number) =>
  function* ({ db, t }: Q) {
    const m = t.messages;
    return yield* rows(
      db
        .select({
          id: m.id,
          direction: m.direction,
          kind: m.kind,
          text: m.text,
          payload: m.payload,
          processStatus: m.processStatus,
          createdAt: m.createdAt,
        })
        .from(m)
        .where(and(eq(m.waId, waId), gt(m.id, after)))
        .orderBy(asc(m.id))
        .limit(200),
    );
  };

export function createChatSimulator({
  store: given,
  db,
  receive,
  kick,
  ratePerMinute = 60,
  now = Date.now,
}: ChatSimulatorDeps): Hono {
  const store = storeOf({ store: given, db });
  const app = new Hono();
  // the pipeline's per-citizen limit is keyed on the wa_id, which the simulator lets the
  // caller choose: this one is keyed on the caller's address
  const perClient = createClientRateLimit({ perMinute: ratePerMinute, now });
  app.get('/chat', (c) => {
    simulatorIdentity(c, { create: true });
    return c.html(chatPage());
  });
  // who this browser is: the id is bound to an HttpOnly cookie, never chosen by the caller
  app.get('/chat/api/me', (c) => c.json({ waId: simulatorIdentity(c, { create: true }) }));
  app.post('/chat/api/reset', (c) => c.json({ waId: newSimulatorIdentity(c) }));

  app.post('/chat/api/messages', async (c) => {
    if (!perClient.allow(clientIp(c))) {
      c.header('Retry-After', '60');
      return c.json({ error: 'rate_limited', message: `at most ${ratePerMinute} messages a minute` }, 429);
    }
    const json = await c.req.json().then(
      (v: unknown) => ({ ok: true as const, v }),
      () => ({ ok: false as const }),
    );
    if (!json.ok) return c.json({ error: 'invalid_json', message: 'the body is not valid JSON' }, 400);
    const body = sendSchema.safeParse(json.v);
    if (!body.success) return c.json({ error: 'invalid_message', detail: z.prettifyError(body.error) }, 400);
    const { name, message } = body.data;
    const waId = simulatorIdentity(c, { create: true }) as string;
    if (body.data.waId && body.data.waId !== waId)
      return c.json({ error: 'not_your_conversation', message: `this browser is ${waId}` }, 403);
    const event: InboundEvent =
      message.kind === 'image'
        ? {
            kind: 'image',
            mediaId: `sim-media-${randomUUID()}`,
            mimeType: message.mimeType ?? 'image/jpeg',
            caption: message.caption,
          }
        : message.kind === 'audio'
          ? { kind: 'audio', mediaId: `sim-media-${randomUUID()}`, voice: true }
          : message;
    const stored = await receive({ waId, name, wamid: `sim.${randomUUID()}`, event });
    await kick(waId);
    return c.json({ id: stored.id }, 202);
  });

  app.get('/chat/api/messages', async (c) => {
    const own = simulatorIdentity(c, { create: false });
    if (!own) return c.json({ error: 'no_simulator_session', message: 'open /chat first' }, 401);
    const asked = c.req.query('waId');
    if (asked && asked !== own) return c.json({ error: 'not_your_conversation' }, 403);
    const after = Number(c.req.query('after') ?? 0) || 0;
    const items = await store.read(simulatorMessages(own, after));
    return c.json({ items });
  });
  return app;
}
