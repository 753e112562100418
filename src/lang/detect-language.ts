import type { Lang, Script } from './language.js';
import { AMBIGUOUS_HINGLISH, ENGLISH_MARKERS, STRONG_HINGLISH, WEAK_ENGLISH } from './lexicon/hinglish.js';
import { foldNormalised, normalise, tokens } from './normalise.js';

export interface DetectedLanguage {
  /** null: too short or neutral to tell ("ok", "1234", an emoji, a bare name) */
  lang: Lang | null;
  script: Script;
  /** share of the Latin-script evidence that is romanized Hindi, in [0, 1] */
  hinglishScore: number;
}

const HINGLISH_WEIGHT = new Map<string, number>(AMBIGUOUS_HINGLISH);
for (const w of STRONG_HINGLISH) if (!HINGLISH_WEIGHT.has(w)) HINGLISH_WEIGHT.set(w, 1);
const ENGLISH = new Set(ENGLISH_MARKERS.filter((w) => !HINGLISH_WEIGHT.has(w)));
// half of a plain English word, and less than what "District Hospital Agra" would need to count
const WEAK_WEIGHT = 0.4;
const WEAK = new Set(WEAK_ENGLISH.filter((w) => !HINGLISH_WEIGHT.has(w) && !ENGLISH.has(w)));

const POSTAL = /(?<!\d)[1-9]\d{2}\s?\d{3}(?!\d)/;
// Words that Indian addresses are written with in every language ("Gali 4, Shanti Nagar", "Mohalla
// Qazi", "Ram Mandir"): an English citizen's address is not Hinglish because of them
const ADDRESS_WORDS = new Set(
  'gali galli mohalla mohalla muhalla nagar ganj gaon gaanv gav gram zila jila tola basti bazar bazaar chowk chauraha marg mandir masjid puram pur vihar kunj tehsil thana shahar kothi haveli'.split(
    ' ',
  ),
);
const DEVANAGARI_LETTER = /[\u0900-\u0963\u0971-\u097F]/g;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/g;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Script by Unicode ranges; Latin text is Hinglish or English by a lexicon of romanized Hindi. */
export function detectLanguage(text: string): DetectedLanguage {
  const normalised = normalise(text);
  return languageOf(normalised, tokens(foldNormalised(normalised)));
}

/** detectLanguage for text already normalised and folded into tokens. */
export function languageOf(normalised: string, folded: readonly string[]): DetectedLanguage {
  const devanagari = count(normalised, DEVANAGARI_LETTER);
  const latin = count(normalised, LATIN_LETTER);
  if (devanagari === 0 && latin === 0) return { lang: null, script: 'none', hinglishScore: 0 };
  if (devanagari >= latin) return { lang: 'hi', script: 'devanagari', hinglishScore: 0 };

  let hindi = 0;
  let english = 0;
  let words = 0;
  for (const token of folded) {
    if (!/[a-z]/.test(token)) continue;
    words += 1;
    if (ADDRESS_WORDS.has(token)) continue;
    const w = HINGLISH_WEIGHT.get(token);
    if (w !== undefined) hindi += w;
    else if (ENGLISH.has(token)) english += 1;
    else if (WEAK.has(token)) english += WEAK_WEIGHT;
  }
  const hinglishScore = hindi + english === 0 ? 0 : round(hindi / (hindi + english));
  // an address with its PIN ("c-45 lajpat nagar new delhi 110024") is names and numbers: one
  // stray "new" or "gali" does not tell the language
  if (POSTAL.test(normalised) && hindi < 2 && english < 2)
    return { lang: null, script: 'latin', hinglishScore };
  return { lang: decide(hindi, english, words), script: 'latin', hinglishScore };
}

function decide(hindi: number, english: number, words: number): Lang | null {
  if (hindi >= 1 && hindi >= english) return 'hinglish';
  // "thank you", "my status", "yes please": too little to move a citizen off their language
  if (words <= 2 && hindi < 1 && english < 2) return null;
  // "District Hospital Agra" is a name, not English: service words alone need to add up
  if (english > hindi && english >= 1) return 'en';
  // names, places and house numbers only ("22 sector 4 ashok vihar"): nothing to go by
  return null;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
