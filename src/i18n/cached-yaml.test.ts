import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readYamlFile, yamlCacheKey } from './cached-yaml.js';
import { defaultMessagesDir } from './catalogue.js';

describe('readYamlFile', () => {
  it('reads the build’s JSON for this exact text, and parses the YAML once the text changed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-yaml-'));
    const file = join(dir, 'm.yaml');
    writeFileSync(file, 'greeting: hello\n');
    expect(readYamlFile(file, dir)).toEqual({ greeting: 'hello' }); // no cache: parsed
    writeFileSync(join(dir, `${yamlCacheKey('greeting: hello\n')}.json`), '{"greeting":"from the cache"}');
    expect(readYamlFile(file, dir)).toEqual({ greeting: 'from the cache' });
    writeFileSync(file, 'greeting: edited\n');
    expect(readYamlFile(file, dir)).toEqual({ greeting: 'edited' });
  });

  it('the JSON of every message file is the same value as its YAML (nothing YAML-only in them)', () => {
    for (const f of readdirSync(defaultMessagesDir).filter((n) => n.endsWith('.yaml'))) {
      const value = parse(readFileSync(join(defaultMessagesDir, f), 'utf8'));
      expect(JSON.parse(JSON.stringify(value)), f).toEqual(value);
    }
  });
});
