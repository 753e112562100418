import { customType } from 'drizzle-orm/pg-core';

/**
 * Parses what PostgreSQL prints for a timestamptz ('2026-12-02 18:29:20.123+00', offsets
 * like +05:30 or +05, up to microseconds) into epoch milliseconds. Drizzle's node-postgres
 * driver hands timestamps over as these strings; Date.parse is not specified for them.
 */
export function parsePgTimestamp(text: string): number {
  const m =
    /^(\d{4,})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?:([+-])(\d\d)(?::?(\d\d))?(?::(\d\d))?|Z)?$/.exec(
      text.trim(),
    );
  if (!m) throw new Error(`not a PostgreSQL timestamp: ${text}`);
  const [, y, mo, d, h, mi, s, frac, sign, oh, om, os] = m;
  const ms = frac ? Math.floor(Number(frac.padEnd(6, '0')) / 1000) : 0;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const offset = ((Number(oh ?? 0) * 60 + Number(om ?? 0)) * 60 + Number(os ?? 0)) * 1000;
  return sign === '-' ? utc + offset : utc - offset;
}

/**
 * A timestamptz column (millisecond precision) that the code reads and writes as epoch
 * milliseconds, exactly like the SQLite schema's integer timestamps: the code above the
 * storage keeps one type for time, while PostgreSQL keeps a real timestamp (date_trunc,
 * intervals, readable in psql).
 */
export const epochMs = customType<{ data: number; driverData: string }>({
  dataType: () => 'timestamp(3) with time zone',
  toDriver: (value) => new Date(value).toISOString(),
  fromDriver: (value) => parsePgTimestamp(String(value)),
});
