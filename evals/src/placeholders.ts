import { TABLES, type TableName } from './case-schema.js';

// Cases from transcripts must not hard-code what a replay makes afresh: references become
// `{{ref:applications[0]}}` (the first application the conversation creates), and dates the
// citizen gave relatively ("kal") become `{{date:-1}}` (the case clock's day, minus one, IST).

export interface Bindings {
  /** references created so far in this trial, per table, oldest first */
  refs: Record<TableName, string[]>;
  /** the case clock, ms */
  now: number;
}

const PLACEHOLDER = /\{\{(ref|date):([^}]+)\}\}/g;
const REF = /^(applications|complaints|payments)\[(\d+)\]$/;
const IST_MS = 5.5 * 3_600_000;

/** The day `offset` days from the clock's day in India, YYYY-MM-DD. */
export function istDay(now: number, offset: number): string {
  return new Date(now + IST_MS + offset * 86_400_000).toISOString().slice(0, 10);
}

export const hasPlaceholders = (x: unknown): boolean => JSON.stringify(x ?? null).includes('{{');

/** Fills the placeholders of one string; one not bound yet (no such record) stays as written, so its check fails visibly. */
export function bindText(s: string, b: Bindings): string {
  return s.replace(PLACEHOLDER, (whole, kind: string, arg: string) => {
    if (kind === 'date') {
      const n = Number(arg);
      return Number.isInteger(n) ? istDay(b.now, n) : whole;
    }
    const m = REF.exec(arg.trim());
    return m ? (b.refs[m[1] as TableName][Number(m[2])] ?? whole) : whole;
  });
}

/** Every string inside a value, bound. */
export function bindDeep<T>(x: T, b: Bindings): T {
  if (typeof x === 'string') return bindText(x, b) as T;
  if (Array.isArray(x)) return x.map((v) => bindDeep(v, b)) as T;
  if (x && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, bindDeep(v, b)])) as T;
  return x;
}

/** References per table from store rows (oldest first). */
export function refsOf(state: Record<TableName, Record<string, unknown>[]>): Bindings['refs'] {
  return Object.fromEntries(
    TABLES.map((t) => [
      t,
      [...state[t]].sort((a, b) => Number(a.id) - Number(b.id)).map((r) => String(r.reference)),
    ]),
  ) as Bindings['refs'];
}
