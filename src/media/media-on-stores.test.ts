import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exec, first, type Op } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { sweepMedia } from './erase-media.js';
import { createGraphMedia } from './graph-media.js';
import { createPgMediaStore } from './media-blob-store.js';
import { createMediaFetcher } from './media-fetch-job.js';
import { createMediaStore, type MediaStore, sha256Hex } from './media-store.js';
import { samplePng } from './test-media.js';

const TOKEN = 'test-token';
const NOW = 1_800_000_000_000;
const silent = { info() {}, warn() {} };
let graph: FakeGraphServer;
let png: Buffer;
const dirs: string[] = [];
beforeAll(async () => {
  graph = await startFakeGraphServer({ accessToken: TOKEN });
  png = await samplePng();
});
afterAll(async () => {
  await graph.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** the bytes where the app keeps them on this database: files on SQLite, media_blobs on PostgreSQL */
function mediaOf(store: SqliteStore | PgStore): MediaStore {
  if (store.dialect === 'postgres') return createPgMediaStore((store as PgStore).db);
  const dir = mkdtempSync(join(tmpdir(), 'sahayak-media-'));
  dirs.push(dir);
  return createMediaStore(dir);
}

const pendingPhoto = (mediaId: string, messageId: number | null = null): Op<void> =>
  function* ({ db, t }) {
    yield* exec(
      db.insert(t.mediaFiles).values({
        waId: '919800000001',
        messageId,
        mediaId,
        kind: 'image',
        mimeType: 'image/png',
        nextAttemptAt: NOW,
        createdAt: NOW,
      }),
    );
  };
const fileRow = (
  mediaId: string,
): Op<{ status: string; sha256: string | null; attempts: number } | undefined> =>
  function* ({ db, t }) {
    const f = t.mediaFiles;
    return yield* first(
      db
        .select({ status: f.status, sha256: f.sha256, attempts: f.attempts })
        .from(f)
        .where(eq(f.mediaId, mediaId)),
    );
  };

describe.each(testDialects)('media on %s', (dialect) => {
  const store = useStore(dialect);
  const fetcherOn = (s: SqliteStore | PgStore, media: MediaStore) =>
    createMediaFetcher({
      store: s,
      media,
      graph: createGraphMedia({ apiUrl: graph.url, accessToken: TOKEN, timeoutMs: 5000 }),
      now: () => NOW,
      logger: silent,
    });

  it('fetches a photo once, keeps its bytes by sha256, and two fetchers polling at once never fetch it twice', async () => {
    const s = store();
    const media = mediaOf(s);
    graph.media.set('pg-img-1', { bytes: png, mimeType: 'image/png' });
    graph.mediaRequests.length = 0;
    await s.transaction(pendingPhoto('pg-img-1'));
    // two instances' jobs (the same store: on PostgreSQL two connections of its pool)
    const [a, b] = await Promise.all([fetcherOn(s, media).runOnce(), fetcherOn(s, media).runOnce()]);
    expect(a + b).toBe(1);
    expect(graph.mediaRequests.filter((r) => r === 'download:pg-img-1')).toHaveLength(1);
    expect(await s.read(fileRow('pg-img-1'))).toEqual({
      status: 'stored',
      sha256: sha256Hex(png),
      attempts: 1,
    });
    expect(await media.read(sha256Hex(png))).toEqual(png);
    // the job's next look: nothing due
    expect(await fetcherOn(s, media).runOnce()).toBe(0);
  });

  it('the sweep deletes bytes no row references (after their grace), never bytes a row still uses', async () => {
    const s = store();
    const media = mediaOf(s);
    const kept = await media.put(png);
    await s.transaction(function* ({ db, t }) {
      yield* exec(
        db.insert(t.mediaFiles).values({
          waId: '919800000001',
          mediaId: 'kept',
          kind: 'image',
          status: 'stored',
          sha256: kept,
          createdAt: NOW,
        }),
      );
    });
    const loose = await media.put(Buffer.from('not referenced by any row'));
    expect((await sweepMedia(s, media, { now: Date.now() + 1_000 })).files).toBe(0);
    expect((await sweepMedia(s, media, { now: Date.now() + 11 * 60_000 })).files).toBe(1);
    expect(await media.read(loose)).toBeNull();
    expect(await media.read(kept)).toEqual(png);
  });
});
