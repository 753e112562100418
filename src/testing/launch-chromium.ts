import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; browser tests skip where it is not installed. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM_PATH);

/**
 * Headless Chromium for browser tests. The background-networking flags matter here: this
 * machine's closed network refuses Chromium's own connections, many at a time, otherwise.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
