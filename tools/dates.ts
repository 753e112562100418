// Citizens live in India (UTC+5:30, no daylight saving): "today" and "days since birth"
// are counted on the Indian calendar, whatever the server's time zone.
const IST_OFFSET_MS = 330 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    d.getUTCFullYear() === Number(m[1]) &&
    d.getUTCMonth() === Number(m[2]) - 1 &&
    d.getUTCDate() === Number(m[3])
  );
}

/** The date in India at this instant, YYYY-MM-DD. */
export function indiaDate(at: Date | number): string {
  return new Date(new Date(at).getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `date` (YYYY-MM-DD) to today in India; negative for a future date. */
export function daysSince(date: string, now: Date): number {
  const from = Date.parse(`${date}T00:00:00Z`);
  const today = Date.parse(`${indiaDate(now)}T00:00:00Z`);
  return Math.round((today - from) / DAY_MS);
}

/** A date as Indians write it: 14/03/2026. */
export function displayDate(date: string): string {
  const m = ISO_DATE.exec(date);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : date;
}

/** ₹50, ₹50.50: whole rupees without decimals. */
export function rupees(paise: number): string {
  return paise % 100 === 0 ? `₹${paise / 100}` : `₹${(paise / 100).toFixed(2)}`;
}
