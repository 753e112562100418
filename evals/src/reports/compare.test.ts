import { describe, expect, it } from 'vitest';
import { compareReports, comparisonText, parseBaseline } from './compare.js';

const c = (id: string, passes: number, n = 1, language = 'hi') => ({
  variant: 'offline',
  id,
  suite: 'birth',
  language,
  passes,
  trials: Array.from({ length: n }, () => ({})),
});

describe('compareReports', () => {
  it('lists regressions, improvements, new and removed cases, and group deltas', () => {
    const before = parseBaseline(JSON.stringify({ cases: [c('a', 1), c('b', 0), c('c', 1), c('gone', 1)] }));
    const after = { cases: [c('a', 0), c('b', 1), c('c', 1), c('new', 1, 1, 'en')] } as never;
    const cmp = compareReports(before, after);
    expect(cmp.regressions).toEqual([
      { variant: 'offline', id: 'a', suite: 'birth', language: 'hi', before: 1, after: 0 },
    ]);
    expect(cmp.improvements.map((x) => x.id)).toEqual(['b']);
    expect(cmp.added.map((x) => x.id)).toEqual(['new']);
    expect(cmp.removed.map((x) => x.id)).toEqual(['gone']);
    expect(cmp.unchanged).toBe(1);
    expect(cmp.groups).toEqual([
      { key: 'offline / birth', before: 2 / 3, after: 2 / 3 },
      { key: 'offline / hi', before: 2 / 3, after: 2 / 3 },
    ]);
    expect(comparisonText(cmp)).toMatch(/regressions \(1\):\n {2}▼ offline a {2}100\.0% → 0\.0%/);
  });

  it('compares pass rates over repeated trials', () => {
    const cmp = compareReports(parseBaseline(JSON.stringify({ cases: [c('a', 3, 3)] })), {
      cases: [c('a', 2, 3)],
    } as never);
    expect(cmp.regressions[0]).toMatchObject({ before: 1, after: 2 / 3 });
  });

  it('rejects a file that is not a report', () => {
    expect(() => parseBaseline('{"items": []}')).toThrow();
  });
});
