import type { Db } from '../db/open-database.js';
import { audit } from '../staff/audit.js';
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

/**
 * One stored media file for staff (the console's session or the API's bearer token has
 * already been checked): the bytes with safe headers, and an audit row per view.
 */
export async function mediaResponse(
  db: Db,
  store: MediaStore,
  o: { id: number; userId: number | null; via: 'console' | 'api'; now: number },
): Promise<Response> {
  const row = db.$client
    .prepare(
      "select id, wa_id as waId, sha256, mime_type as mimeType, file_name as fileName, kind from media_files where id = ? and status = 'stored'",
    )
    .get(o.id) as
    | { id: number; waId: string; sha256: string; mimeType: string; fileName: string | null; kind: string }
    | undefined;
  const bytes = row ? await store.read(row.sha256) : null;
  if (!row || !bytes) {
    return Response.json({ error: 'not_found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  audit(db, {
    userId: o.userId,
    action: 'media.view',
    targetType: 'media',
    targetId: row.id,
    detail: { kind: row.kind, via: o.via },
    now: o.now,
  });
  const mime = baseMime(row.mimeType);
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
