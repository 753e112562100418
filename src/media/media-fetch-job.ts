import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';
import { type GraphMedia, MediaFetchError } from './graph-media.js';
import { baseMime, MEDIA_LIMITS, type MediaKind, mediaProblem } from './media-limits.js';
import { type MediaStore, sameDigest, sha256Hex } from './media-store.js';

type Logger = { info: (o: unknown, m?: string) => void; warn: (o: unknown, m?: string) => void };

export interface MediaFetcherOptions {
  db: Db;
  graph: GraphMedia;
  store: MediaStore;
  now: () => number;
  logger: Logger;
  /** tries before a file is marked failed (default 12: with the backoff, about a day, far inside Meta's 7 days) */
  maxAttempts?: number;
  /** first retry delay, doubling each try up to maxDelayMs (default 15 s, 2 h) */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pollMs?: number;
  /** after a file is stored (e.g. transcribe a voice note) */
  onStored?: (row: StoredMedia) => void | Promise<void>;
}

export interface StoredMedia {
  id: number;
  waId: string;
  messageId: number | null;
  kind: MediaKind;
  mimeType: string;
  sha256: string;
}

type Due = {
  id: number;
  waId: string;
  messageId: number | null;
  mediaId: string;
  kind: MediaKind;
  expectedSha256: string | null;
  attempts: number;
};

function statements(c: Database.Database) {
  return {
    due: c.prepare<[number, number], Due>(
      `select id, wa_id as waId, message_id as messageId, media_id as mediaId, kind,
         expected_sha256 as expectedSha256, attempts
       from media_files where status = 'pending' and next_attempt_at <= ? order by next_attempt_at, id limit ?`,
    ),
    stored: c.prepare(
      `update media_files set status = 'stored', sha256 = ?, size_bytes = ?, mime_type = ?, attempts = ?,
         stored_at = ?, next_attempt_at = null, last_error = null where id = ? and status = 'pending'`,
    ),
    retry: c.prepare(
      `update media_files set attempts = ?, next_attempt_at = ?, last_error = ? where id = ? and status = 'pending'`,
    ),
    failed: c.prepare(
      `update media_files set status = 'failed', attempts = ?, next_attempt_at = null, last_error = ?
       where id = ? and status = 'pending'`,
    ),
    byMessage: c.prepare<[number], Due>(
      `select id, wa_id as waId, message_id as messageId, media_id as mediaId, kind,
         expected_sha256 as expectedSha256, attempts
       from media_files where message_id = ? and status = 'pending'`,
    ),
    nextDue: c.prepare(`select min(next_attempt_at) as at from media_files where status = 'pending'`),
  };
}

/**
 * The durable media job: every pending row of media_files is looked up on Graph, downloaded
 * with the access token within the URL's 5 minutes, checked (sha256 against Graph and the
 * webhook, size and mime type against WhatsApp's limits, magic bytes) and stored
 * content-addressed. The queue is the table, so a restart loses nothing; failures retry
 * with exponential backoff, each try starting from a fresh lookup (an expired URL is just
 * a failed try). Oversize or disallowed files fail at once: retrying cannot fix them.
 */
export function createMediaFetcher(o: MediaFetcherOptions) {
  const q = statements(o.db.$client);
  const maxAttempts = o.maxAttempts ?? 12;
  const baseDelayMs = o.baseDelayMs ?? 15_000;
  const maxDelayMs = o.maxDelayMs ?? 2 * 60 * 60_000;
  const pollMs = o.pollMs ?? 5_000;
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let active: Promise<number> | null = null;

  async function fetchOne(row: Due): Promise<void> {
    const attempts = row.attempts + 1;
    try {
      const meta = await o.graph.lookup(row.mediaId);
      const limits = MEDIA_LIMITS[row.kind];
      if (!limits.mimeTypes.includes(baseMime(meta.mimeType)))
        throw new MediaFetchError(
          `mime type ${baseMime(meta.mimeType)} is not allowed for ${row.kind}`,
          true,
        );
      if (meta.fileSize !== undefined && meta.fileSize > limits.maxBytes)
        throw new MediaFetchError(`${meta.fileSize} bytes is over the limit for ${row.kind}`, true);
      const bytes = await o.graph.download(meta.url, limits.maxBytes);
      const hex = sha256Hex(bytes);
      // a mismatch is a damaged download (or a swapped file): try again from a fresh lookup
      if (meta.sha256 && !sameDigest(hex, meta.sha256))
        throw new MediaFetchError('sha256 of the download does not match Graph', false);
      if (row.expectedSha256 && !sameDigest(hex, row.expectedSha256))
        throw new MediaFetchError('sha256 of the download does not match the webhook', false);
      const problem = mediaProblem(row.kind, meta.mimeType, bytes);
      if (problem) throw new MediaFetchError(problem, true);
      const sha = o.store.put(bytes);
      q.stored.run(sha, bytes.byteLength, meta.mimeType, attempts, o.now(), row.id);
      o.logger.info({ mediaRow: row.id, kind: row.kind, bytes: bytes.byteLength }, 'media stored');
      await o.onStored?.({
        id: row.id,
        waId: row.waId,
        messageId: row.messageId,
        kind: row.kind,
        mimeType: meta.mimeType,
        sha256: sha,
      });
    } catch (err) {
      const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const permanent = err instanceof MediaFetchError && err.permanent;
      if (permanent || attempts >= maxAttempts) {
        q.failed.run(attempts, message, row.id);
        o.logger.warn({ mediaRow: row.id, attempts, error: message }, 'media fetch failed for good');
      } else {
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
        q.retry.run(attempts, o.now() + delay, message, row.id);
        o.logger.warn({ mediaRow: row.id, attempts, delay, error: message }, 'media fetch failed, retrying');
      }
    }
  }

  async function runOnce(limit = 8): Promise<number> {
    const rows = q.due.all(o.now(), limit);
    for (const row of rows) await fetchOne(row);
    return rows.length;
  }

  function schedule(delay: number) {
    if (!running) return;
    clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, delay));
    timer.unref();
  }

  function tick() {
    if (!running || active) return;
    active = runOnce().finally(() => {
      active = null;
    });
    void active.then(
      (n) => {
        const next = (q.nextDue.get() as { at: number | null }).at;
        schedule(n > 0 ? 0 : next === null ? pollMs : Math.min(pollMs, next - o.now()));
      },
      () => schedule(pollMs),
    );
  }

  return {
    runOnce,
    /** fetches one message's media now, whatever its backoff (a voice note its turn is waiting for) */
    async fetchForMessage(messageId: number): Promise<void> {
      const row = q.byMessage.get(messageId);
      if (row) await fetchOne(row);
    },
    start() {
      running = true;
      schedule(0);
    },
    kick() {
      schedule(0);
    },
    async stop() {
      running = false;
      clearTimeout(timer);
      await active?.catch(() => {});
    },
  };
}
export type MediaFetcher = ReturnType<typeof createMediaFetcher>;
