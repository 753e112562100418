import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open-database.js';
import { nextReference, parseReference } from './references.js';

describe('nextReference', () => {
  it('counts per prefix and year, six digits', () => {
    const db = openDatabase({ path: ':memory:' });
    expect([
      nextReference(db, 'BC', 2026),
      nextReference(db, 'BC', 2026),
      nextReference(db, 'HC', 2026),
      nextReference(db, 'BC', 2027),
      nextReference(db, 'PAY', 2026),
    ]).toEqual(['BC-2026-000001', 'BC-2026-000002', 'HC-2026-000001', 'BC-2027-000001', 'PAY-2026-000001']);
  });

  it('continues from the stored counter', () => {
    const db = openDatabase({ path: ':memory:' });
    db.$client.prepare("insert into counters (name, value) values ('HC-2026', 44)").run();
    expect(nextReference(db, 'HC', 2026)).toBe('HC-2026-000045');
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
