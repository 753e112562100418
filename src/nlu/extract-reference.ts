import { asciiDigits } from '../lang/ascii-digits.js';

// BC-2026-000123, "bc 2026 000123", "BC2026000123", "hc-2026-45", "PAY 2026 000001", and the
// references of the services in the cases table (CC-, IC-, DC-: src/services/*/definition.ts;
// a test keeps this list and the registry's prefixes the same, so the NLU need not load the registry).
// Devanagari spellings of the prefixes: "बीसी-2026-000417"; digits in either script ("CC-२०२६-०००००१").
export const REFERENCE_PREFIXES: Record<string, string> = {
  bc: 'BC',
  hc: 'HC',
  pay: 'PAY',
  cc: 'CC',
  ic: 'IC',
  dc: 'DC',
  बीसी: 'BC',
  एचसी: 'HC',
  पे: 'PAY',
  सीसी: 'CC',
  आईसी: 'IC',
  डीसी: 'DC',
};
const D = '[0-9\u0966-\u096F]';
const REFERENCE = new RegExp(
  `(?<![a-z0-9\\u0900-\\u097F])(${Object.keys(REFERENCE_PREFIXES).join('|')})\\s*[-_/.]?\\s*([2\\u0968][0\\u0966]${D}{2})\\s*[-_/.]?\\s*(${D}{1,6})(?!${D})`,
  'giu',
);
const DIGITS = /(?<![\d/.:-])\d{1,6}(?![\d/:-]|\.\d)/g;

/** Canonical upper-case references with dashes and a six-digit serial, in order, without repeats. */
export function extractReferences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const ref = `${REFERENCE_PREFIXES[m[1].toLowerCase()]}-${asciiDigits(m[2])}-${asciiDigits(m[3]).padStart(6, '0')}`;
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}

/** The text with every prefixed reference blanked out, so PIN and date finders do not see its digits. */
export function withoutReferences(text: string): string {
  return text.replace(REFERENCE, ' ');
}

/**
 * Bare serial numbers ("000123", "123") a citizen typed for a reference without its prefix.
 * Only meaningful when the message is about status or the engine asked for a reference.
 */
export function extractReferenceDigits(text: string): string[] {
  return [...withoutReferences(text).matchAll(DIGITS)].map((m) => m[0]);
}
