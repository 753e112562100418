import { foldForMatch, normalise } from '../../lang/normalise.js';
import { numberFromToken } from '../../nlu/number-words.js';

/**
 * How an answer to a closed question (a choice, a date, a district, an age, an amount, a PIN, a
 * yes/no) is to be read when it negates or hedges:
 * - as_written: nothing negated or hedged, the field's reader reads the message as it is;
 * - instead: a value was denied and another given ("kal nahi parso", "not SC, ST"): the field's
 *   reader reads `text`, the message without what it denies;
 * - unsure: a value denied with none in its place ("mahila nahi", "not Agra"), two values
 *   ("Gonda ya Bahraich") or a guess ("shayad 1 lakh"): nothing is stored and the question is asked
 *   again, because a wrong value on a record is worse than a question asked twice.
 */
export type AnswerReading =
  | { kind: 'as_written' }
  | { kind: 'instead'; text: string }
  | { kind: 'unsure'; why: 'negated' | 'alternatives' | 'hedged' };

export interface AnswerReaders {
  /** the field's reader: its value in the text, or null/undefined */
  read: (text: string) => unknown;
  /** the value the words themselves name (a choice's own words), to tell what a negation denies */
  names: (text: string) => unknown;
  /** whether "X nahi" denies X (not for a yes/no, where "nahi" is the answer) */
  negates: boolean;
  /** whether "lagbhag", "around" make the value a guess (not for an income, which is an estimate) */
  approximate: boolean;
  /** the field's own words (its label, its cues), which stand beside a value without being it */
  glue: Set<string>;
  /** whether a replacement may lean on what it replaces ("not yesterday, day before" → day before yesterday) */
  completes: boolean;
  /**
   * 'answer': the text answers this field, so "pata nahi" anywhere in it doubts the answer;
   * 'message': a whole message read for many fields, where "pin pata nahi" doubts only its own clause
   */
  scope: 'answer' | 'message';
}

const AS_WRITTEN: AnswerReading = { kind: 'as_written' };

const phrases = (list: string[]) => list.map((p) => foldForMatch(p).split(' '));

// "shayad", "pata nahi", "not sure": the citizen does not know, whatever value follows
const UNSURE = phrases([
  'shayad',
  'shaayad',
  'shayed',
  'sayad',
  'शायद',
  'maybe',
  'probably',
  'perhaps',
  'possibly',
  'ho sakta hai',
  'हो सकता है',
  'not sure',
  'sure nahi',
  'sure nahin',
  'pakka nahi',
  'pakka nahin',
  'पक्का नहीं',
  'pata nahi',
  'pata nahin',
  'pata nhi',
  'nahi pata',
  'nahin pata',
  'nhi pata',
  'पता नहीं',
  'नहीं पता',
  'maloom nahi',
  'malum nahi',
  'maalum nahi',
  'मालूम नहीं',
  'yaad nahi',
  'yaad nahin',
  'yad nahi',
  'याद नहीं',
  "don't know",
  'dont know',
  'do not know',
  "don't remember",
  'dont remember',
  'i guess',
]);
// "lagbhag 20 november", "around Lucknow", "ghar ke aas paas": near a value is not the value
const APPROXIMATE = phrases([
  'lagbhag',
  'lagbhg',
  'लगभग',
  'approx',
  'approximately',
  'roughly',
  'or so',
  'karib',
  'kareeb',
  'kariban',
  'करीब',
  'करीबन',
  'takriban',
  'तकरीबन',
  'aas paas',
  'aaspaas',
  'आस पास',
  'आसपास',
]);
// "about 20 november", "around 70": only before a number ("a complaint about AIIMS Delhi" is no guess)
const APPROXIMATE_NUMBER = phrases(['about', 'around', 'nearly', 'almost']);
// what stands between a value and its negation without being part of either: "ghar pe nahi",
// "2 december ko nahi", "not in the hospital"
const GLUE = new Set(
  [
    'pe',
    'par',
    'pr',
    'mein',
    'me',
    'mai',
    'ko',
    'ka',
    'ki',
    'ke',
    'se',
    'hi',
    'to',
    'toh',
    'bhi',
    'wala',
    'wali',
    'wale',
    'में',
    'पर',
    'पे',
    'को',
    'का',
    'की',
    'के',
    'से',
    'ही',
    'तो',
    'भी',
    'वाला',
    'वाली',
    'वाले',
    'in',
    'at',
    'on',
    'the',
    'a',
    'an',
    'of',
    'from',
    // units belong to the number before them: "70 saal nahi", "80 hazaar rupaye nahi"
    'saal',
    'sal',
    'year',
    'years',
    'yrs',
    'varsh',
    'baras',
    'mahine',
    'mahina',
    'month',
    'months',
    'din',
    'day',
    'days',
    'hafte',
    'week',
    'weeks',
    'lakh',
    'lac',
    'hazaar',
    'hazar',
    'thousand',
    'crore',
    'rupaye',
    'rupay',
    'rupees',
    'rupiya',
    'rs',
    'साल',
    'वर्ष',
    'महीने',
    'दिन',
    'हफ्ते',
    'लाख',
    'हज़ार',
    'हजार',
    'करोड़',
    'रुपये',
    'रुपए',
  ].map((w) => foldForMatch(w)),
);
// Hindi puts the negation after what it denies ("ghar nahi", "कल नहीं"), English before ("not SC")
const NEGATION_AFTER = phrases([
  'nahi',
  'nahin',
  'nahee',
  'nahii',
  'naheen',
  'nhi',
  'nhin',
  'नहीं',
  'नही',
  'नहि',
]);
const NEGATION_BEFORE = phrases([
  'not',
  'never',
  "isn't",
  'isnt',
  "wasn't",
  'wasnt',
  "didn't",
  'didnt',
  "doesn't",
  'doesnt',
]);
// "hospital le jaate samay", "on the way to hospital": the place they were going to is not where it happened
const ON_THE_WAY_AFTER = phrases([
  'le jaate samay',
  'le jate samay',
  'le jaate waqt',
  'le jate waqt',
  'le jaate hue',
  'le jate hue',
  'le jaate huye',
  'jaate samay',
  'jate samay',
  'jaate waqt',
  'jate waqt',
  'jaate hue',
  'jate hue',
  'ke raste mein',
  'ke raste me',
  'ke raaste mein',
  'pahunchne se pehle',
  'pahuchne se pehle',
  'ले जाते समय',
  'ले जाते वक्त',
  'ले जाते हुए',
  'जाते समय',
  'जाते हुए',
  'के रास्ते में',
  'पहुंचने से पहले',
  'पहुँचने से पहले',
]);
const ON_THE_WAY_BEFORE = phrases([
  'on the way to',
  'on our way to',
  'on way to',
  'en route to',
  'while taking him to',
  'while taking her to',
  'while taking them to',
  'while going to',
  'before reaching',
]);
// what joins two alternatives: "Gonda ya Bahraich", "3 or 4 december", "घर या अस्पताल"
const EITHER = new Set(['ya', 'yaa', 'or', 'या', 'athva', 'athwa', 'अथवा'].map((w) => foldForMatch(w)));
// words that end a clause as a comma does: "not SC but ST", "कल नहीं बल्कि परसों"
const CLAUSE_WORDS = new Set(
  [
    'but',
    'lekin',
    'magar',
    'balki',
    'parantu',
    'kintu',
    'instead',
    'rather',
    'लेकिन',
    'मगर',
    'बल्कि',
    'परंतु',
    'किंतु',
  ].map((w) => foldForMatch(w)),
);
// "2 dec." is a clause end, "20.11.2026" is not
const CLAUSE_MARK = /[,;!?।\n]|\.(?:\s|$)/u;

interface Word {
  f: string;
  start: number;
  end: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const f = foldForMatch(m[0]);
    if (f) out.push({ f, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const given = (v: unknown) => v !== null && v !== undefined;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const span = (text: string, ws: Word[]) => (ws.length ? text.slice(ws[0].start, ws[ws.length - 1].end) : '');
// "3" of "3 ya 4 december", "do" of "do ya teen lakh": half of two values, which reads as none alone
const numberOnly = (ws: Word[]) =>
  ws.length > 0 && ws.every((w) => /^\d+(?:st|nd|rd|th)?$/.test(w.f) || numberFromToken(w.f) !== null);

/** The length of the phrase of the list that starts at word i, or 0. */
function phraseAt(words: Word[], i: number, list: string[][]): number {
  let best = 0;
  for (const p of list) if (p.length > best && p.every((w, k) => words[i + k]?.f === w)) best = p.length;
  return best;
}

const hasPhrase = (words: Word[], list: string[][]) => words.some((_, i) => phraseAt(words, i, list) > 0);
const beforeNumber = (words: Word[], list: string[][]) =>
  words.some((_, i) => {
    const n = phraseAt(words, i, list);
    return n > 0 && numberOnly(words.slice(i + n, i + n + 1));
  });

/** The words split into clauses at commas, full stops and "but"/"lekin" (those words dropped). */
function clausesOf(text: string, words: Word[]): Word[][] {
  const out: Word[][] = [[]];
  words.forEach((w, i) => {
    if (i > 0 && CLAUSE_MARK.test(text.slice(words[i - 1].end, w.start))) out.push([]);
    if (CLAUSE_WORDS.has(w.f)) out.push([]);
    else out[out.length - 1].push(w);
  });
  return out.filter((c) => c.length > 0);
}

/** Whether a clause offers two values: both sides read, or one side reads and the other is its number. */
function offersTwo(text: string, clause: Word[], r: AnswerReaders): boolean {
  for (let j = 1; j < clause.length - 1; j++) {
    if (!EITHER.has(clause[j].f)) continue;
    const left = clause.slice(0, j);
    const right = clause.slice(j + 1);
    const a = r.read(span(text, left));
    const b = r.read(span(text, right));
    if (given(a) && given(b) && !same(a, b)) return true;
    if ((given(a) && numberOnly(right)) || (given(b) && numberOnly(left))) return true;
  }
  return false;
}

/** Words of the text that are not the answer (a denial and its negation, a guess), and what they said. */
interface Dropped {
  from: number;
  to: number;
  said: string;
}

/**
 * The words a negation denies: the value named right next to it, before it (Hindi) or after it
 * (English), glue words and units apart ("ghar pe nahi", "70 saal nahi", "not in hospital"); none
 * when the word next to it is no part of that value ("Ghaziabad mein safai nahi" denies the
 * cleaning, not Ghaziabad). Returned nearest first.
 */
function nextToNegation(text: string, words: Word[], r: AnswerReaders, side: 'before' | 'after'): Word[] {
  const ws = side === 'before' ? [...words].reverse() : words;
  const inOrder = (run: Word[]) => span(text, side === 'before' ? [...run].reverse() : run);
  let k = 0;
  while (k < ws.length && (GLUE.has(ws[k].f) || r.glue.has(ws[k].f))) k++;
  for (let n = k + 1; n <= ws.length; n++) {
    const value = r.names(inOrder(ws.slice(0, n)));
    if (!given(value)) continue;
    // the same value without the nearest word is a value named farther off
    return same(r.names(inOrder(ws.slice(k + 1, n))), value) ? [] : ws.slice(0, n);
  }
  return [];
}

/** The values a clause denies: "ghar pe nahi hui", "not in hospital", "hospital le jaate samay". */
function denialsIn(text: string, clause: Word[], r: AnswerReaders): Dropped[] {
  const out: Dropped[] = [];
  // a denial's words start after the clause's previous negation ("nahi nahi, …" denies nothing)
  let open = 0;
  for (let i = 0; i < clause.length; i++) {
    const after = Math.max(phraseAt(clause, i, NEGATION_AFTER), phraseAt(clause, i, ON_THE_WAY_AFTER));
    const before = Math.max(phraseAt(clause, i, NEGATION_BEFORE), phraseAt(clause, i, ON_THE_WAY_BEFORE));
    if (!after && !before) continue;
    const own = clause.slice(i, i + (after || before));
    if (after) {
      const denied = nextToNegation(text, clause.slice(open, i), r, 'before');
      const at = denied.length ? Math.min(...denied.map((w) => w.start)) : -1;
      if (at >= 0) out.push({ from: at, to: own[own.length - 1].end, said: text.slice(at, own[0].start) });
      open = i + after;
      i = open - 1;
    } else {
      // "not X": X runs to the clause's end or its next negation
      let end = i + before;
      while (
        end < clause.length &&
        !phraseAt(clause, end, NEGATION_AFTER) &&
        !phraseAt(clause, end, NEGATION_BEFORE)
      )
        end++;
      const denied = nextToNegation(text, clause.slice(i + before, end), r, 'after');
      const to = denied.length ? Math.max(...denied.map((w) => w.end)) : -1;
      if (to >= 0) out.push({ from: own[0].start, to, said: text.slice(own[own.length - 1].end, to) });
      open = end;
      i = end - 1;
    }
  }
  return out;
}

/** The text without the dropped words, the edges cleaned of the commas they leave. */
function without(text: string, dropped: Dropped[]): string {
  let rest = text;
  for (const d of [...dropped].sort((a, b) => b.from - a.from))
    rest = `${rest.slice(0, d.from)} ${rest.slice(d.to)}`;
  return rest
    .replace(/^[\s,;.:\-–—]+|[\s,;:\-–—]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** How to read an answer to a closed question that may deny or doubt a value (see AnswerReading). */
export function readDeniedOrDoubted(raw: string, r: AnswerReaders): AnswerReading {
  const text = normalise(raw);
  const words = wordsOf(text);
  if (words.length === 0) return AS_WRITTEN;
  const clauses = clausesOf(text, words);
  const unsure = (c: Word[]) => hasPhrase(c, UNSURE);
  // "pata nahi, 1 lakh hogi": not knowing doubts whatever the answer goes on to say
  if (r.scope === 'answer' && clauses.some(unsure)) return { kind: 'unsure', why: 'hedged' };
  if (clauses.some((c) => offersTwo(text, c, r))) return { kind: 'unsure', why: 'alternatives' };
  // "about 2 weeks back, 9th october": the guessed clause goes, an exact one left is the answer
  const guessed = (c: Word[]) =>
    unsure(c) || (r.approximate && (hasPhrase(c, APPROXIMATE) || beforeNumber(c, APPROXIMATE_NUMBER)));
  const dropped: Dropped[] = clauses
    .filter(guessed)
    .map((c) => ({ from: c[0].start, to: c[c.length - 1].end, said: span(text, c) }));
  if (r.negates) for (const c of clauses.filter((c) => !guessed(c))) dropped.push(...denialsIn(text, c, r));
  // a negation of something else ("certificate nahi mila, 20 nov ko") leaves the answer as it is
  if (dropped.length === 0) return AS_WRITTEN;
  const denied = dropped.flatMap((d) => [r.read(d.said), r.names(d.said)]);
  const isNew = (v: unknown) => given(v) && !denied.some((d) => same(d, v));
  const rest = without(text, dropped);
  const why = dropped.some((d) => guessed(wordsOf(d.said))) ? 'hedged' : 'negated';
  if (rest && isNew(r.read(rest))) return { kind: 'instead', text: rest };
  // "not yesterday, day before": the replacement says what it is relative to only by the denial
  if (r.completes && rest && !/\d/.test(rest) && why === 'negated') {
    const whole = `${rest} ${dropped.map((d) => d.said).join(' ')}`;
    if (isNew(r.read(whole))) return { kind: 'instead', text: whole };
  }
  return { kind: 'unsure', why };
}
