import { and, eq } from 'drizzle-orm';
import { auditOp } from '../staff/audit.js';
import { first, type Op } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { baseMime } from './media-limits.js';
import type { MediaStore } from './media-store.js';

// Images and audio play inline; anything else (PDF, Office files) is a download, so a
// citizen's file never runs as a page on our origin.
const INLINE = new Set([
  'image/jpeg',
  'image/png',
  'audio/ogg',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
]);

/** A media file whose bytes are stored, or undefined. */
const storedMedia = (id: number) =>
  function* ({ db, t }: Parameters<Op<unknown>>[0]) {
    const m = t.mediaFiles;
    return yield* first(
      db
        .select({
          id: m.id,
          waId: m.waId,
          sha256: m.sha256,
          mimeType: m.mimeType,
          fileName: m.fileName,
          kind: m.kind,
        })
        .from(m)
        .where(and(eq(m.id, id), eq(m.status, 'stored'))),
    );
  };

/** The id of the media file a message carries, or undefined. */
export const mediaIdOfMessage = (messageId: number): Op<number | undefined> =>
  function* ({ db, t }) {
    const row = yield* first(
      db.select({ id: t.mediaFiles.id }).from(t.mediaFiles).where(eq(t.mediaFiles.messageId, messageId)),
    );
    return row?.id;
  };

/**
 * One stored media file for staff (the console's session or the API's bearer token has
 * already been checked): the bytes with safe headers, and an audit row per view.
 */
export async function mediaResponse(
  store: Store,
  media: MediaStore,
  o: { id: number; userId: number | null; via: 'console' | 'api'; now: number },
): Promise<Response> {
  const row = await store.read(storedMedia(o.id));
  // awaited: a MediaStore may keep the bytes in the database (PostgreSQL) and answer later
  const bytes = row?.sha256 ? await media.read(row.sha256) : null;
  if (!row?.sha256 || !bytes) {
    return Response.json({ error: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  await store.read(
    auditOp({
      userId: o.userId,
      action: 'media.view',
      targetType: 'media',
      targetId: row.id,
      detail: { kind: row.kind, via: o.via },
      now: o.now,
    }),
  );
  const mime = baseMime(row.mimeType ?? 'application/octet-stream');
  const name = (row.fileName ?? `${row.kind}-${row.id}`).replace(/[^\w.-]+/g, '_').slice(0, 100);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'Content-Type': mime,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': `${INLINE.has(mime) ? 'inline' : 'attachment'}; filename="${name}"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Referrer-Policy': 'no-referrer',
    },
  });
}
