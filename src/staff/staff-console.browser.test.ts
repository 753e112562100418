import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/open-database.js';
import { citizens, conversations, messages } from '../db/schema.js';
import { hasChromium, launchChromium } from '../testing/launch-chromium.js';
import { addUsers, consoleFixture, PASSWORD, seedHindiCase, T0 } from './test-support.js';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'test-artifacts');
const DAY = 24 * 60 * 60 * 1000;

/** Some traffic over the last two weeks so the dashboard has something to draw. */
function seedTraffic(db: Db) {
  const langs = ['hi', 'en', 'hinglish', 'hi'] as const;
  const texts = {
    hi: 'अस्पताल में सफ़ाई नहीं है',
    en: 'status of my complaint',
    hinglish: 'beti ka janm praman patra chahiye',
  };
  for (let d = 1; d <= 12; d++) {
    for (let k = 0; k < (d % 4) + 1; k++) {
      const lang = langs[(d + k) % 4];
      const waId = `9198000${String(d * 10 + k).padStart(5, '0')}`;
      const at = T0 - d * DAY + k * 60_000;
      db.insert(citizens).values({ waId, language: lang, lastInboundAt: at, createdAt: at }).run();
      const conv = db
        .insert(conversations)
        .values({
          waId,
          startedAt: at,
          lastMessageAt: at,
          language: lang,
          service: k % 2 ? 'hospital_complaint' : 'status_check',
          outcome: k % 3 ? null : 'completed',
          engine: 'openai',
          fellBack: d % 5 === 0,
        })
        .returning()
        .get();
      db.insert(messages)
        .values({
          waId,
          conversationId: conv.id,
          direction: 'in',
          kind: 'text',
          text: texts[lang],
          wamid: `w.${waId}`,
          createdAt: at,
        })
        .run();
    }
  }
}

describe.skipIf(!hasChromium())('staff console in Chromium', () => {
  const f = consoleFixture();
  let seeded: ReturnType<typeof seedHindiCase>;
  let server: ServerType;
  let browser: Browser;
  let page: Page;
  let base = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    await addUsers(f.db);
    seeded = seedHindiCase(f.db);
    seedTraffic(f.db);
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: f.app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
    // a phone-sized screen: the console must work where officers in the field use it
    page = await browser.newPage({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('logs in and finds the Hindi conversation by a Devanagari word', async () => {
    await page.goto(`${base}/staff`);
    await page.fill('#username', 'officer');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(`${base}/staff`);
    await page.goto(`${base}/staff/conversations`);
    await page.fill('input[name=q]', 'प्रमाण');
    await page.click('form.filters button[type=submit]');
    await page.waitForURL(/q=/);
    const links = await page
      .locator('tbody a[href^="/staff/conversations/"]:text-matches("^#")')
      .allTextContents();
    expect(links).toEqual([`#${seeded.conversationId}`]);
    await page.click(`a:text("#${seeded.conversationId}")`);
    await page.waitForURL(`${base}/staff/conversations/${seeded.conversationId}`);
    expect(await page.locator('.bubble.in').first().textContent()).toContain('मुझे बेटी का जन्म प्रमाण पत्र चाहिए');
  });

  it('annotates a turn', async () => {
    const turn = page.locator(`#turn-${seeded.turnId}`);
    await turn.locator('summary').click();
    await turn.locator('select[name=verdict]').selectOption('bad');
    await turn.locator('input[name=label]').fill('asked_twice');
    await turn.locator('input[name=note]').fill('नाम दो बार पूछा');
    await turn.locator('button[type=submit]').click();
    await page.waitForSelector('.flash');
    expect(await page.textContent('.flash')).toBe(`Turn ${seeded.turnId} marked bad.`);
    await page.locator(`#turn-${seeded.turnId} summary`).click();
    await page.screenshot({ path: join(artifacts, 'staff-transcript.png'), fullPage: true });
    expect(f.db.$client.prepare('select verdict, label from annotations').all()).toEqual([
      { verdict: 'bad', label: 'asked_twice' },
    ]);
  });

  it('moves the application to approved through under_review and the citizen is notified', async () => {
    await page.click('a:text("BC-2026-000001")');
    await page.waitForURL(`${base}/staff/applications/${seeded.applicationId}`);
    await page.click('button[data-to=under_review]');
    await page.waitForSelector('button[data-to=approved]');
    await page.click('button[data-to=approved]');
    await page.waitForSelector('h1 .badge:text("approved")');
    await page.screenshot({ path: join(artifacts, 'staff-application.png'), fullPage: true });
    const sent = f.db.$client
      .prepare(
        "select wa_id as waId, text from messages where direction = 'out' and sent_by like 'staff:%' order by id",
      )
      .all() as { waId: string; text: string }[];
    expect(sent.map((m) => m.waId)).toEqual([seeded.waId, seeded.waId]);
    expect(sent[1].text).toContain('“स्वीकृत”');
    await page.goto(`${base}/staff/conversations/${seeded.conversationId}`);
    expect(await page.locator('.bubble.out').last().textContent()).toContain('BC-2026-000001');
  });

  it('draws the dashboard', async () => {
    await page.goto(`${base}/staff`);
    // one chart more than before: cases submitted per service
    expect(await page.locator('svg.chart').count()).toBe(6);
    await page.screenshot({ path: join(artifacts, 'staff-dashboard.png'), fullPage: true });
  });
});
