import { and, asc, eq, sql } from 'drizzle-orm';
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
 * The stored photos and documents attached to a case (attachments.case_id), on either database.
 * The wa_id is checked as well, so a complaint never lists another citizen's files; files still
 * being fetched are left out until they are stored.
 */
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

/** A case's stored files for the JSON API: `[{ sha256, mimeType, caption, url }]`. */
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
