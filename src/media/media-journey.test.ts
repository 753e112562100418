import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { eraseCitizen } from '../privacy/erase-citizen.js';
import { createStaffUser } from '../staff/accounts.js';
import { login } from '../staff/test-support.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { buttonDelivery, envelope, textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { createSahayak } from '../wiring/create-sahayak.js';
import { sweepMedia } from './erase-media.js';
import { sha256Hex } from './media-store.js';
import { samplePng } from './test-media.js';

const SECRET = 'app-secret';
const TOKEN = 'staff-api-token';
const GRAPH_TOKEN = 'graph-token';
const NOW = new Date('2026-11-24T06:30:00Z');
const WA = '919811100022';

// The whole path through the real HTTP server: a citizen's photo arrives by webhook, the
// fetch job downloads it from the (fake) Graph API, a complaint is filed in the same
// conversation, and staff get the very bytes back through the API and the console.
describe('a photo from WhatsApp to the officer', () => {
  let graph: FakeGraphServer;
  let sahayak: ReturnType<typeof createSahayak>;
  let server: ReturnType<typeof serve>;
  let base = '';
  let dir = '';
  let png: Buffer;

  beforeAll(async () => {
    graph = await startFakeGraphServer({ accessToken: GRAPH_TOKEN });
    png = await samplePng('filthy toilets, ward 3');
    graph.media.set('9001', { bytes: png, mimeType: 'image/png' });
    dir = mkdtempSync(join(tmpdir(), 'sahayak-media-journey-'));
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      MEDIA_DIR: dir,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: GRAPH_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: graph.url,
      WHATSAPP_SEND_RATE: '1000',
      STAFF_API_TOKEN: TOKEN,
    });
    sahayak = createSahayak(config, { logger: createLogger({ level: 'silent' }), now: () => NOW });
    sahayak.start();
    server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await sahayak.stop();
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const settle = async () => {
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await sahayak.pipeline.idle();
      const busy = sahayak.db.$client
        .prepare(
          `select (select count(*) from messages where (direction = 'in' and process_status = 'pending')
             or send_status in ('queued', 'sending'))
           + (select count(*) from media_files where status = 'pending') as n`,
        )
        .get() as { n: number };
      if (busy.n === 0) return;
    }
    throw new Error('the service did not settle');
  };
  let n = 0;
  async function deliver(payload: unknown) {
    const body = JSON.stringify(payload);
    const res = await fetch(`${base}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    await settle();
  }
  const text = (t: string) => deliver(textDelivery({ waId: WA, wamid: `wamid.j${++n}`, text: t }));

  it('stores the photo, files the complaint with it, and the API lists it under photos', async () => {
    await deliver(
      envelope({
        contacts: [{ wa_id: WA, profile: { name: 'Sunita' } }],
        messages: [
          {
            from: WA,
            id: 'wamid.photo1',
            timestamp: '1763980800',
            type: 'image',
            image: {
              id: '9001',
              mime_type: 'image/png',
              sha256: Buffer.from(sha256Hex(png), 'hex').toString('base64'),
              caption: 'toilets in the general ward of Civil Hospital are filthy, see this',
            },
          },
        ],
      }),
    );
    expect(graph.mediaRequests).toEqual(['lookup:9001', 'download:9001']);
    await text('Varanasi');
    await text('22/11/2026');
    await text('yes hide my name');
    await deliver(
      buttonDelivery({ waId: WA, wamid: `wamid.j${++n}`, id: 'confirm:yes', title: 'Yes, submit' }),
    );

    const res = await fetch(`${base}/api/complaints?phone=${WA}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const { items } = (await res.json()) as {
      items: { reference: string; photos: { url: string; sha256: string }[] }[];
    };
    expect(items).toHaveLength(1);
    expect(items[0].photos).toEqual([
      {
        sha256: sha256Hex(png),
        mimeType: 'image/png',
        caption: 'toilets in the general ward of Civil Hospital are filthy, see this',
        url: expect.stringMatching(/^\/api\/media\/\d+$/),
      },
    ]);
    const url = items[0].photos[0].url;
    expect((await fetch(`${base}${url}`)).status).toBe(401);
    const photo = await fetch(`${base}${url}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(png);
    const audits = sahayak.db.$client
      .prepare("select detail from audit_log where action = 'media.view'")
      .all();
    expect(audits).toEqual([{ detail: JSON.stringify({ kind: 'image', via: 'api' }) }]);
  });

  it('the officer sees it on the complaint and the transcript, behind login, each view audited', async () => {
    await createStaffUser(
      sahayak.db,
      { username: 'asha', role: 'officer', password: 'correct horse battery' },
      NOW.getTime(),
      { N: 1024 },
    );
    const app = sahayak.app as unknown as Hono;
    const complaint = sahayak.db.$client
      .prepare("select id from cases where service = 'hospital_complaint'")
      .get() as { id: number };
    const media = sahayak.db.$client.prepare('select id, message_id as messageId from media_files').get() as {
      id: number;
      messageId: number;
    };
    const anonymous = await app.request(`/staff/media/${media.id}`);
    expect(anonymous.status).toBe(303);
    const officer = await login(app, 'asha');
    const page = await (await officer.get(`/staff/complaints/${complaint.id}`)).text();
    expect(page).toContain(`<img src="/staff/media/${media.id}"`);
    const img = await officer.get(`/staff/media/${media.id}`);
    expect(img.status).toBe(200);
    expect(Buffer.from(await img.arrayBuffer())).toEqual(png);
    const byMessage = await officer.get(`/staff/media/message/${media.messageId}`);
    expect(byMessage.status).toBe(200);
    const views = sahayak.db.$client
      .prepare("select user_id as userId from audit_log where action = 'media.view' and user_id is not null")
      .all();
    expect(views).toHaveLength(2);
  });

  it('erasure deletes the rows and then the file', async () => {
    const path = sahayak.mediaStore.pathOf(sha256Hex(png));
    expect(existsSync(path)).toBe(true);
    sahayak.db.transaction((tx) => eraseCitizen(tx, WA, NOW.getTime()));
    expect(sahayak.db.$client.prepare('select count(*) as n from media_files').get()).toEqual({ n: 0 });
    // a fresh file is left alone (a turn worker may be about to commit its row), an old one goes
    expect((await sweepMedia(sqliteStore(sahayak.db), sahayak.mediaStore)).files).toBe(0);
    expect(
      (await sweepMedia(sqliteStore(sahayak.db), sahayak.mediaStore, { now: Date.now() + 11 * 60_000 }))
        .files,
    ).toBe(1);
    expect(existsSync(path)).toBe(false);
  });
});
