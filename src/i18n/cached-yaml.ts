import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` (scripts/build.mjs) leaves each message file already parsed, as
 * JSON named by the sha1 of the YAML text: dist/.yaml-cache next to dist/src. Parsing the
 * 100 KB of prompts/messages with the yaml library was a fifth of the compiled server's
 * start (≈150 ms and most of its start-up garbage); JSON.parse takes a few ms.
 */
export const yamlCacheDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '.yaml-cache');

export const yamlCacheKey = (text: string) => createHash('sha1').update(text).digest('hex');

const require = createRequire(import.meta.url);

/**
 * A YAML file's parsed value: from the build's cache when it holds this exact text (an
 * edited file has another sha1, so a stale cache is never read), else parsed now.
 */
export function readYamlFile(path: string, cacheDir = yamlCacheDir): unknown {
  const text = readFileSync(path, 'utf8');
  const cached = join(cacheDir, `${yamlCacheKey(text)}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, 'utf8'));
  // loaded on a miss only (tests, tsx, an edited file): the compiled server never imports it
  const { parse } = require('yaml') as typeof import('yaml');
  return parse(text);
}
