// BC-2026-000123, "bc 2026 000123", "BC2026000123", "hc-2026-45", "PAY 2026 000001"
// Devanagari spellings of the prefixes: "बीसी-2026-000417" (digits are ASCII after normalise)
const PREFIX: Record<string, string> = { bc: 'BC', hc: 'HC', pay: 'PAY', बीसी: 'BC', एचसी: 'HC', पे: 'PAY' };
const REFERENCE =
  /(?<![a-z0-9\u0900-\u097F])(bc|hc|pay|बीसी|एचसी|पे)\s*[-_/.]?\s*(20\d{2})\s*[-_/.]?\s*(\d{1,6})(?!\d)/giu;
const DIGITS = /(?<![\d/.:-])\d{1,6}(?![\d/:-]|\.\d)/g;

/** Canonical upper-case references with dashes and a six-digit serial, in order, without repeats. */
export function extractReferences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REFERENCE)) {
    const ref = `${PREFIX[m[1].toLowerCase()]}-${m[2]}-${m[3].padStart(6, '0')}`;
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
