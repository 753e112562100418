import { describe, expect, it } from 'vitest';
import { exec } from '../src/storage/operation.js';
import { testDialects, useStore } from '../src/testing/store-dialects.js';
import { nextReference, parseReference } from './references.js';

describe.each(testDialects)('nextReference on %s', (dialect) => {
  const store = useStore(dialect);
  const next = (prefix: string, year: number) => store().transaction(nextReference(prefix, year));

  it('counts per prefix and year, six digits', async () => {
    const got: string[] = [];
    for (const [p, y] of [
      ['BC', 2026],
      ['BC', 2026],
      ['HC', 2026],
      ['BC', 2027],
      ['PAY', 2026],
    ] as const)
      got.push(await next(p, y));
    expect(got).toEqual([
      'BC-2026-000001',
      'BC-2026-000002',
      'HC-2026-000001',
      'BC-2027-000001',
      'PAY-2026-000001',
    ]);
  });

  it('continues from the stored counter', async () => {
    await store().transaction(function* ({ db, t }) {
      yield* exec(db.insert(t.counters).values({ name: 'HC-2026', value: 44 }));
    });
    expect(await next('HC', 2026)).toBe('HC-2026-000045');
  });

  it('never hands out one number twice, with 40 transactions at once', async () => {
    const got = await Promise.all(Array.from({ length: 40 }, () => next('IC', 2026)));
    expect(new Set(got).size).toBe(40);
    expect(got.map((r) => Number(r.slice(-6))).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
  });
});

describe('parseReference', () => {
  it.each([
    ['BC-2026-000123', 'BC-2026-000123'],
    ['bc-2026-000123', 'BC-2026-000123'],
    ['my number is bc 2026 123 please', 'BC-2026-000123'],
    ['BC2026000123', 'BC-2026-000123'],
    ['hc/2026/45', 'HC-2026-000045'],
    ['pay-2026-1', 'PAY-2026-000001'],
    ['BC-२०२६-०००१२३', 'BC-2026-000123'],
  ])('%s → %s', (input, expected) => {
    expect(parseReference(input)).toBe(expected);
  });

  it.each(['hello', 'abc-2026-1', '2026-000123', 'BC-26-1'])('%s → null', (input) => {
    expect(parseReference(input)).toBeNull();
  });
});
