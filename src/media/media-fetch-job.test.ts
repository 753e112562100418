import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open-database.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { envelope } from '../testing/whatsapp-payloads.js';
import { ingestWebhook } from '../whatsapp/ingest.js';
import { webhookEnvelopeSchema } from '../whatsapp/webhook-payload.js';
import { createGraphMedia } from './graph-media.js';
import { createMediaFetcher } from './media-fetch-job.js';
import { createMediaStore, sha256Hex } from './media-store.js';
import { samplePdf, samplePng } from './test-media.js';

const TOKEN = 'test-token';
const silent = { info() {}, warn() {} };
let graph: FakeGraphServer;
let dir: string;
let png: Buffer;

beforeAll(async () => {
  graph = await startFakeGraphServer({ accessToken: TOKEN });
  png = await samplePng();
});
afterAll(async () => {
  await graph.close();
});

function setup() {
  const db = openDatabase({ path: ':memory:' });
  dir = mkdtempSync(join(tmpdir(), 'sahayak-media-'));
  const clock = { now: 1_800_000_000_000 };
  const store = createMediaStore(dir);
  const fetcher = createMediaFetcher({
    store: sqliteStore(db),
    graph: createGraphMedia({ apiUrl: graph.url, accessToken: TOKEN, timeoutMs: 5000 }),
    media: store,
    now: () => clock.now,
    logger: silent,
    baseDelayMs: 1000,
  });
  return { db, clock, store, fetcher };
}

function ingest(db: Db, type: 'image' | 'document' | 'audio', body: Record<string, unknown>, n = 1) {
  const p = webhookEnvelopeSchema.parse(
    envelope({
      messages: [
        { from: '919800000001', id: `wamid.m${type}${n}`, timestamp: '1763980800', type, [type]: body },
      ],
    }),
  );
  return ingestWebhook(db, p, { now: 1_800_000_000_000 });
}

const row = (db: Db, mediaId: string) =>
  db.$client.prepare('select * from media_files where media_id = ?').get(mediaId) as Record<string, unknown>;

describe('the media fetch job against the fake Graph API', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => {
    s = setup();
    graph.media.clear();
    graph.mediaOptions.expireUrls = false;
    graph.mediaRequests.length = 0;
    return () => rmSync(dir, { recursive: true, force: true });
  });

  it('looks the id up, downloads with the token, checks the digest and stores the photo by sha256', async () => {
    graph.media.set('img-1', { bytes: png, mimeType: 'image/png' });
    const base64 = Buffer.from(sha256Hex(png), 'hex').toString('base64');
    ingest(s.db, 'image', { id: 'img-1', mime_type: 'image/png', sha256: base64, caption: 'ward 3' });
    expect(row(s.db, 'img-1').status).toBe('pending');
    expect(await s.fetcher.runOnce()).toBe(1);
    const r = row(s.db, 'img-1');
    expect(r).toMatchObject({
      status: 'stored',
      sha256: sha256Hex(png),
      size_bytes: png.byteLength,
      caption: 'ward 3',
    });
    expect(readFileSync(s.store.pathOf(sha256Hex(png)))).toEqual(png);
    expect(graph.mediaRequests).toEqual(['lookup:img-1', 'download:img-1']);
    // stored rows are not fetched again
    expect(await s.fetcher.runOnce()).toBe(0);
  });

  it('an expired download URL is retried with backoff from a fresh lookup', async () => {
    graph.media.set('img-2', { bytes: png, mimeType: 'image/png' });
    graph.mediaOptions.expireUrls = true;
    ingest(s.db, 'image', { id: 'img-2', mime_type: 'image/png' });
    await s.fetcher.runOnce();
    expect(row(s.db, 'img-2')).toMatchObject({
      status: 'pending',
      attempts: 1,
      next_attempt_at: s.clock.now + 1000,
    });
    expect(String(row(s.db, 'img-2').last_error)).toContain('404');
    // not due yet: nothing happens
    expect(await s.fetcher.runOnce()).toBe(0);
    graph.mediaOptions.expireUrls = false;
    s.clock.now += 1000;
    await s.fetcher.runOnce();
    expect(row(s.db, 'img-2')).toMatchObject({ status: 'stored', attempts: 2 });
    expect(graph.mediaRequests).toEqual(['lookup:img-2', 'download:img-2', 'lookup:img-2', 'download:img-2']);
  });

  it('a wrong sha256 is not stored: retried, then failed after the last try', async () => {
    graph.media.set('img-3', { bytes: png, mimeType: 'image/png', sha256: 'ab'.repeat(32) });
    ingest(s.db, 'image', { id: 'img-3', mime_type: 'image/png' });
    for (let i = 0; i < 12; i++) {
      await s.fetcher.runOnce();
      s.clock.now += 3 * 60 * 60_000;
    }
    const r = row(s.db, 'img-3');
    expect(r).toMatchObject({ status: 'failed', attempts: 12, sha256: null });
    expect(String(r.last_error)).toContain('sha256');
    expect(existsSync(s.store.pathOf(sha256Hex(png)))).toBe(false);
  });

  it('the webhook digest is checked too', async () => {
    graph.media.set('img-4', { bytes: png, mimeType: 'image/png' });
    ingest(s.db, 'image', {
      id: 'img-4',
      mime_type: 'image/png',
      sha256: 'Hq5EkbG0Iz6rH0wQ2JYl5lqbYzY0Wn3Ux1o9bJb1u1o=',
    });
    await s.fetcher.runOnce();
    expect(row(s.db, 'img-4').status).toBe('pending');
    expect(String(row(s.db, 'img-4').last_error)).toContain('webhook');
  });

  it('an oversize photo fails at once, without downloading', async () => {
    graph.media.set('img-5', { bytes: png, mimeType: 'image/png', fileSize: 6 * 1024 * 1024 });
    ingest(s.db, 'image', { id: 'img-5', mime_type: 'image/png' });
    await s.fetcher.runOnce();
    expect(row(s.db, 'img-5')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(String(row(s.db, 'img-5').last_error)).toContain('over the limit');
    expect(graph.mediaRequests).toEqual(['lookup:img-5']);
  });

  it('a download bigger than the limit is cut off even when the lookup understated it', async () => {
    const big = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]);
    graph.media.set('img-6', { bytes: big, mimeType: 'image/png', fileSize: 1000 });
    ingest(s.db, 'image', { id: 'img-6', mime_type: 'image/png' });
    await s.fetcher.runOnce();
    expect(row(s.db, 'img-6').status).toBe('failed');
  });

  it('a mime type WhatsApp does not allow, or bytes that are not what they claim, fail', async () => {
    graph.media.set('img-7', { bytes: png, mimeType: 'image/gif' });
    graph.media.set('doc-1', { bytes: png, mimeType: 'application/pdf' });
    ingest(s.db, 'image', { id: 'img-7' }, 7);
    ingest(s.db, 'document', { id: 'doc-1', filename: 'x.pdf' }, 8);
    await s.fetcher.runOnce();
    expect(row(s.db, 'img-7')).toMatchObject({ status: 'failed' });
    expect(String(row(s.db, 'img-7').last_error)).toContain('image/gif');
    expect(row(s.db, 'doc-1')).toMatchObject({
      status: 'failed',
      last_error: 'the bytes are not application/pdf',
    });
  });

  it('a PDF document and a voice note are kept too', async () => {
    const ogg = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(100, 1)]);
    graph.media.set('doc-2', { bytes: samplePdf, mimeType: 'application/pdf' });
    graph.media.set('aud-1', { bytes: ogg, mimeType: 'audio/ogg; codecs=opus' });
    ingest(s.db, 'document', { id: 'doc-2', filename: 'ration.pdf', mime_type: 'application/pdf' }, 9);
    ingest(s.db, 'audio', { id: 'aud-1', voice: true }, 10);
    await s.fetcher.runOnce();
    expect(row(s.db, 'doc-2')).toMatchObject({ status: 'stored', kind: 'document', file_name: 'ration.pdf' });
    expect(row(s.db, 'aud-1')).toMatchObject({
      status: 'stored',
      kind: 'audio',
      mime_type: 'audio/ogg; codecs=opus',
    });
  });

  it('a redelivered message is one media row; Graph errors are retried', async () => {
    ingest(s.db, 'image', { id: 'img-8' }, 11);
    ingest(s.db, 'image', { id: 'img-8' }, 11);
    expect(
      s.db.$client.prepare("select count(*) as n from media_files where media_id = 'img-8'").get(),
    ).toEqual({ n: 1 });
    graph.mediaOptions.lookupStatus = 500;
    await s.fetcher.runOnce();
    graph.mediaOptions.lookupStatus = undefined;
    expect(row(s.db, 'img-8')).toMatchObject({ status: 'pending', attempts: 1 });
  });
});
