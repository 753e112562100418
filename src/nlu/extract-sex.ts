import type { Slots } from './analysis.js';
import { PhraseIndex } from './phrase-index.js';

type Sex = Slots['sex'];

const WORDS: [Sex, string][] = [
  [
    'male',
    'beta bete betaa bitwa ladka ladke larka larke chhora छोरा boy son sons male putra baalak balak बेटा बेटे लड़का लड़के पुत्र बालक grandson pota pote पोता पोते nati नाती nephew bhatija भतीजा',
  ],
  [
    'female',
    'beti bitiya betiya ladki larki girl gril grl gurl daughter daughters female putri baalika balika bachchi bacchi bachi chhori छोरी बेटी बिटिया लड़की पुत्री बालिका बच्ची granddaughter poti पोती natin नातिन niece bhatiji भतीजी',
  ],
  ['transgender', 'transgender kinnar किन्नर ट्रांसजेंडर'],
];
const PHRASES: [Sex, string][] = [
  ['male', 'baby boy|boy child|male child|लड़का हुआ'],
  ['female', 'baby girl|girl child|female child|लड़की हुई'],
  ['transgender', 'third gender|trans gender|तृतीय लिंग'],
];
// only when the engine asked "boy or girl?"
const BARE: [Sex, string][] = [
  ['male', 'm|purush|पुरुष|nar|मेल'],
  ['female', 'f|mahila|महिला|stri|स्त्री|फीमेल'],
  ['transgender', 't|tg|other|anya|अन्य'],
];

const split = (list: [Sex, string][], sep: string | RegExp) =>
  list.flatMap(([sex, s]) => s.split(sep).map((w) => [w, sex] as const));
const INDEX = new PhraseIndex<Sex>([...split(WORDS, ' '), ...split(PHRASES, '|')]);
const BARE_INDEX = new PhraseIndex<Sex>(split(BARE, '|'));
const NEGATION_AFTER = new Set(['nahi', 'nhi', 'nahin', 'na', 'नहीं', 'नही', 'न']);
const NEGATION_BEFORE = new Set(['not']);
const ARTICLES = new Set(['a', 'an', 'the']);
const OF = new Set(['ki', 'ka', 'ke', 'की', 'का', 'के', 's', 'of']);

/** The child's sex from folded tokens; "ladka nahi, ladki hai" → female (the last mention not negated). */
export function extractSex(folded: readonly string[], opts: { bare?: boolean } = {}): Sex | null {
  const hits = INDEX.findLongest(folded);
  if (hits.length === 0 && opts.bare && folded.length <= 3) {
    const bare = BARE_INDEX.findLongest(folded);
    return bare.length === 1 ? bare[0].value : null;
  }
  let chosen: (typeof hits)[number] | null = null;
  for (const h of hits) {
    const before = ARTICLES.has(folded[h.start - 1] ?? '') ? folded[h.start - 2] : folded[h.start - 1];
    const negated = NEGATION_AFTER.has(folded[h.end] ?? '') || NEGATION_BEFORE.has(before ?? '');
    if (negated) continue;
    // "ek beta ek beti" (twins, or two children): which one is this application for? Ask. "bete
    // ki beti", "my son's daughter": the child is the one the other is of
    if (chosen && chosen.value !== h.value && !OF.has(folded[chosen.end] ?? '')) return null;
    chosen = h;
  }
  return chosen?.value ?? null;
}
