import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { sha256Hex } from '../media/media-store.js';
import { samplePdf, samplePng } from '../media/test-media.js';
import { createSahayak } from '../wiring/create-sahayak.js';

const dir = mkdtempSync(join(tmpdir(), 'sahayak-upload-'));
const sahayak = createSahayak(loadConfig({ DATABASE_PATH: ':memory:', MEDIA_DIR: dir }), {
  logger: createLogger({ level: 'silent' }),
  now: () => new Date('2026-11-24T06:30:00Z'),
});
afterAll(async () => {
  await sahayak.stop();
  rmSync(dir, { recursive: true, force: true });
});

// the simulator's citizen is the browser's cookie, as for typed messages: open /chat once
let cookie = '';
let me = '';
async function session() {
  if (cookie) return;
  const res = await sahayak.app.request('/chat/api/me');
  cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  me = ((await res.json()) as { waId: string }).waId;
}

async function upload(file: Blob, name: string, fields: Record<string, string> = {}) {
  await session();
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, name);
  return sahayak.app.request('/chat/api/upload', { method: 'POST', body: form, headers: { cookie } });
}

describe('POST /chat/api/upload', () => {
  it('stores a real photo by sha256 and sends it through the inbox as the citizen’s image', async () => {
    const png = await samplePng();
    const res = await upload(new Blob([new Uint8Array(png)], { type: 'image/png' }), 'ward.png', {
      caption: 'ward 3',
    });
    expect(res.status).toBe(202);
    const { sha256 } = (await res.json()) as { sha256: string };
    expect(sha256).toBe(sha256Hex(png));
    expect(readFileSync(sahayak.mediaStore.pathOf(sha256))).toEqual(png);
    const row = sahayak.db.$client
      .prepare(
        'select f.kind, f.status, f.caption, m.text from media_files f join messages m on m.id = f.message_id',
      )
      .get();
    expect(row).toEqual({ kind: 'image', status: 'stored', caption: 'ward 3', text: 'ward 3' });
  });

  it('a PDF arrives as a document with its file name', async () => {
    const res = await upload(
      new Blob([new Uint8Array(samplePdf)], { type: 'application/pdf' }),
      'income.pdf',
    );
    expect(res.status).toBe(202);
    const row = sahayak.db.$client
      .prepare("select kind, file_name as fileName, status from media_files where kind = 'document'")
      .get();
    expect(row).toEqual({ kind: 'document', fileName: 'income.pdf', status: 'stored' });
  });

  it('refuses what WhatsApp would not carry, and bytes that are not what they claim; nothing is stored', async () => {
    const before = sahayak.db.$client.prepare("select count(*) n from messages where direction = 'in'").get();
    expect((await upload(new Blob(['GIF89a'], { type: 'image/gif' }), 'x.gif')).status).toBe(415);
    expect((await upload(new Blob(['not a png'], { type: 'image/png' }), 'x.png')).status).toBe(422);
    const big = new Uint8Array(5 * 1024 * 1024 + 10);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect((await upload(new Blob([big], { type: 'image/png' }), 'big.png')).status).toBe(413);
    expect((await upload(new Blob(['x'], { type: 'image/png' }), 'x.png', { waId: 'nope' })).status).toBe(
      400,
    );
    // another citizen's id, or no simulator session at all: nobody uploads as someone else
    const other = me === 'sim9100000001' ? 'sim9100000002' : 'sim9100000001';
    const png = new Blob([new Uint8Array(await samplePng())], { type: 'image/png' });
    expect((await upload(png, 'x.png', { waId: other })).status).toBe(403);
    const anonymous = new FormData();
    anonymous.append('file', png, 'x.png');
    expect((await sahayak.app.request('/chat/api/upload', { method: 'POST', body: anonymous })).status).toBe(
      401,
    );
    expect(
      sahayak.db.$client.prepare("select count(*) n from messages where direction = 'in'").get(),
    ).toEqual(before);
  });
});
