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
// (unless a locative follows: "hamare ghar pe hua", or nothing does: "mere ghar" answers where)
const FAMILY_BEFORE = new Set(['hamare', 'humare', 'hamaare', 'mere', 'हमारे', 'मेरे']);
const LOCATIVE_AFTER = new Set(['par', 'pe', 'pr', 'mein', 'me', 'mai', 'main', 'पर', 'में', 'मे']);
// "in our village", "gaon mein", "गाँव में हुआ": a birth in the village is a birth at home there
// (not "village Rampur" of an address, nor "gaon ka pata", nor "gaon mein rehte hain")
const VILLAGE = new Set([
  'gaon',
  'gaanv',
  'gaav',
  'gav',
  'gaw',
  'ganv',
  'gau',
  'village',
  'गाँव',
  'गांव',
  'गाव',
]);
const IN_BEFORE = new Set(['in', 'at']);
const OWN_BEFORE = new Set([
  'our',
  'my',
  'the',
  'apne',
  'apna',
  'hamare',
  'humare',
  'mere',
  'hamara',
  'mera',
  'अपने',
  'हमारे',
  'मेरे',
]);
const LIVING_AFTER = new Set([
  'rehte',
  'rahte',
  'rehti',
  'rahti',
  'rehta',
  'rahta',
  'live',
  'lives',
  'living',
  'stay',
  'रहते',
  'रहती',
  'रहता',
]);

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
    // "home address 12 …" is an address; "at home, address 12 …" a home birth and its address
    const joined = !t.breakAfter[hit.end - 1];
    if (hit.value === 'home' && joined && ADDRESS_AFTER.has(t.folded[hit.end] ?? '')) continue;
    const family =
      hit.end - hit.start === 1 &&
      hit.end < t.folded.length &&
      FAMILY_BEFORE.has(t.folded[hit.start - 1] ?? '') &&
      !LOCATIVE_AFTER.has(t.folded[hit.end] ?? '');
    if (hit.value === 'home' && family) continue;
    return { type: hit.value, name: null };
  }
  return inVillage(t) ? { type: 'home', name: null } : null;
}

/** "in our village", "gaon mein", "apne gaon", "गाँव में": where the birth happened, said of the village. */
function inVillage(t: Tokens): boolean {
  return t.folded.some((w, i) => {
    if (!VILLAGE.has(w)) return false;
    const next = t.breakAfter[i] ? undefined : t.folded[i + 1];
    if (next !== undefined && ADDRESS_AFTER.has(next)) return false;
    const after = t.folded.slice(i + 1, i + 4);
    if (after.some((a) => LIVING_AFTER.has(a))) return false;
    const before = t.folded[i - 1];
    const twoBefore = t.folded[i - 2];
    const locativeBefore =
      (before !== undefined && IN_BEFORE.has(before)) ||
      (before !== undefined && OWN_BEFORE.has(before) && twoBefore !== undefined && IN_BEFORE.has(twoBefore));
    const locativeAfter = next !== undefined && LOCATIVE_AFTER.has(next);
    // "apne gaon", "village" as the whole answer (or its clause)
    const own = t.folded.length === 1 || (before !== undefined && OWN_BEFORE.has(before) && before !== 'the');
    return locativeBefore || locativeAfter || (next === undefined && own);
  });
}
