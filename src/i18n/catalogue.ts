import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Lang } from '../lang/language.js';
import { readYamlFile } from './cached-yaml.js';

// Every citizen-facing sentence lives in prompts/messages/*.yaml, written whole in each
// of the three language forms, never assembled from English fragments.
const entrySchema = z.object({ en: z.string().min(1), hi: z.string().min(1), hinglish: z.string().min(1) });
const fileSchema = z.record(z.string(), entrySchema);

export type Catalogue = {
  t: (lang: Lang, key: string, params?: Record<string, string | number>) => string;
  has: (key: string) => boolean;
  keys: () => string[];
};

export const defaultMessagesDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'prompts',
  'messages',
);

export class MissingMessageError extends Error {
  override name = 'MissingMessageError';
}

/** Loads and validates every message file; a key defined twice or missing a language fails here, at start. */
export function loadCatalogue(dir: string = defaultMessagesDir): Catalogue {
  const entries = new Map<string, z.infer<typeof entrySchema>>();
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const parsed = fileSchema.safeParse(readYamlFile(join(dir, file)) ?? {});
    if (!parsed.success)
      throw new Error(
        `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
      );
    for (const [key, entry] of Object.entries(parsed.data)) {
      if (entries.has(key)) throw new Error(`${file}: message "${key}" is defined twice`);
      entries.set(key, { en: entry.en.trim(), hi: entry.hi.trim(), hinglish: entry.hinglish.trim() });
    }
  }
  return {
    t(lang, key, params = {}) {
      const entry = entries.get(key);
      if (!entry) throw new MissingMessageError(`no message "${key}"`);
      return entry[lang].replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in params ? String(params[name]) : whole,
      );
    },
    has: (key) => entries.has(key),
    keys: () => [...entries.keys()],
  };
}
