import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { hasChromium, launchChromium } from '../testing/launch-chromium.js';
import { createSahayak } from '../wiring/create-sahayak.js';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');

// A newcomer's first try: /chat in a browser, a birth-certificate application in Hindi,
// on the embedded engine with no key and no WhatsApp, exactly as `npm start` serves it.
describe.skipIf(!hasChromium())('/chat in Chromium', () => {
  let server: ServerType;
  let browser: Browser;
  let base: string;
  let sahayak: ReturnType<typeof createSahayak>;

  beforeAll(async () => {
    const config = loadConfig({ DATABASE_PATH: ':memory:' });
    sahayak = createSahayak(config, {
      logger: createLogger({ level: 'silent' }),
      now: () => new Date('2026-11-24T06:30:00Z'),
    });
    server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
    await sahayak?.stop();
  });

  /** Types a message and waits for the assistant's next bubble. */
  async function send(page: Page, text: string) {
    const before = await page.locator('.msg.out').count();
    await page.fill('#text', text);
    await page.press('#text', 'Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.msg.out').length > n, before);
  }

  async function tap(page: Page, title: string) {
    const before = await page.locator('.msg.out').count();
    await page.locator('.msg.out .choices button', { hasText: title }).last().click();
    await page.waitForFunction((n) => document.querySelectorAll('.msg.out').length > n, before);
  }

  // One conversation, in steps that share the page.
  let page: Page;
  it('opens /chat and starts an application in Hindi', async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${base}/chat`);
    await send(page, 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है');
    await send(page, 'बेटी का नाम अनाया है, जन्म 20 नवंबर 2026 को जिला अस्पताल सीतापुर में हुआ');
    expect(await page.locator('.msg.out').last().innerText()).toMatch(/[\u0900-\u097F]/);
  });

  it('answers the questions and shows the summary with buttons', async () => {
    await send(page, 'माँ का नाम रेखा देवी, पिता का नाम सुरेश कुमार');
    await send(page, 'पता वार्ड 4, सीतापुर, पिन 261001');
    await tap(page, 'मैं माँ हूँ');
    await expect.poll(() => page.locator('.msg.out').last().innerText()).toContain('क्या सब कुछ सही है?');
  });

  it('submits on हाँ and shows the reference', async () => {
    await tap(page, 'हाँ, जमा करें');
    const last = await page.locator('.msg.out').last().innerText();
    expect(last).toMatch(/BC-2026-\d{6}/);
    expect(last).toContain('जमा हो गया');
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'chat-hindi-application.png'), fullPage: true });
    const rows = sahayak.db.$client
      .prepare(
        "select reference, json_extract(fields, '$.motherName') as mother_name from cases where service = 'birth_certificate'",
      )
      .all();
    expect(rows).toEqual([{ reference: last.match(/BC-2026-\d{6}/)?.[0], mother_name: 'रेखा देवी' }]);
  });
});
