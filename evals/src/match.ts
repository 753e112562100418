import { foldForMatch } from '../../src/lang/normalise.js';
import type { FieldExpectation } from './case-schema.js';

type Scalar = string | number | boolean | null;

/** Unicode-normalised, case- and punctuation-insensitive form (NFC, nukta, ZWJ, Devanagari digits). */
export const fold = (s: string): string => foldForMatch(s);

/** `needle` occurs in `haystack` after folding both. */
export function textContains(haystack: string, needle: string): boolean {
  return fold(haystack).includes(fold(needle));
}

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

function scalarMatches(expected: Scalar, actual: unknown): boolean {
  if (expected === null) return isEmpty(actual);
  if (isEmpty(actual)) return expected === '';
  if (typeof expected === 'boolean') return actual === expected || actual === (expected ? 1 : 0);
  if (typeof expected === 'number') return Number(actual) === expected;
  if (typeof actual === 'string' || typeof actual === 'number')
    return fold(String(actual)) === fold(expected);
  return false;
}

/** Does one field value satisfy its expectation (exact, alternatives, contains, absent, present)? */
export function fieldMatches(expected: FieldExpectation, actual: unknown): boolean {
  if (Array.isArray(expected)) return expected.some((e) => scalarMatches(e, actual));
  if (expected !== null && typeof expected === 'object') {
    if ('anyOf' in expected) return expected.anyOf.some((e) => scalarMatches(e, actual));
    if ('contains' in expected) return !isEmpty(actual) && textContains(String(actual), expected.contains);
    if ('absent' in expected) return isEmpty(actual);
    if ('present' in expected) return !isEmpty(actual);
    if ('not' in expected) {
      const wrong = Array.isArray(expected.not) ? expected.not : [expected.not];
      return !isEmpty(actual) && !wrong.some((w) => scalarMatches(w, actual));
    }
  }
  return scalarMatches(expected as Scalar, actual);
}

export interface FieldMismatch {
  field: string;
  expected: FieldExpectation;
  actual: unknown;
}

/** Field-by-field comparison of a partial expectation with an object. */
export function matchFields(
  expected: Record<string, FieldExpectation>,
  actual: Record<string, unknown>,
  exact = false,
): { matched: number; total: number; mismatches: FieldMismatch[] } {
  const mismatches: FieldMismatch[] = [];
  let matched = 0;
  const entries = Object.entries(expected);
  for (const [field, exp] of entries) {
    if (fieldMatches(exp, actual[field])) matched += 1;
    else mismatches.push({ field, expected: exp, actual: actual[field] ?? null });
  }
  let total = entries.length;
  if (exact) {
    for (const [field, value] of Object.entries(actual)) {
      if (field in expected || isEmpty(value)) continue;
      total += 1;
      mismatches.push({ field, expected: { absent: true }, actual: value });
    }
  }
  return { matched, total, mismatches };
}
