import { and, asc, eq, inArray, lte, min } from 'drizzle-orm';
import { exec, first, type Op, type Q, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { type GraphMedia, MediaFetchError } from './graph-media.js';
import { baseMime, MEDIA_LIMITS, type MediaKind, mediaProblem } from './media-limits.js';
import { type MediaStore, sameDigest, sha256Hex } from './media-store.js';

type Logger = { info: (o: unknown, m?: string) => void; warn: (o: unknown, m?: string) => void };

export interface MediaFetcherOptions {
  store: Store;
  graph: GraphMedia;
  /** where the bytes go (files on SQLite, media_blobs on PostgreSQL) */
  media: MediaStore;
  now: () => number;
  logger: Logger;
  /** tries before a file is marked failed (default 12: with the backoff, about a day, far inside Meta's 7 days) */
  maxAttempts?: number;
  /** first retry delay, doubling each try up to maxDelayMs (default 15 s, 2 h) */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pollMs?: number;
  /** how long a claimed file is left to the instance fetching it (default 2 min: a lookup and a 100 MB download) */
  claimMs?: number;
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

const dueColumns = (f: Q['t']['mediaFiles']) => ({
  id: f.id,
  waId: f.waId,
  messageId: f.messageId,
  mediaId: f.mediaId,
  kind: f.kind,
  expectedSha256: f.expectedSha256,
  attempts: f.attempts,
});

/**
 * Takes up to `limit` due rows (or one message's, whatever their backoff) and moves their next
 * attempt `leaseMs` ahead in the same transaction: another instance polling meanwhile does not
 * fetch them too, and if this one dies they are due again when the lease ends. On PostgreSQL
 * the rows are locked and rows another claim holds are skipped; SQLite has one writer.
 */
const claimOp = (o: { now: number; limit: number; leaseMs: number; messageId?: number }): Op<Due[]> =>
  function* ({ db, t, d }) {
    const f = t.mediaFiles;
    const where =
      o.messageId === undefined
        ? and(eq(f.status, 'pending'), lte(f.nextAttemptAt, o.now))
        : and(eq(f.status, 'pending'), eq(f.messageId, o.messageId));
    const select = db
      .select(dueColumns(f))
      .from(f)
      .where(where)
      .orderBy(asc(f.nextAttemptAt), asc(f.id))
      .limit(o.limit);
    const due = (yield* rows(
      d.name === 'postgres' ? select.for('update', { skipLocked: true }) : select,
    )) as Due[];
    if (due.length)
      yield* exec(
        db
          .update(f)
          .set({ nextAttemptAt: o.now + o.leaseMs })
          .where(
            inArray(
              f.id,
              due.map((r) => r.id),
            ),
          ),
      );
    return due;
  };

const storedOp = (
  id: number,
  v: { sha: string; size: number; mimeType: string; attempts: number; now: number },
): Op<number> =>
  function* ({ db, t }) {
    const f = t.mediaFiles;
    return yield* exec(
      db
        .update(f)
        .set({
          status: 'stored',
          sha256: v.sha,
          sizeBytes: v.size,
          mimeType: v.mimeType,
          attempts: v.attempts,
          storedAt: v.now,
          nextAttemptAt: null,
          lastError: null,
        })
        .where(and(eq(f.id, id), eq(f.status, 'pending'))),
    );
  };

const retryOp = (id: number, attempts: number, at: number, error: string): Op<number> =>
  function* ({ db, t }) {
    const f = t.mediaFiles;
    return yield* exec(
      db
        .update(f)
        .set({ attempts, nextAttemptAt: at, lastError: error })
        .where(and(eq(f.id, id), eq(f.status, 'pending'))),
    );
  };

const failedOp = (id: number, attempts: number, error: string): Op<number> =>
  function* ({ db, t }) {
    const f = t.mediaFiles;
    return yield* exec(
      db
        .update(f)
        .set({ status: 'failed', attempts, nextAttemptAt: null, lastError: error })
        .where(and(eq(f.id, id), eq(f.status, 'pending'))),
    );
  };

const nextDueOp: Op<number | null> = function* ({ db, t }) {
  const f = t.mediaFiles;
  const r = yield* first(
    db
      .select({ at: min(f.nextAttemptAt) })
      .from(f)
      .where(eq(f.status, 'pending')),
  );
  return r?.at == null ? null : Number(r.at);
};

/**
 * The durable media job: every pending row of media_files is looked up on Graph, downloaded
 * with the access token within the URL's 5 minutes, checked (sha256 against Graph and the
 * webhook, size and mime type against WhatsApp's limits, magic bytes) and stored
 * content-addressed. The queue is the table, so a restart loses nothing; failures retry
 * with exponential backoff, each try starting from a fresh lookup (an expired URL is just
 * a failed try). Oversize or disallowed files fail at once: retrying cannot fix them.
 */
export function createMediaFetcher(o: MediaFetcherOptions) {
  const claimMs = o.claimMs ?? 2 * 60_000;
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
      const sha = await o.media.put(bytes);
      await o.store.transaction(
        storedOp(row.id, { sha, size: bytes.byteLength, mimeType: meta.mimeType, attempts, now: o.now() }),
      );
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
        await o.store.transaction(failedOp(row.id, attempts, message));
        o.logger.warn({ mediaRow: row.id, attempts, error: message }, 'media fetch failed for good');
      } else {
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
        await o.store.transaction(retryOp(row.id, attempts, o.now() + delay, message));
        o.logger.warn({ mediaRow: row.id, attempts, delay, error: message }, 'media fetch failed, retrying');
      }
    }
  }

  async function runOnce(limit = 8): Promise<number> {
    const due = await o.store.transaction(claimOp({ now: o.now(), limit, leaseMs: claimMs }));
    for (const row of due) await fetchOne(row);
    return due.length;
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
    void active
      .then(async (n) => {
        const next = n > 0 ? null : await o.store.read(nextDueOp);
        schedule(n > 0 ? 0 : next === null ? pollMs : Math.min(pollMs, next - o.now()));
      })
      .catch((err: unknown) => {
        o.logger.warn({ err: err instanceof Error ? err.message : String(err) }, 'media fetch pass failed');
        schedule(pollMs);
      });
  }

  return {
    runOnce,
    /** fetches one message's media now, whatever its backoff (a voice note its turn is waiting for) */
    async fetchForMessage(messageId: number): Promise<void> {
      const due = await o.store.transaction(claimOp({ now: o.now(), limit: 1, leaseMs: claimMs, messageId }));
      for (const row of due) await fetchOne(row);
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
