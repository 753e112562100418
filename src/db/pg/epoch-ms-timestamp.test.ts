import { describe, expect, it } from 'vitest';
import { parsePgTimestamp } from './epoch-ms-timestamp.js';

describe('parsePgTimestamp', () => {
  it('reads what PostgreSQL prints for timestamptz in any session time zone', () => {
    const t = Date.UTC(2026, 11, 2, 18, 29, 20, 123);
    expect(parsePgTimestamp('2026-12-02 18:29:20.123+00')).toBe(t);
    expect(parsePgTimestamp('2026-12-02 23:59:20.123+05:30')).toBe(t);
    expect(parsePgTimestamp('2026-12-02 13:29:20.123-05')).toBe(t);
    expect(parsePgTimestamp('2026-12-02T18:29:20.123Z')).toBe(t);
    expect(parsePgTimestamp('2026-12-02 18:29:20.123456+00')).toBe(t);
    expect(parsePgTimestamp('2026-12-02 18:29:20+00')).toBe(t - 123);
    expect(parsePgTimestamp('1970-01-01 00:00:00.001+00')).toBe(1);
  });

  it('refuses what is not a timestamp', () => {
    expect(() => parsePgTimestamp('yesterday')).toThrow(/not a PostgreSQL timestamp/);
  });
});
