import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  completionCacheKey,
  createFileCompletionCache,
  createMemoryCompletionCache,
} from './completion-cache.js';

const request = { model: 'm', messages: [{ role: 'user', content: 'नमस्ते' }], tools: [], temperature: 0 };
const completion = { id: 'c1', choices: [{ index: 0, message: { role: 'assistant', content: 'नमस्ते!' } }] };

describe('completion cache key', () => {
  it('ignores key order and tells different requests apart', () => {
    const reordered = {
      temperature: 0,
      tools: [],
      messages: [{ content: 'नमस्ते', role: 'user' }],
      model: 'm',
    };
    expect(canonicalJson(reordered)).toBe(canonicalJson(request));
    expect(completionCacheKey(reordered)).toBe(completionCacheKey(request));
    expect(completionCacheKey({ ...request, model: 'other' })).not.toBe(completionCacheKey(request));
    expect(completionCacheKey(request)).toMatch(/^[a-f0-9]{64}$/);
  });
});

describe('memory cache', () => {
  it('returns a copy of what was stored and misses otherwise', () => {
    const cache = createMemoryCompletionCache();
    const key = completionCacheKey(request);
    expect(cache.get(key)).toBeUndefined();
    cache.set(key, completion);
    const hit = cache.get(key) as typeof completion;
    expect(hit).toEqual(completion);
    hit.id = 'changed';
    expect(cache.get(key)).toEqual(completion);
  });
});

describe('file cache', () => {
  it('stores one <hash>.json per completion and reads it back', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'llm-cache-')), 'nested');
    const cache = createFileCompletionCache({ dir });
    const key = completionCacheKey(request);
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, completion);
    expect(readdirSync(dir)).toEqual([`${key}.json`]);
    expect(await createFileCompletionCache({ dir }).get(key)).toEqual(completion);
  });

  it('refuses keys that are not hashes', async () => {
    const cache = createFileCompletionCache({ dir: mkdtempSync(join(tmpdir(), 'llm-cache-')) });
    expect(await cache.get('../secrets')).toBeUndefined();
    await expect(cache.set('../secrets', {})).rejects.toThrow('not a cache key');
  });
});
