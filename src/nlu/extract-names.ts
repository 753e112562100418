import { foldNormalised } from '../lang/normalise.js';
import type { SlotName } from './analysis.js';
import { displayWord, nameLike, nameLikeLoose } from './name-words.js';
import { PhraseIndex } from './phrase-index.js';
import type { Tokens } from './tokenise.js';

type Role = 'childName' | 'motherName' | 'fatherName' | 'generic' | 'self';
/** bare: a relation word alone ("maa Rekha") counts only when a name follows at once */
type Cue = { role: Role; bare: boolean };

const CUES: [Role, boolean, string][] = [
  [
    'generic',
    false,
    `naam|nam|name|नाम|naam hai|name is|uska naam|uska nam|its name|his name|her name|named|called|named her|named him
named the baby|named our baby|we named her|we named him|called her|called him|we call her|we call him|naam rakha hai`,
  ],
  [
    'childName',
    false,
    `beti ka naam|bete ka naam|beta ka naam|bachche ka naam|bacche ka naam|bachchi ka naam|bachi ka naam|baby ka naam|bitiya ka naam
baby name|baby s name|babys name|child s name|childs name|child name|daughter s name|daughters name|daughter name|son s name
sons name|son name|बच्चे का नाम|बेटी का नाम|बेटे का नाम|शिशु का नाम|बच्ची का नाम|बिटिया का नाम|ladki ka naam|ladke ka naam`,
  ],
  [
    'motherName',
    false,
    `maa ka naam|ma ka naam|mata ka naam|mataji ka naam|mata ji ka naam|mummy ka naam|mammi ka naam|amma ka naam|patni ka naam
wife ka naam|biwi ka naam|mother ka naam|mother s name|mothers name|mother name|wife s name|wifes name|wife name|माँ का नाम
माता का नाम|मम्मी का नाम|पत्नी का नाम|माता जी का नाम|maa ka nam|mata ka nam|m n|mother s n`,
  ],
  [
    'motherName',
    true,
    'maa|mata|mataji|mummy|mother|mom|wife|patni|मां|माता|मम्मी|पत्नी|maa hai|mother is|mata hai',
  ],
  [
    'fatherName',
    false,
    `pita ka naam|pitaji ka naam|pita ji ka naam|papa ka naam|father ka naam|pati ka naam|husband ka naam|father s name
fathers name|father name|husband s name|husbands name|husband name|पिता का नाम|पिताजी का नाम|पापा का नाम|पति का नाम
pita ka nam|papa ka nam|f n|father s n`,
  ],
  ['fatherName', true, 'pita|pitaji|papa|father|dad|husband|pati|पिता|पिताजी|पापा|पति|pita hai|father is'],
  ['self', false, 'mera naam|mera nam|my name|my name is|मेरा नाम|i am|main hoon|mai hu|main hu|this is'],
];

const INDEX = new PhraseIndex<Cue>(
  CUES.flatMap(([role, bare, s]) => s.split(/[|\n]/).map((p) => [p, { role, bare }] as const)),
);

const BLANK = new PhraseIndex<true>(
  `naam abhi nahi rakha|naam nahi rakha|naam nhi rakha|abhi naam nahi|abhi tak naam nahi|naam abhi tak nahi|koi naam nahi
naam tay nahi|haven t named|havent named|have not named|didn t name|not given a name|yet to name|yet to be named|nahi rakha|abhi nahi rakha|rakha nahi|abhi rakha nahi|नहीं रखा|रखा नहीं|not decided|not yet decided|naam abhi socha nahi|abhi socha nahi|naam socha nahi|naam nahi socha|naam decide nahi|नाम नहीं सोचा|नाम अभी सोचा नहीं|naam baad mein|naam baad me|baad mein rakhenge|no name yet|not named yet|not yet named|name not decided
not named|no name|unnamed|name later|नाम अभी नहीं रखा|नाम नहीं रखा|अभी नाम नहीं|अभी तक नाम नहीं|नाम बाद में|नाम तय नहीं`
    .split(/[|\n]/)
    .map((p) => [p, true] as const),
);

// answers to "what is the child's name?" that mean "none yet"
const NOT_YET = new PhraseIndex<true>(
  'abhi nahi|not yet|none|baad mein|baad me|later|abhi koi nahi|अभी नहीं|बाद में|koi nahi'
    .split('|')
    .map((p) => [p, true] as const),
);

const RELATION_OF = new Set([
  'w o',
  's o',
  'd o',
  'c o',
  'wife of',
  'son of',
  'daughter of',
  'पत्नी',
  'पुत्र',
  'पुत्री',
]);

const HONORIFIC = new Set([
  'shri',
  'sri',
  'shree',
  'smt',
  'shrimati',
  'mr',
  'mrs',
  'ms',
  'dr',
  'श्री',
  'श्रीमती',
  'डॉ',
  // "Km. Pooja", "Late Shri Ram Prasad", "स्व. श्री रामप्रसाद": titles, not part of the legal name
  'km',
  'kum',
  'kumari',
  'sushri',
  'late',
  'swargiya',
  'कु',
  'कुमारी',
  'सुश्री',
  'स्व',
  'स्वर्गीय',
  'is',
  'hai',
  'है',
  'ji',
  // "naam abhi Ayush rakha hai", "naam to Sara hai": fillers between the cue and the name
  'abhi',
  'अभी',
  'to',
  'toh',
  'तो',
]);
const AFTER_NAME = new Set([
  'hai',
  'h',
  'he',
  'है',
  'rakha',
  'rakhi',
  'रखा',
  'rakhna',
  'rakhenge',
  'tha',
  'thi',
  'था',
]);
const DENIED = new Set(['nahi', 'nhi', 'nahin', 'nai', 'नहीं', 'नही']);
const NAME_SLOTS = new Set<SlotName>(['childName', 'motherName', 'fatherName']);

export type Names = Partial<{
  childName: string;
  motherName: string;
  fatherName: string;
  childNameBlank: true;
}>;

// Given names that are also everyday Hindi words ("diya" = gave, "rakhi", "bina" = without): only ever
// read where a name is expected (after a name cue, or as the answer to a name question).
const WORD_NAMES = new Set(['diya', 'diyaa', 'दिया', 'rakhi', 'राखी', 'bina', 'beena', 'bani', 'sham']);

// "R. K. Sharma", "S. Mehta": a single letter written with its dot is an initial, even "S" or "D"
// "आर. के. वर्मा": initials in Devanagari are the letters' names
const DEVANAGARI_INITIALS = new Set('आर के एस एम पी जे डी बी सी ए वी एन एल टी जी एच यू ओ'.split(' '));

function initial(t: Tokens, i: number): boolean {
  return t.dotAfter?.[i] === true && (/^\p{L}$/u.test(t.raw[i]) || DEVANAGARI_INITIALS.has(t.raw[i]));
}

// "S K Sharma", "A P J Kalam", "a k yadav", "एस के शर्मा": single letters without dots are initials
// only when a name word follows them in the same clause; alone, "s" is a possessive, "a" an article
// and "के" a postposition
function undottedInitials(t: Tokens, i: number): number {
  let k = i;
  while (k < t.raw.length && k - i < 3 && !t.breakAfter[k] && !t.dotAfter?.[k]) {
    const raw = t.raw[k];
    const letter = /^[A-Za-z]$/.test(raw) || (DEVANAGARI_INITIALS.has(raw) && (k > i || !LEADS_NOT.has(raw)));
    if (!letter) break;
    k++;
  }
  if (k === i || k >= t.raw.length) return 0;
  const next = t.raw[k];
  const word = nameLike(next, t.folded[k]) && !/^\p{L}$/u.test(next) && !DEVANAGARI_INITIALS.has(next);
  return word ? k - i : 0;
}
// a postposition and an honorific, before a name never the first initial
const LEADS_NOT = new Set(['के', 'जी']);

function namePart(t: Tokens, i: number, start: number): boolean {
  return (
    nameLike(t.raw[i], t.folded[i]) ||
    initial(t, i) ||
    (WORD_NAMES.has(t.folded[i]) && !DENIED.has(t.folded[i + 1] ?? '')) ||
    surname(t, i, start)
  );
}

/** The name as written: "Mohd. Irfan Khan", "R. K. Sharma" keep the dots the citizen wrote. */
function display(t: Tokens, start: number, end: number): string {
  return t.raw
    .slice(start, end)
    .map((w, k) => `${displayWord(w)}${t.dotAfter?.[start + k] && start + k < end - 1 ? '.' : ''}`)
    .join(' ');
}

function takeName(t: Tokens, from: number): { name: string; end: number } | null {
  let i = from;
  while (i < t.folded.length && HONORIFIC.has(t.folded[i]) && !t.breakAfter[i]) i++;
  const start = i;
  let initials = 0;
  while (i < t.folded.length && i - start - initials < 4) {
    const letters = undottedInitials(t, i);
    if (letters > 0) {
      i += letters;
      initials += letters;
      continue;
    }
    if (!namePart(t, i, start)) break;
    i++;
    if (t.breakAfter[i - 1]) break;
  }
  if (i === start) return null;
  return { name: display(t, start, i), end: i };
}

// Surnames that are also Hindi words ("Geeta Das", "Mohan Lal"): after a first name they continue it.
const SURNAMES = new Set(['das', 'lal', 'bai', 'rani', 'ram', 'nath', 'chand', 'mani', 'bi', 'devi']);

function surname(t: Tokens, i: number, start: number): boolean {
  if (i === start) return false;
  return (SURNAMES.has(t.folded[i]) || /^[A-Z][a-z]/.test(t.raw[i])) && nameLikeLoose(t.raw[i], t.folded[i]);
}

function takeNameBefore(t: Tokens, cueStart: number): string | null {
  // "Aman hai naam": the copula may stand between the name and the cue
  let end = cueStart;
  while (end > 0 && (t.folded[end - 1] === 'hai' || t.folded[end - 1] === 'है') && !t.breakAfter[end - 1])
    end--;
  cueStart = end;
  let i = cueStart;
  while (i > 0 && cueStart - i < 4 && !t.breakAfter[i - 1] && nameLike(t.raw[i - 1], t.folded[i - 1])) i--;
  return i < cueStart ? display(t, i, cueStart) : null;
}

/**
 * Names after cues ("naam Priya hai", "maa ka naam Rekha", "pita Suresh", "Priya naam hai"), and a bare
 * name when the engine asked for one. The generic "naam" fills the slot asked for, else the child's name.
 */
export function extractNames(t: Tokens, expecting?: SlotName): Names {
  const out: Names = {};
  const asked =
    expecting && NAME_SLOTS.has(expecting)
      ? (expecting as 'childName' | 'motherName' | 'fatherName')
      : undefined;
  const blank = BLANK.findLongest(t.folded);
  if (blank.length > 0) out.childNameBlank = true;
  const blankAt = new Set(
    blank.flatMap((b) => Array.from({ length: b.end - b.start }, (_, k) => b.start + k)),
  );

  let cued = false;
  // "माँ का नाम गलत है, सही नाम सुनीता देवी है": the bare "naam" goes on about the mother
  let unnamedRole: 'childName' | 'motherName' | 'fatherName' | undefined;
  for (const hit of INDEX.findLongest(t.folded)) {
    if (blankAt.has(hit.start)) continue;
    const role = hit.value.role;
    cued = true;
    const slot = role === 'generic' ? (unnamedRole ?? asked ?? 'childName') : role === 'self' ? asked : role;
    if (!slot) continue;
    let found = takeName(t, hit.end);
    if (hit.value.bare && found && hit.end > 0 && t.breakAfter[hit.end - 1]) found = null;
    // "naam tara nahi, tanvi hai": the name denied is the wrong one
    if (found && DENIED.has(t.folded[found.end] ?? '')) found = takeName(t, found.end + 1);
    let name = found?.name ?? null;
    if (!name && role === 'generic' && (hit.end >= t.folded.length || AFTER_NAME.has(t.folded[hit.end]))) {
      name = takeNameBefore(t, hit.start);
    }
    if (name && out[slot] === undefined) out[slot] = name;
    if (role !== 'generic' && role !== 'self' && !hit.value.bare) unnamedRole = name ? undefined : role;
  }
  if (out.childName === undefined && !out.childNameBlank) {
    const child = childBeforePossessive(t);
    if (child) out.childName = child;
  }
  if (
    asked === 'childName' &&
    !cued &&
    NOT_YET.findLongest(t.folded).some((h) => h.start === 0 && h.end === t.folded.length)
  ) {
    out.childNameBlank = true;
  }
  if (!cued && asked && !out.childNameBlank) {
    const bare = bareName(t);
    if (bare) out[asked] = bare;
  }
  return out;
}

const CHILD_WORDS = new Set(
  'beti beta bete bitiya betiya putra putri son daughter girl boy baby बेटी बेटा बेटे बिटिया पुत्र पुत्री'
    .split(' ')
    .map(foldNormalised),
);
// "daughter Riya born …", "beti pari hui"
const AFTER_CHILD_NAME = new Set(
  'born was is who hui hua huwa हुई हुआ janm janam जन्म ka ki ke'.split(' ').map(foldNormalised),
);
const POSSESSIVE = new Set(['ka', 'ki', 'ke', 'का', 'की', 'के', 's']);
const BIRTH_NOUNS = new Set(
  'janm janam janma birth certificate registration panjikaran praman जन्म प्रमाण पंजीकरण'
    .split(' ')
    .map(foldNormalised),
);

// "beti riya ka birth certificate", "bete arjun ka", "beta yash, janm …", "aditi ka janm praman patra"
function childBeforePossessive(t: Tokens): string | null {
  const n = t.folded.length;
  for (let i = 0; i < n; i++) {
    // "birth certificate for Aditi", "registration for Kabir"
    const forChild = t.folded[i] === 'for' && BIRTH_NOUNS.has(t.folded[i - 1] ?? '');
    const afterChildWord = (CHILD_WORDS.has(t.folded[i]) || forChild) && !t.breakAfter[i];
    const clauseStart = i === 0 || t.breakAfter[i - 1];
    if (!afterChildWord && !clauseStart) continue;
    const from = afterChildWord ? i + 1 : i;
    // "beti diya ka": a possessive right after one word is cue enough for names that are also words
    const strong = POSSESSIVE.has(t.folded[from + 1] ?? '') || /^[A-Z]/.test(t.raw[from] ?? '');
    const like = afterChildWord && strong ? nameLikeLoose : nameLike;
    let end = from;
    while (end < n && end - from < 2 && like(t.raw[end], t.folded[end]) && !CHILD_WORDS.has(t.folded[end])) {
      end++;
      if (t.breakAfter[end - 1]) break;
    }
    if (end === from) continue;
    const possessive = POSSESSIVE.has(t.folded[end] ?? '');
    const ok = afterChildWord
      ? possessive || end === n || t.breakAfter[end - 1] || AFTER_CHILD_NAME.has(t.folded[end])
      : possessive && BIRTH_NOUNS.has(t.folded[end + 1] ?? '');
    if (ok) return t.raw.slice(from, end).map(displayWord).join(' ');
  }
  return null;
}

// The whole message is a name ("Rekha Devi", "रेखा", "rekha devi hai"), nothing else.
function bareName(t: Tokens): string | null {
  let end = t.folded.length;
  // "rekha devi hai", "aarav rakha": the verb after the name goes; "Rakhi" alone is the name
  while (
    end > 1 &&
    (AFTER_NAME.has(t.folded[end - 1]) || t.folded[end - 1] === 'ji' || t.folded[end - 1] === 'जी')
  )
    end--;
  const head: Tokens = {
    raw: t.raw.slice(0, end),
    folded: t.folded.slice(0, end),
    breakAfter: t.breakAfter.slice(0, end),
    dotAfter: t.dotAfter?.slice(0, end),
  };
  const found = takeName(head, 0);
  if (!found) return null;
  // "rekha nahi, reena": the name after the denial
  if (DENIED.has(t.folded[found.end] ?? '')) {
    const meant = takeName(head, found.end + 1);
    return meant && meant.end === end ? meant.name : null;
  }
  // "Sunita Devi W/O Ramesh Kumar": the name, then whose wife/son/daughter she or he is
  const rest = t.folded.slice(found.end, found.end + 2).join(' ');
  return found.end === end || RELATION_OF.has(rest) || RELATION_OF.has(t.folded[found.end])
    ? found.name
    : null;
}
