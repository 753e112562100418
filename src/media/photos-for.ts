import type { Statement } from 'better-sqlite3';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { type Op, rows } from '../storage/operation.js';

export interface Photo {
  sha256: string;
  mimeType: string;
  caption: string | null;
  /** behind the staff API's bearer token (JSON API) */
  url: string;
}

export interface StoredFile {
  id: number;
  mediaId: string;
  kind: 'image' | 'document' | 'audio';
  sha256: string;
  mimeType: string;
  caption: string | null;
  fileName: string | null;
  transcript: string | null;
}

/**
 * The stored photos and documents attached to a case (attachments.case_id), for
 * the JSON API: `[{ sha256, mimeType, caption, url }]`. The wa_id is checked as well, so a
 * complaint never lists another citizen's files. Files still being fetched are left out
 * until they are stored.
 */
export function photosFor(db: Db, o: { waId: string; caseId: number }, base = '/api/media'): Photo[] {
  return filesForCase(db, o).map((f) => ({
    sha256: f.sha256,
    mimeType: f.mimeType,
    caption: f.caption,
    url: `${base}/${f.id}`,
  }));
}

// one prepared statement per connection: the API calls this for every complaint row it lists
const caseFiles = new WeakMap<object, Statement<[number, string], StoredFile>>();

export function filesForCase(db: Db, o: { waId: string; caseId: number }): StoredFile[] {
  let stmt = caseFiles.get(db.$client);
  if (!stmt) {
    stmt = db.$client.prepare<[number, string], StoredFile>(
      `select m.id, m.media_id as mediaId, m.kind, m.sha256, m.mime_type as mimeType, coalesce(a.caption, m.caption) as caption,
         m.file_name as fileName, m.transcript
       from attachments a join media_files m on m.message_id = a.message_id and m.media_id = a.media_id
       where a.case_id = ? and m.wa_id = ? and m.status = 'stored'
       order by a.id`,
    );
    caseFiles.set(db.$client, stmt);
  }
  return stmt.all(o.caseId, o.waId);
}

/** The stored media of some messages (a transcript page), by message id. */
export function filesForMessages(db: Db, messageIds: number[]): Map<number, StoredFile & { status: string }> {
  const out = new Map<number, StoredFile & { status: string }>();
  if (messageIds.length === 0) return out;
  const rows = db.$client
    .prepare(
      `select id, media_id as mediaId, message_id as messageId, kind, sha256, mime_type as mimeType, caption, file_name as fileName,
         transcript, status from media_files where message_id in (${messageIds.map(() => '?').join(',')})`,
    )
    .all(...messageIds) as (StoredFile & { messageId: number; status: string })[];
  for (const r of rows) out.set(r.messageId, r);
  return out;
}

/** filesForCase as a store operation (either database): the JSON API's complaint photos. */
export const storedCaseFiles = (o: { waId: string; caseId: number }): Op<StoredFile[]> =>
  function* ({ db, t }) {
    const a = t.attachments;
    const m = t.mediaFiles;
    const found = yield* rows(
      db
        .select({
          id: m.id,
          mediaId: m.mediaId,
          kind: m.kind,
          sha256: m.sha256,
          mimeType: m.mimeType,
          caption: sql<string | null>`coalesce(${a.caption}, ${m.caption})`,
          fileName: m.fileName,
          transcript: m.transcript,
        })
        .from(a)
        .innerJoin(m, and(eq(m.messageId, a.messageId), eq(m.mediaId, a.mediaId)))
        .where(and(eq(a.caseId, o.caseId), eq(m.waId, o.waId), eq(m.status, 'stored')))
        .orderBy(asc(a.id)),
    );
    // status 'stored' means the bytes, their hash and type are there
    return found.map((r) => ({
      ...r,
      sha256: r.sha256 ?? '',
      mimeType: r.mimeType ?? 'application/octet-stream',
    }));
  };

/** photosFor as a store operation. */
export const casePhotos = (o: { waId: string; caseId: number }, base = '/api/media'): Op<Photo[]> =>
  function* (q) {
    const files = yield* storedCaseFiles(o)(q);
    return files.map((f) => ({
      sha256: f.sha256,
      mimeType: f.mimeType,
      caption: f.caption,
      url: `${base}/${f.id}`,
    }));
  };
