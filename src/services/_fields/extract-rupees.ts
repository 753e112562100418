// normalise turns Devanagari digits into ASCII too; nothing here may import tools/ (the registry
// loads the income definition, which imports this reader)
import { foldForMatch, normalise } from '../../lang/normalise.js';
import { amountWord } from '../../nlu/number-words.js';

// Amounts as people write them: "2.5 lakh", "ढाई लाख", "50 hazaar", "₹1,20,000", "1.2 lac",
// "sava lakh", "डेढ़ लाख", "120000 rupaye", "do lakh pachas hazar", "साढ़े तीन लाख", "two lakh fifty
// thousand". A value goes on a legal record: what is not one exact amount ("ek lakh se kam", "1-2
// lakh", "1 lakh 20", "papa ki 8000 aur meri 5000") is said to be unclear, never guessed.

/** Each word folded as the reader folds tokens. */
const folded = (words: string) => words.split(' ').map((w) => foldForMatch(w));
const table = (entries: [string, number][]) =>
  new Map(entries.flatMap(([words, n]) => folded(words).map((w): [string, number] => [w, n])));

const UNITS = table([
  ['crore cr karod karor karode करोड़ करोड', 10_000_000],
  ['lakh lakhs lac lacs laakh laakhs lak lakh lkh l लाख', 100_000],
  ['hazaar hazar hajar hajaar hazzar hazaaar thousand thousands k हज़ार हजार', 1_000],
  ['sau hundred सौ', 100],
]);
// standalone halves and quarters: "dedh lakh", "ढाई लाख", "aadha lakh"
const FRACTIONS = table([
  ['dedh derh dedh डेढ़ डेढ', 1.5],
  ['dhai dhaai dhayi ढाई', 2.5],
  ['adha aadha आधा', 0.5],
]);
// before a number: "sava do lakh" 2.25, "saade teen lakh" 3.5, "paune do lakh" 1.75; "sava lakh" alone 1.25
const PREFIXES = table([
  ['sava sawa savaa सवा', 0.25],
  ['saade saadhe sade sadhe saade साढ़े साढे', 0.5],
  ['paune pone paone पौने', -0.25],
]);
const PREFIX_ALONE = table([
  ['sava sawa savaa सवा', 1.25],
  ['paune pone paone पौने', 0.75],
]);
const ENGLISH_TENS = new Set(folded('twenty thirty forty fifty sixty seventy eighty ninety'));
const ENGLISH_ONES = new Set(folded('one two three four five six seven eight nine'));
// number words that are mostly other words ("kar do", "saath mein", "a", "sat"): a number only before a unit
const EVERYDAY = new Set(folded('a an do one saath sath sat tin che das'));

const CONNECT = new Set(folded('aur and और evam'));
// "1 se 2 lakh", "1-2 lakh", "1 ya 2 lakh", "1 to 2 lakh", "1 aur 2 lakh ke beech"
const RANGE = new Set([...folded('se से to ya या or aur and और'), '-']);
// "less than 1 lakh", "under 50 thousand", "kam se kam 1 lakh", "adhiktam 2 lakh"
const BOUND_BEFORE = [
  'less than',
  'more than',
  'not more than',
  'greater than',
  'under',
  'below',
  'above',
  'over',
  'upto',
  'up to',
  'within',
  'at most',
  'at least',
  'maximum',
  'max',
  'minimum',
  'min',
  'kam se kam',
  'zyada se zyada',
  'jyada se jyada',
  'adhik se adhik',
  'adhiktam',
  'nyuntam',
  'कम से कम',
  'ज़्यादा से ज़्यादा',
  'ज्यादा से ज्यादा',
  'अधिक से अधिक',
  'अधिकतम',
  'न्यूनतम',
].map(folded);
// "1 lakh se kam", "2 lakh tak", "50 hazaar se zyada", "1 लाख से कम", "1 lakh bhi nahi", "2 lakh or less"
const BOUND_AFTER_SE = new Set(
  folded(
    'kam km kum kamm neeche niche nichey zyada jyada zyaada jyaada jada zada adhik upar uper oopar ooper ziada कम नीचे ज़्यादा ज्यादा जादा अधिक ऊपर उपर',
  ),
);
const BOUND_AFTER = [
  'tak',
  'तक',
  'or less',
  'or more',
  'or above',
  'or below',
  'and above',
  'and below',
  'plus',
  'max',
  'ke andar',
  'ke bhitar',
  'ke neeche',
  'ke niche',
  'ke upar',
  'के अंदर',
  'के भीतर',
  'के नीचे',
  'के ऊपर',
  'bhi nahi',
  'bhi nahin',
  'bhi nhi',
  'भी नहीं',
  'भी नही',
].map(folded);
const NEGATION_AFTER = new Set(folded('nahi nahin nhi nai नहीं नही'));
const NEGATION_BEFORE = new Set(folded('not'));
// a number right after these is no income: "pin 221007", "mobile 98…"
const NOT_MONEY_BEFORE = new Set(folded('pin pincode pin-code पिन पिनकोड mobile mob phone fone फोन मोबाइल'));
// a year around a number: "FY 2025-26", "saal 2024", "2024 me"
const YEAR_BEFORE = new Set(folded('fy saal sal year varsh san सन साल वर्ष'));
const YEAR_AFTER = new Set(folded('me mein mai में'));

const PERIOD_WORDS: [Period, Set<string>][] = [
  [
    'year',
    new Set(
      folded(
        'saal sal saala saalana salana saalaana saalna salaana varsh varshik warshik barsh yearly year years annual annually annum pa साल सालाना वर्ष वार्षिक बरस',
      ),
    ),
  ],
  [
    'month',
    new Set(
      folded(
        'mahina mahine mahinay maheena maheene mahena mahene mahine mahino mahinon month months monthly mahwar mahvar mahavar mahawar maahvaar masik maasik pm maah माह महीना महीने महीनों मासिक माहवार मंथली',
      ),
    ),
  ],
  ['week', new Set(folded('hafta hafte haftawar week weekly weeks saptahik हफ्ता हफ्ते हफ़्ता हफ़्ते साप्ताहिक'))],
  [
    'day',
    new Set(
      folded(
        'roz roj rozana rojana rozaana daily day din dihadi dihaadi diharhi pratidin रोज़ रोज रोजाना रोज़ाना दिन प्रतिदिन दिहाड़ी',
      ),
    ),
  ],
];
const TWELVE = new Set(['12', ...folded('barah baarah bara बारह twelve')]);

export type Period = 'year' | 'month' | 'week' | 'day';

/** What a text says about an amount of money. */
export type RupeesReading =
  | {
      kind: 'amount';
      /** whole rupees */
      rupees: number;
      /** the period the text puts the amount in ("15000 mahina": month); null when it names none */
      per: Period | null;
      /** written with a unit or a rupee sign ("50 hazaar", "₹500"), not a bare number */
      marked: boolean;
    }
  | {
      kind: 'unclear';
      /**
       * bounded: "ek lakh se kam", "up to 2 lakh"; range: "1-2 lakh", "dedh do lakh"; ambiguous:
       * "1 lakh 20" (20 what?); several: two different amounts; denied: "2 lakh nahi"; mixed_period:
       * "saal bhar har mahine 15000"
       */
      why: 'bounded' | 'range' | 'ambiguous' | 'several' | 'denied' | 'mixed_period';
    };

type Token = { t: string; num?: number; digits?: boolean };

const CURRENCY =
  /₹|(?<![a-z])(?:rs|inr)(?![a-z])\.?|(?<![a-z])rup(?:ees?|aye|aiye|aiya|iya|ye|ya|ay|ai|e)(?![a-z])|रुपये|रुपए|रुपया|रुपैया|रुपयों|रुपैये|रु(?![\u0900-\u097f])\.?/gu;
const GLUED_UNIT =
  /(\d)(lakhs?|lacs?|lakh|l|k|hazaar|hazar|thousand|cr|crore|pm|pa|लाख|हज़ार|हजार|करोड़|करोड)(?![a-z\u0900-\u097f])/gu;

function tokenise(text: string): Token[] {
  // NFC, Devanagari digits as ASCII ("६०००० रुपये")
  const clean = normalise(text)
    .toLowerCase()
    .replace(/(\d),(?=\d)/g, '$1')
    .replace(/\bp\.\s?a\.?(?![a-z])/g, ' pa ')
    .replace(/\bp\.\s?m\.?(?![a-z])/g, ' pm ')
    .replace(CURRENCY, ' ₹ ')
    .replace(GLUED_UNIT, '$1 $2');
  const out: Token[] = [];
  for (const m of clean.matchAll(/\d+(?:\.\d+)?|₹|[-–—]|[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (/^\d/.test(w)) out.push({ t: w, num: Number(w), digits: true });
    else if (/^[-–—]$/.test(w)) out.push({ t: '-' });
    else if (w === '₹') out.push({ t: '₹' });
    else out.push({ t: foldForMatch(w) });
  }
  return out;
}

/** A number starting at token i (digits, a word, "sava do", "twenty five"), and where it ends. */
function numberAt(tokens: Token[], i: number): { value: number; end: number; digits: boolean } | null {
  const tok = tokens[i];
  if (!tok) return null;
  if (tok.digits && tok.num !== undefined) return { value: tok.num, end: i + 1, digits: true };
  const prefix = PREFIXES.get(tok.t);
  if (prefix !== undefined) {
    const n = tokens[i + 1];
    const base = n?.digits ? n.num : amountWord(n?.t);
    if (base != null && !(n && FRACTIONS.has(n.t)))
      return { value: base + prefix, end: i + 2, digits: false };
    const alone = PREFIX_ALONE.get(tok.t);
    return alone === undefined ? null : { value: alone, end: i + 1, digits: false };
  }
  const fraction = FRACTIONS.get(tok.t);
  if (fraction !== undefined) return { value: fraction, end: i + 1, digits: false };
  const word = amountWord(tok.t);
  if (word === null) return null;
  const next = tokens[i + 1];
  if (ENGLISH_TENS.has(tok.t) && next && ENGLISH_ONES.has(next.t)) {
    return { value: word + (amountWord(next.t) ?? 0), end: i + 2, digits: false };
  }
  return { value: word, end: i + 1, digits: false };
}

// "80k", "1.5 l", "2cr": a letter is a unit after digits only ("do k liye" is no 2000)
const LETTER_UNITS = new Set(['k', 'l', 'cr']);
const unitAt = (tokens: Token[], i: number) => UNITS.get(tokens[i]?.t ?? '') ?? null;
function unitAfter(tokens: Token[], n: { value: number; end: number; digits: boolean }): number | null {
  const tok = tokens[n.end];
  if (tok && LETTER_UNITS.has(tok.t) && (!n.digits || n.value >= 1000)) return null;
  return unitAt(tokens, n.end);
}
/** A number said as a number: digits, "dedh", "pachas"; not "do", "saath", "a" (mostly other words). */
const isNumberish = (tok: Token | undefined) =>
  !!tok &&
  (tok.digits === true ||
    FRACTIONS.has(tok.t) ||
    PREFIX_ALONE.has(tok.t) ||
    (amountWord(tok.t) !== null && !EVERYDAY.has(tok.t)));

// "one to two lakh", "do se teen lakh": before "to"/"se" and a number with its unit, an everyday
// number word ("one", "do") is the range's lower end; "saath" (with) and "a" are not
const NOT_RANGE_LOW = new Set(folded('a an saath sath'));
const rangeLowWord = (tok: Token | undefined) =>
  !!tok && !tok.digits && amountWord(tok.t) !== null && !NOT_RANGE_LOW.has(tok.t);

/** Whether the words starting at i are one of the phrases. */
function phraseAt(tokens: Token[], i: number, phrases: string[][]): number {
  for (const p of phrases) if (p.every((w, k) => tokens[i + k]?.t === w)) return p.length;
  return 0;
}
function phraseEndingAt(tokens: Token[], end: number, phrases: string[][]): boolean {
  return phrases.some((p) => end - p.length >= 0 && p.every((w, k) => tokens[end - p.length + k]?.t === w));
}

interface Found {
  value: number;
  start: number;
  end: number;
  marked: boolean;
  why?: 'bounded' | 'range' | 'ambiguous' | 'denied';
}

function amounts(tokens: Token[]): Found[] {
  const found: Found[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = numberAt(tokens, i);
    if (!first) {
      i++;
      continue;
    }
    const start = i;
    // "do lakh pachas hazar", "2 lakh aur 50 hazaar", "paanch sau": units that go down add up
    let total = 0;
    let lastUnit = Number.POSITIVE_INFINITY;
    let j = i;
    let groups = 0;
    let n: ReturnType<typeof numberAt> = first;
    while (n) {
      const unit = unitAfter(tokens, n);
      if (unit === null || unit >= lastUnit) break;
      total += n.value * unit;
      lastUnit = unit;
      j = n.end + 1;
      groups++;
      const afterConnector = CONNECT.has(tokens[j]?.t ?? '') ? j + 1 : j;
      n = numberAt(tokens, afterConnector);
      if (n && afterConnector !== j) {
        const u = unitAfter(tokens, n);
        if (u === null || u >= lastUnit) n = null;
        else j = afterConnector;
      }
    }
    if (groups === 0) {
      // a bare number is an amount only in digits ("do batao" is no amount)
      if (!first.digits) {
        i = first.end;
        continue;
      }
      j = first.end;
      total = first.value;
    }
    const before = tokens[start - 1];
    const currency = before?.t === '₹' || tokens[j]?.t === '₹';
    let end = j;
    while (tokens[end]?.t === '₹') end++;
    const item: Found = { value: total, start, end, marked: groups > 0 || currency };
    // "1 lakh 20", "ek lakh bees": the last number's unit is not said
    const trailing = tokens[end];
    if (
      groups > 0 &&
      trailing &&
      (trailing.digits ? (trailing.num ?? 0) < lastUnit : isNumberish(trailing) && !UNITS.has(trailing.t)) &&
      (() => {
        const next = numberAt(tokens, end);
        return !next || unitAfter(tokens, next) === null;
      })()
    )
      item.why = 'ambiguous';
    // "1 se 2 lakh", "1-2 lakh", "dedh do lakh", "1 lakh se 2 lakh": the lower end of a range
    // ("das barah hazaar", "do teen lakh": a word before a word; "likh do 2 lakh" is no range)
    const prev = tokens[start - 1];
    const low = tokens[start - 2];
    if (
      prev &&
      (isNumberish(prev) ||
        (!first.digits && amountWord(prev.t) !== null && prev.t !== 'a' && prev.t !== 'an') ||
        (RANGE.has(prev.t) && (isNumberish(low) || UNITS.has(low?.t ?? '') || rangeLowWord(low))))
    )
      item.why = 'range';
    // the upper end of a range: "1 lakh se 2 lakh", "2-3", "1 to 2 lakh"
    if (RANGE.has(tokens[end]?.t ?? '') && numberAt(tokens, end + 1) && !item.why) {
      const other = numberAt(tokens, end + 1);
      if (other && (unitAfter(tokens, other) !== null || (groups === 0 && other.digits))) item.why = 'range';
    }
    if (phraseEndingAt(tokens, currency && before?.t === '₹' ? start - 1 : start, BOUND_BEFORE))
      item.why = 'bounded';
    const se = tokens[end]?.t;
    const afterSe = tokens[end + 1]?.t === 'bhi' || tokens[end + 1]?.t === 'भी' ? end + 2 : end + 1;
    if (
      ((se === 'se' || se === 'से') && BOUND_AFTER_SE.has(tokens[afterSe]?.t ?? '')) ||
      phraseAt(tokens, end, BOUND_AFTER) > 0
    )
      item.why = 'bounded';
    if (!item.why && (NEGATION_AFTER.has(tokens[end]?.t ?? '') || NEGATION_BEFORE.has(prev?.t ?? '')))
      item.why = 'denied';
    // a PIN, a phone number, a year: not money
    const notMoney =
      groups === 0 &&
      !currency &&
      (NOT_MONEY_BEFORE.has(prev?.t ?? '') ||
        (first.value >= 1990 &&
          first.value <= 2099 &&
          Number.isInteger(first.value) &&
          (YEAR_BEFORE.has(prev?.t ?? '') ||
            YEAR_AFTER.has(tokens[end]?.t ?? '') ||
            (tokens[end]?.t === '-' && tokens[end + 1]?.digits))));
    if (!notMoney) found.push(item);
    i = Math.max(end, start + 1);
    // "2025-26": the year's second half is no amount either
    if (notMoney && tokens[i]?.t === '-' && tokens[i + 1]?.digits) i += 2;
  }
  return found;
}

function periodOf(tokens: Token[]): Period | 'mixed' | null {
  const named = new Set<Period>();
  tokens.forEach((tok, k) => {
    for (const [period, words] of PERIOD_WORDS) {
      if (!words.has(tok.t)) continue;
      // "12 mahine ka 1.8 lakh": twelve months are a year
      named.add(period === 'month' && TWELVE.has(tokens[k - 1]?.t ?? '') ? 'year' : period);
    }
  });
  if (named.size === 0) return null;
  if (named.size > 1) return 'mixed';
  return [...named][0];
}

/** What the text says about an amount of money; null when it writes none. */
export function readRupees(text: string): RupeesReading | null {
  const tokens = tokenise(text);
  const found = amounts(tokens);
  if (found.length === 0) return null;
  // a bare "3" (gali 3, 4 log) beside an amount is no second amount
  const significant = found.filter((f) => f.marked || f.value >= 100);
  const considered = significant.length > 0 ? significant : found.slice(0, 1);
  const unclear = considered.find((f) => f.why && f.why !== 'denied');
  if (unclear?.why) return { kind: 'unclear', why: unclear.why };
  // "2 lakh nahi, 1.5 lakh": the amount denied is not the answer
  const said = considered.filter((f) => f.why !== 'denied');
  if (said.length === 0) return { kind: 'unclear', why: 'denied' };
  const values = new Set(said.map((f) => Math.round(f.value)));
  if (values.size > 1) return { kind: 'unclear', why: 'several' };
  const per = periodOf(tokens);
  if (per === 'mixed') return { kind: 'unclear', why: 'mixed_period' };
  return { kind: 'amount', rupees: Math.round(said[0].value), per, marked: said.some((f) => f.marked) };
}

/** The one amount of money the text states exactly, in whole rupees; null when none, or not one exact amount. */
export function extractRupees(text: string): number | null {
  const r = readRupees(text);
  return r?.kind === 'amount' ? r.rupees : null;
}
