import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { createStaffUser } from '../staff/accounts.js';
import { hasChromium, launchChromium } from '../testing/launch-chromium.js';
import { createSahayak } from '../wiring/create-sahayak.js';
import { sha256Hex } from './media-store.js';
import { samplePng } from './test-media.js';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');
const PASSWORD = 'correct horse battery';

// The citizen attaches a real photo in /chat and files a complaint; an officer opens the
// complaint in the staff console and sees that very photo.
describe.skipIf(!hasChromium())('a photo sent in /chat, seen by the officer', () => {
  let server: ServerType;
  let browser: Browser;
  let base: string;
  let dir: string;
  let sahayak: ReturnType<typeof createSahayak>;
  let png: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sahayak-photo-browser-'));
    const config = loadConfig({ DATABASE_PATH: ':memory:', MEDIA_DIR: dir });
    const now = new Date('2026-11-24T06:30:00Z');
    sahayak = createSahayak(config, { logger: createLogger({ level: 'silent' }), now: () => now });
    await createStaffUser(
      sahayak.db,
      { username: 'asha', role: 'officer', password: PASSWORD },
      now.getTime(),
      {
        N: 1024,
      },
    );
    png = await samplePng('ward 3 toilets — evidence');
    server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await sahayak?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function reply(page: Page, act: () => Promise<void>) {
    const before = await page.locator('.msg.out').count();
    await act();
    await page.waitForFunction((n) => document.querySelectorAll('.msg.out').length > n, before);
  }
  const send = (page: Page, text: string) =>
    reply(page, async () => {
      await page.fill('#text', text);
      await page.press('#text', 'Enter');
    });

  let citizen: Page;
  let officer: Page;
  it('the citizen attaches a real photo in /chat', async () => {
    citizen = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await citizen.goto(`${base}/chat`);
    await reply(citizen, async () => {
      // the caption is whatever is typed in the box when the photo is picked
      await citizen.fill('#text', 'toilets in the general ward of Civil Hospital are filthy, see this');
      await citizen.setInputFiles('#photo', { name: 'ward3.png', mimeType: 'image/png', buffer: png });
    });
    const stored = sahayak.db.$client.prepare('select status, sha256 from media_files').all();
    expect(stored).toEqual([{ status: 'stored', sha256: sha256Hex(png) }]);
  });

  it('and files the complaint', async () => {
    await send(citizen, 'Varanasi');
    await send(citizen, '22/11/2026');
    await send(citizen, 'yes hide my name');
    await reply(citizen, () =>
      citizen.locator('.msg.out .choices button', { hasText: 'Yes' }).last().click(),
    );
    expect(await citizen.locator('.msg.out').last().innerText()).toMatch(/HC-2026-\d{6}/);
  });

  it('the officer opens the complaint and sees that photo', async () => {
    const complaint = sahayak.db.$client
      .prepare("select id, reference from cases where service = 'hospital_complaint'")
      .get() as {
      id: number;
      reference: string;
    };
    officer = await browser.newPage({ viewport: { width: 412, height: 915 } });
    await officer.goto(`${base}/staff/login`);
    await officer.fill('#username', 'asha');
    await officer.fill('#password', PASSWORD);
    await officer.click('button[type=submit]');
    await officer.goto(`${base}/staff/complaints/${complaint.id}`);
    const img = officer.locator('.media-gallery img').first();
    await expect.poll(() => img.evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBe(512);
    // the bytes shown are the bytes the citizen attached
    const src = await img.getAttribute('src');
    // (the console's CSP forbids fetch from the page: the browser context's request shares its cookie)
    const res = await officer.context().request.get(`${base}${src}`);
    expect(res.status()).toBe(200);
    const shown = sha256Hex(await res.body());
    expect(shown).toBe(sha256Hex(png));
  });

  it('screenshots of both sides', async () => {
    mkdirSync(artifacts, { recursive: true });
    await citizen.screenshot({ path: join(artifacts, 'chat-photo-complaint.png'), fullPage: true });
    await officer.screenshot({ path: join(artifacts, 'officer-sees-complaint-photo.png'), fullPage: true });
    const audits = sahayak.db.$client
      .prepare("select count(*) as n from audit_log where action = 'media.view' and user_id is not null")
      .get() as { n: number };
    expect(audits.n).toBeGreaterThanOrEqual(2);
  });
});
