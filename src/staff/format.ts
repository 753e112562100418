// Staff work in India: every timestamp is shown in IST whatever the server's zone.
// Built on first use: the first time-zone formatter loads ICU's zone data (≈70 ms), which a
// server starting up (and answering citizens) does not need before a staff page is shown.
let dateTime: Intl.DateTimeFormat | undefined;
let day: Intl.DateTimeFormat | undefined;
const dateTimeFormat = () =>
  new Intl.DateTimeFormat('en-IN', {
    timeZone: 'Asia/Kolkata',
    day: '2-digit',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
const dayFormat = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Kolkata',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });

export function formatTime(ms: number | null | undefined): string {
  if (ms == null) return '—';
  dateTime ??= dateTimeFormat();
  return dateTime.format(new Date(ms));
}
/** YYYY-MM-DD of the IST calendar day */
export function istDay(ms: number): string {
  day ??= dayFormat();
  return day.format(new Date(ms));
}
/** start of an IST calendar day (YYYY-MM-DD) in epoch ms, or null when malformed */
export function istDayStart(d: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return null;
  const ms = Date.parse(`${d}T00:00:00+05:30`);
  return Number.isNaN(ms) ? null : ms;
}
export const DAY_MS = 24 * 60 * 60 * 1000;

export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  const h = Math.floor(abs / 3_600_000);
  if (h >= 48) return `${Math.floor(h / 24)} d`;
  if (h >= 1) return `${h} h`;
  return `${Math.max(1, Math.floor(abs / 60_000))} min`;
}
