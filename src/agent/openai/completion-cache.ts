import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Stores whole chat completions by request, so an eval re-run with the same prompt,
 * model and conversation costs nothing and answers the same. Off unless passed to the engine.
 */
export interface CompletionCache {
  get(key: string): unknown | Promise<unknown>;
  set(key: string, value: unknown): void | Promise<void>;
}

/** JSON with object keys sorted at every level, so equal requests hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** sha256 (hex) of the canonical request body: model, messages, tools and parameters. */
export function completionCacheKey(requestBody: unknown): string {
  return createHash('sha256').update(canonicalJson(requestBody)).digest('hex');
}

export function createMemoryCompletionCache(): CompletionCache & { size(): number } {
  const store = new Map<string, string>();
  return {
    // stored as text so a caller mutating what it got back cannot change the cache
    get: (key) => {
      const hit = store.get(key);
      return hit === undefined ? undefined : JSON.parse(hit);
    },
    set: (key, value) => void store.set(key, JSON.stringify(value)),
    size: () => store.size,
  };
}

/** `evals/.cache/` of this checkout. */
export const defaultCacheDir = fileURLToPath(new URL('../../../evals/.cache/', import.meta.url));

/** One `<hash>.json` file per completion; a missing or unreadable file is a miss. */
export function createFileCompletionCache({ dir = defaultCacheDir }: { dir?: string } = {}): CompletionCache {
  let ready: Promise<unknown> | undefined;
  return {
    async get(key) {
      if (!/^[a-f0-9]{64}$/.test(key)) return undefined;
      try {
        return JSON.parse(await readFile(join(dir, `${key}.json`), 'utf8'));
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      if (!/^[a-f0-9]{64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      // write then rename: parallel eval workers never read half a file
      const tmp = join(dir, `${key}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
      await writeFile(tmp, JSON.stringify(value));
      await rename(tmp, join(dir, `${key}.json`));
    },
  };
}
