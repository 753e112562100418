import type { StoreState } from '../types.js';

const REFERENCE = /\b(?:BC|HC|PAY)-\d{4}-\d{3,8}\b/gi;

/** Every reference-looking token in a text, upper-cased. */
export function referencesIn(text: string): string[] {
  return [...new Set((text.match(REFERENCE) ?? []).map((r) => r.toUpperCase()))];
}

// The format examples the design and the message catalogue use ("it looks like BC-2026-000123"):
// shown as a pattern, not as a record. Seeded eval records never use these numbers.
export const EXAMPLE_REFERENCES: ReadonlySet<string> = new Set(['BC-2026-000123', 'HC-2026-000045']);

const TYPED = /(bc|hc|pay)[\s\-/_.]*(\d{4})[\s\-/_.]*(\d{1,6})(?!\d)/gi;

/** References as citizens type them ("bc 2026 417"), in canonical form. */
export function typedReferences(text: string): string[] {
  const ascii = text.normalize('NFC').replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966));
  return [...ascii.matchAll(TYPED)].map((m) => `${m[1].toUpperCase()}-${m[2]}-${m[3].padStart(6, '0')}`);
}

/**
 * Grounding: every reference the assistant mentions exists in the store and belongs to
 * the citizen. `all` is the whole store (seeded records included). A reference the citizen
 * typed may be echoed ("no application BC-2026-999999 found"): that invents nothing.
 */
export function checkGrounding(
  replyText: string,
  all: StoreState,
  waId: string,
  citizenText = '',
): { pass: boolean; ungrounded: string[]; foreign: string[] } {
  const typed = new Set(typedReferences(citizenText));
  const owner = new Map<string, string>();
  for (const rows of Object.values(all)) for (const r of rows) owner.set(String(r.reference), String(r.waId));
  const ungrounded: string[] = [];
  const foreign: string[] = [];
  for (const ref of referencesIn(replyText)) {
    if (typed.has(ref) || EXAMPLE_REFERENCES.has(ref)) continue;
    const who = owner.get(ref);
    if (who === undefined) ungrounded.push(ref);
    else if (who !== waId) foreign.push(ref);
  }
  return { pass: ungrounded.length === 0 && foreign.length === 0, ungrounded, foreign };
}
