import type { Lang } from '../lang/language.js';
import { DISTRICTS } from './lexicon/districts.js';

const DEVANAGARI = /[\u0900-\u097F]/;
const hindiName = new Map<string, string>();
for (const d of DISTRICTS) {
  const hi = d.forms.find((f) => DEVANAGARI.test(f));
  if (hi) hindiName.set(d.name.toLowerCase(), hi);
}

/**
 * A district as the citizen reads it: records keep the canonical English name (staff and
 * the API filter on it), a Hindi summary shows the Devanagari name when the gazetteer has one.
 */
export function districtLabel(district: string, lang: Lang): string {
  const name = district.trim();
  if (lang !== 'hi') return name;
  return hindiName.get(name.toLowerCase()) ?? name;
}
