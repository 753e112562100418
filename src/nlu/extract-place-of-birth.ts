import type { Slots } from './analysis.js';
import { findHospital } from './extract-hospital.js';
import { PhraseIndex } from './phrase-index.js';
import type { Tokens } from './tokenise.js';

type PlaceType = Slots['placeOfBirthType'];

const PLACES: [PlaceType, string][] = [
  [
    'home',
    'ghar|gharpe|gharme|घर|home|house|at home|makan|makaan|मकान|ghar par|ghar pe|ghar mein|ghar me|apne ghar',
  ],
  [
    'other',
    'raste|rasta|raste mein|रास्ते|रास्ते में|ambulance|एम्बुलेंस|एंबुलेंस|on the way|way to|gaadi|gadi|गाड़ी|train|ट्रेन|bus mein|auto|tempo|khet|खेत|other|anya|अन्य',
  ],
];
const INDEX = new PhraseIndex<PlaceType>(
  PLACES.flatMap(([type, s]) => s.split('|').map((w) => [w, type] as const)),
);
// "ghar ka pata" is an address, not where the child was born
const ADDRESS_AFTER = new Set(['ka', 'ki', 'ke', 'का', 'की', 'के', 'address', 'pata', 'पता', 'number', 'no']);
// "हमारे घर बेटा हुआ", "mere ghar beti hui": a child came to our family, not where it was born
// (unless a locative follows: "hamare ghar pe hua")
const FAMILY_BEFORE = new Set(['hamare', 'humare', 'hamaare', 'mere', 'हमारे', 'मेरे']);
const LOCATIVE_AFTER = new Set(['par', 'pe', 'pr', 'mein', 'me', 'mai', 'main', 'पर', 'में', 'मे']);
export interface PlaceOfBirth {
  type: PlaceType;
  /** the hospital's name, when the child was born in a named one */
  name: string | null;
}

/** Where the child was born. The caller decides the message is about the birth at all. */
export function extractPlaceOfBirth(t: Tokens): PlaceOfBirth | null {
  const hospital = findHospital(t);
  if (hospital) return { type: 'hospital', name: hospital.name };
  for (const hit of INDEX.findLongest(t.folded)) {
    if (hit.value === 'home' && ADDRESS_AFTER.has(t.folded[hit.end] ?? '')) continue;
    const family =
      hit.end - hit.start === 1 &&
      FAMILY_BEFORE.has(t.folded[hit.start - 1] ?? '') &&
      !LOCATIVE_AFTER.has(t.folded[hit.end] ?? '');
    if (hit.value === 'home' && family) continue;
    return { type: hit.value, name: null };
  }
  return null;
}
