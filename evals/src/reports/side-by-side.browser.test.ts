import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../../../src/testing/launch-chromium.js';
import { runCli } from '../run-cli.js';
import { captureIo, tempEvalDir } from '../testing/temp-suite.js';

const artifacts = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test-artifacts');

const suite = (statusTool: string, extra = '') => `
suite: side
cases:
  - id: side-hi-greeting
    language: hi
    turns:
      - text: नमस्ते
        tool: none
  - id: side-en-status
    language: en
    setup:
      applications:
        - { waId: "919800000001", reference: BC-2026-000417, status: under_review, language: en }
    turns:
      - text: what is the status of my application BC-2026-000417
        tool: ${statusTool}
  - id: side-hinglish-simulated
    language: hinglish
    goal:
      service: hospital_complaint
      facts: { hospitalName: Civil Hospital, district: Lucknow, description: ward boy ne badtameezi ki, category: staff_behaviour, anonymous: false }
${extra}`;
const config = 'concurrency: 2\nthresholds:\n  default: 0\n';

describe.skipIf(!hasChromium())('the side-by-side page in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows two runs case by case, with replies next to each other, and filters by language, service and changes', async () => {
    const a = tempEvalDir(suite('check_status'), config);
    expect(
      await runCli(['--cases', a.cases, '--config', a.config, '--out', a.out, '--quiet'], captureIo().io),
    ).toBe(0);
    const extra = `  - id: side-en-new
    language: en
    turns: [{ text: hello }]
`;
    const b = tempEvalDir(suite('none', extra), config);
    const cap = captureIo();
    await runCli(
      [
        '--cases',
        b.cases,
        '--config',
        b.config,
        '--out',
        b.out,
        '--quiet',
        '--compare',
        join(a.out, 'latest', 'report.json'),
      ],
      cap.io,
    );
    expect(cap.stdout()).toContain('side-by-side.html');
    const file = join(b.out, 'latest', 'side-by-side.html');
    expect(readFileSync(file, 'utf8')).toContain('<meta charset="utf-8">');

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(file).href);
    const shown = async () => Number(await page.textContent('#shown'));
    expect(await shown()).toBe(4);
    await page.selectOption('#f-lang', 'hi');
    expect(await shown()).toBe(1);
    await page.selectOption('#f-lang', '');
    await page.check('#f-changed');
    // the status case regressed (its tool expectation changed) and one case is new
    expect(await shown()).toBe(2);
    expect(await page.locator('details.case:not(.hidden) summary').allTextContents()).toEqual([
      expect.stringMatching(/side-en-new.*only in one run/),
      expect.stringMatching(/side-en-status.*100\.0%.*0\.0%.*regressed/),
    ]);
    await page.uncheck('#f-changed');
    await page.selectOption('#f-suite', 'side');
    expect(await shown()).toBe(4);
    const sim = page.locator('details.case[data-lang="hinglish"]');
    await sim.locator('summary').click();
    // A and B side by side, turn by turn, with the metrics of both
    const firstRow = sim.locator('table.turns tr').nth(1);
    expect(await firstRow.locator('td').count()).toBe(2);
    expect(await firstRow.locator('td').nth(0).locator('.msg.out').textContent()).toBe(
      await firstRow.locator('td').nth(1).locator('.msg.out').textContent(),
    );
    await expect(sim.locator('table.metrics').textContent()).resolves.toMatch(
      /engine time[\s\S]*tokens[\s\S]*cost/,
    );
    await page.locator('details.case[data-lang="en"]').first().locator('summary').click();
    mkdirSync(artifacts, { recursive: true });
    await page.screenshot({ path: join(artifacts, 'eval-side-by-side.png'), fullPage: true });
    await page.close();
  });
});
