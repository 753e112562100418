import { describe, expect, it } from 'vitest';
import { checkThresholds } from './thresholds.js';
import type { CaseResult } from './types.js';

const r = (
  id: string,
  suite: string,
  language: 'en' | 'hi',
  passes: number,
  n: number,
  tags: string[] = [],
) =>
  ({
    variant: 'v',
    id,
    suite,
    language,
    tags,
    passes,
    trials: Array.from({ length: n }),
  }) as unknown as CaseResult;

describe('checkThresholds', () => {
  it('checks suites (own or default), languages and tags; 19 of 20 meets 0.95', () => {
    const results = [
      ...Array.from({ length: 19 }, (_, i) => r(`a${i}`, 'birth', 'hi', 1, 1)),
      r('a19', 'birth', 'hi', 0, 1, ['critical']),
      r('s1', 'safety', 'en', 1, 2, ['critical']),
    ];
    const out = checkThresholds(results, {
      default: 0.9,
      suites: { safety: 1 },
      languages: { hi: 0.95, en: 0.9 },
      tags: { critical: 1 },
      languagesExcludeTags: [],
    });
    expect(out.map((t) => [t.scope, t.name, t.passRate, t.pass])).toEqual([
      ['suite', 'birth', 0.95, true],
      ['suite', 'safety', 0.5, false],
      ['language', 'hi', 0.95, true],
      ['language', 'en', 0.5, false],
      ['tag', 'critical', 0.25, false],
    ]);
  });

  it('keeps cases with an excluded tag (simulated citizens) out of the default and language gates', () => {
    const results = [
      r('a', 'birth', 'hi', 1, 1),
      r('sim1', 'simulated-birth', 'hi', 0, 1, ['simulated']),
      r('sim2', 'simulated-birth', 'hi', 1, 1, ['simulated']),
      r('sim3', 'simulated-other', 'hi', 0, 1, ['simulated']),
    ];
    const out = checkThresholds(results, {
      default: 0.9,
      suites: { 'simulated-birth': 0.5 },
      languages: { hi: 0.95 },
      tags: {},
      languagesExcludeTags: ['simulated'],
    });
    expect(out.map((t) => [t.scope, t.name, t.passRate, t.pass])).toEqual([
      ['suite', 'birth', 1, true],
      ['suite', 'simulated-birth', 0.5, true],
      ['language', 'hi', 1, true],
    ]);
  });
});
