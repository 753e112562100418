import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Db } from '../db/open-database.js';
import { baseMime, MEDIA_LIMITS, type MediaKind, mediaProblem } from '../media/media-limits.js';
import type { MediaStore } from '../media/media-store.js';
import { exec, type Op } from '../storage/operation.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import type { ChatSimulatorDeps } from './chat-simulator.js';
import { simulatorIdentity } from './simulator-identity.js';

const fieldsSchema = z.object({
  // optional, as for messages: the id is the browser's cookie; one given must be that one
  waId: z
    .string()
    .regex(/^sim\d{6,15}$/, 'a simulator id: "sim" and digits')
    .optional(),
  caption: z.string().max(1024).optional(),
});

const kindOf = (mime: string): MediaKind | null => {
  for (const kind of ['image', 'document', 'audio'] as const)
    if (MEDIA_LIMITS[kind].mimeTypes.includes(mime)) return kind;
  return null;
};

/** The simulator's file is stored as it arrives: the row the inbox made for it says so. */
const markStored = (mediaId: string, sha: string, size: number, at: number): Op<number> =>
  function* ({ db, t }) {
    return yield* exec(
      db
        .update(t.mediaFiles)
        .set({ status: 'stored', sha256: sha, sizeBytes: size, storedAt: at, nextAttemptAt: null })
        .where(eq(t.mediaFiles.mediaId, mediaId)),
    );
  };

/**
 * `POST /chat/api/upload` (multipart: file, caption; the citizen is the browser's simulator cookie): the simulator's photo, document
 * or voice note. The bytes are checked against WhatsApp's limits and stored exactly as the
 * fetch job would store Meta's download, then the message goes through the same inbox and
 * turn as a webhook delivery, so staff see the very photo that was sent.
 */
export function createChatUpload(
  o: Pick<ChatSimulatorDeps, 'receive' | 'kick'> &
    // `{ store, mediaStore }` on either database; `{ db, store: MediaStore }` until the wiring passes the store
    ({ store: Store; mediaStore: MediaStore } | { db: Db; store: MediaStore }),
) {
  const { receive, kick } = o;
  const [data, media] = 'mediaStore' in o ? [o.store, o.mediaStore] : [sqliteStore(o.db), o.store];
  const app = new Hono();
  app.post('/chat/api/upload', async (c) => {
    const own = simulatorIdentity(c, { create: false });
    if (!own) return c.json({ error: 'no_simulator_session', message: 'open /chat first' }, 401);
    const body = await c.req.parseBody().catch(() => null);
    if (!body) return c.json({ error: 'invalid_upload', detail: 'send multipart/form-data' }, 400);
    const fields = fieldsSchema.safeParse({
      waId: typeof body.waId === 'string' && body.waId ? body.waId : undefined,
      caption: typeof body.caption === 'string' && body.caption.trim() ? body.caption.trim() : undefined,
    });
    const file = body.file;
    if (!fields.success)
      return c.json({ error: 'invalid_upload', detail: z.prettifyError(fields.error) }, 400);
    if (fields.data.waId && fields.data.waId !== own)
      return c.json({ error: 'not_your_conversation', message: `this browser is ${own}` }, 403);
    if (!(file instanceof File)) return c.json({ error: 'invalid_upload', detail: 'file is missing' }, 400);
    const mime = baseMime(file.type || 'application/octet-stream');
    const kind = kindOf(mime);
    if (!kind)
      return c.json({ error: 'unsupported_media', detail: `${mime} is not a type WhatsApp sends` }, 415);
    if (file.size > MEDIA_LIMITS[kind].maxBytes) return c.json({ error: 'payload_too_large' }, 413);
    const bytes = new Uint8Array(await file.arrayBuffer());
    const problem = mediaProblem(kind, mime, bytes);
    if (problem) return c.json({ error: 'invalid_media', detail: problem }, 422);

    // awaited: a MediaStore may keep the bytes in the database and answer later
    const sha = await media.put(bytes);
    const waId = own;
    const { caption } = fields.data;
    const mediaId = `sim-media-${randomUUID()}`;
    const fileName = file.name ? file.name.slice(0, 240) : undefined;
    const event: InboundEvent =
      kind === 'audio'
        ? { kind, mediaId, voice: true, mimeType: mime, sha256: sha }
        : kind === 'document'
          ? {
              kind,
              mediaId,
              mimeType: mime,
              sha256: sha,
              ...(fileName && { fileName }),
              ...(caption && { caption }),
            }
          : { kind, mediaId, mimeType: mime, sha256: sha, ...(caption && { caption }) };
    const stored = await receive({ waId, wamid: `sim.${randomUUID()}`, event });
    // the bytes are here already: nothing for the fetch job to download
    await data.transaction(markStored(mediaId, sha, bytes.byteLength, Date.now()));
    await kick(waId);
    return c.json({ id: stored.id, sha256: sha }, 202);
  });
  return app;
}
