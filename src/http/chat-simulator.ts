import { randomUUID } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import { and, asc, eq, gt } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { chatPage } from './chat-page.js';
import { createClientRateLimit } from './client-rate-limit.js';
import { newSimulatorIdentity, simulatorIdentity } from './simulator-identity.js';

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

export interface ChatSimulatorDeps {
  db: Db;
  receive: (m: { waId: string; name?: string; wamid: string; event: InboundEvent }) => {
    id: number;
    duplicate: boolean;
  };
  kick: (waId: string) => void;
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
export function createChatSimulator({
  db,
  receive,
  kick,
  ratePerMinute = 60,
  now = Date.now,
}: ChatSimulatorDeps): Hono {
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
    const body = sendSchema.safeParse(await c.req.json().catch(() => null));
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
    const stored = receive({ waId, name, wamid: `sim.${randomUUID()}`, event });
    kick(waId);
    return c.json({ id: stored.id }, 202);
  });

  app.get('/chat/api/messages', (c) => {
    const own = simulatorIdentity(c, { create: false });
    if (!own) return c.json({ error: 'no_simulator_session', message: 'open /chat first' }, 401);
    const asked = c.req.query('waId');
    if (asked && asked !== own) return c.json({ error: 'not_your_conversation' }, 403);
    const after = Number(c.req.query('after') ?? 0) || 0;
    const items = db
      .select({
        id: messages.id,
        direction: messages.direction,
        kind: messages.kind,
        text: messages.text,
        payload: messages.payload,
        processStatus: messages.processStatus,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .where(and(eq(messages.waId, own), gt(messages.id, after)))
      .orderBy(asc(messages.id))
      .limit(200)
      .all();
    return c.json({ items });
  });
  return app;
}
