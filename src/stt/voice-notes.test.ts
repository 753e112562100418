import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { createStaffUser } from '../staff/accounts.js';
import { login } from '../staff/test-support.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { startFakeSttServer } from '../testing/fake-stt-server.js';
import { envelope } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { createSahayak } from '../wiring/create-sahayak.js';

const SECRET = 'app-secret';
const NOW = new Date('2026-11-24T06:30:00Z');
const OGG = Buffer.concat([Buffer.from('OggS'), Buffer.alloc(2000, 7)]);

describe('voice notes through speech to text', () => {
  let graph: FakeGraphServer;
  let stt: Awaited<ReturnType<typeof startFakeSttServer>>;
  let sahayak: ReturnType<typeof createSahayak>;
  let server: ReturnType<typeof serve>;
  let base = '';
  let dir = '';
  beforeAll(async () => {
    graph = await startFakeGraphServer({ accessToken: 'graph-token' });
    stt = await startFakeSttServer({
      reply: () => 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है',
    });
    dir = mkdtempSync(join(tmpdir(), 'sahayak-stt-'));
    sahayak = createSahayak(
      loadConfig({
        DATABASE_PATH: ':memory:',
        MEDIA_DIR: dir,
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_ACCESS_TOKEN: 'graph-token',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_API_URL: graph.url,
        WHATSAPP_SEND_RATE: '1000',
        STT_BASE_URL: stt.url,
        STT_API_KEY: 'stt-key',
        STT_MODEL: 'whisper-large-v3',
      }),
      { logger: createLogger({ level: 'silent' }), now: () => NOW },
    );
    sahayak.start();
    server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await sahayak.stop();
    await graph.close();
    await stt.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const settle = async () => {
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await sahayak.pipeline.idle();
      const busy = sahayak.db.$client
        .prepare(
          "select count(*) n from messages where (direction = 'in' and process_status = 'pending') or send_status in ('queued', 'sending')",
        )
        .get() as { n: number };
      if (busy.n === 0) return;
    }
    throw new Error('did not settle');
  };
  async function voice(waId: string, wamid: string, mediaId: string) {
    graph.media.set(mediaId, { bytes: OGG, mimeType: 'audio/ogg; codecs=opus' });
    const body = JSON.stringify(
      envelope({
        messages: [
          {
            from: waId,
            id: wamid,
            timestamp: '1763980800',
            type: 'audio',
            audio: { id: mediaId, voice: true },
          },
        ],
      }),
    );
    const res = await fetch(`${base}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    await settle();
  }
  const inbound = (wamid: string) =>
    sahayak.db.$client.prepare('select id, text, payload from messages where wamid = ?').get(wamid) as {
      id: number;
      text: string | null;
      payload: string;
    };
  const replies = (waId: string) =>
    (
      sahayak.db.$client
        .prepare("select text from messages where wa_id = ? and direction = 'out' order by id")
        .all(waId) as { text: string }[]
    ).map((r) => r.text);

  it('the transcript becomes the citizen’s message: the turn answers it, with the language as a hint', async () => {
    await voice('919812300101', 'wamid.v1', 'aud-1');
    expect(stt.requests).toHaveLength(1);
    expect(stt.requests[0]).toMatchObject({
      model: 'whisper-large-v3',
      language: 'hi',
      mimeType: 'audio/ogg',
      bytes: OGG.byteLength,
      authorization: 'Bearer stt-key',
    });
    const row = inbound('wamid.v1');
    expect(row.text).toBe('मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है');
    expect(JSON.parse(row.payload)).toMatchObject({ kind: 'audio', transcript: row.text });
    const said = replies('919812300101').join('\n');
    expect(said).not.toContain('वॉइस नोट नहीं सुन');
    expect(said).toMatch(/नाम/); // the birth-certificate dialogue asks for the child's name
  });

  it('the staff transcript marks it as a voice note, with a player and the transcript', async () => {
    await createStaffUser(
      sahayak.db,
      { username: 'rekha', role: 'reviewer', password: 'correct horse battery' },
      NOW.getTime(),
      { N: 1024 },
    );
    const conv = sahayak.db.$client
      .prepare("select id from conversations where wa_id = '919812300101'")
      .get() as {
      id: number;
    };
    const staff = await login(sahayak.app as unknown as Hono, 'rekha');
    const page = await (await staff.get(`/staff/conversations/${conv.id}`)).text();
    const { id } = inbound('wamid.v1');
    expect(page).toContain('voice note — transcribed');
    expect(page).toContain(`<audio controls="" preload="none" src="/staff/media/message/${id}"`);
    expect(page).toContain('मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है');
    const audio = await staff.get(`/staff/media/message/${id}`);
    expect(audio.status).toBe(200);
    expect(audio.headers.get('content-type')).toBe('audio/ogg');
  });

  it('when speech to text fails, the citizen is asked to type and the audio is kept', async () => {
    stt.state.fail = 503;
    await voice('919812300102', 'wamid.v2', 'aud-2');
    stt.state.fail = 0;
    expect(replies('919812300102').join('\n')).toContain('कृपया अपना संदेश लिखकर भेजें');
    const stored = sahayak.db.$client
      .prepare("select status from media_files where media_id = 'aud-2'")
      .get();
    expect(stored).toEqual({ status: 'stored' });
    expect(inbound('wamid.v2').text).toBeNull();
  });
});
