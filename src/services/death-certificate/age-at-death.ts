import { foldForMatch, normalise } from '../../lang/normalise.js';
import { isMonthName } from '../../nlu/extract-date.js';
import { numberFromToken } from '../../nlu/number-words.js';

/**
 * The age at death as Form 2's register holds it here: whole (completed) years. An infant's
 * "6 mahine" or "2 din ka bachcha" is 0 years, never 6 or 2; a range ("65-70"), an
 * approximation ("lagbhag 70", "70 ke aas paas", "70 honge") or two ages is no value, so the
 * question is asked again rather than one of them stored as exact.
 */

type Unit = 'y' | 'm' | 'w' | 'd' | 'h';

const DAYS_IN: Record<Unit, number> = { y: 365.25, m: 365.25 / 12, w: 7, d: 1, h: 1 / 24 };

const UNIT_WORDS: [Unit, string][] = [
  [
    'y',
    'saal sal saalo saalon years year yrs yr y yo varsh varsha varsho varshon baras baris वर्ष वर्षों साल सालों बरस',
  ],
  [
    'm',
    'mahine mahina mahino mahinon mahene maheene maheena month months mnth mnths mo mos maah महीने महीना महीनों माह',
  ],
  ['w', 'hafte hafta hafton haftey week weeks wk wks saptah हफ्ते हफ्ता हफ़्ते हफ्तों सप्ताह'],
  ['d', 'din dino dinon day days दिन दिनों'],
  ['h', 'ghante ghanta ghanton hour hours hr hrs घंटे घंटा घंटों'],
];
const UNIT = new Map<string, Unit>();
for (const [unit, words] of UNIT_WORDS) for (const w of words.split(' ')) UNIT.set(foldForMatch(w), unit);

const words = (list: string) => new Set(list.split(' ').map((w) => foldForMatch(w)));

// "umar 70", "age: 70", "उम्र 71 है": the number after one of these is the age
const AGE_CUE = words('age aged umar umr umra umer उम्र आयु');
// "2 din pehle", "3 din se bimar", "for 2 weeks": a time before the death, not an age
const AGO = words('pehle pahle phle pehele ago back earlier पहले se से tak तक');
const SPAN_BEFORE = words('for since last pichle pichhle पिछले');
// what joins the two ends of a range: "65-70", "65 se 70", "65 ya 70", "65 to 70"
const RANGE_JOIN = new Set(['-', '–', '—', '/', ...words('to se ya or till upto या से')]);
// words that make the number a guess: "lagbhag 70", "about 70", "70 ke aas paas", "70 honge"
const UNSURE = words(
  [
    'about around approx approximately aprox roughly nearly almost maybe probably perhaps possibly',
    'likely guess think between odd something ish over above under below plus more less',
    'lagbhag lagbag lagbhak lgbhg karib kareeb kariban kareeban qareeb takriban taqriban takreeban',
    'andazan andaza andaaza andaja shayad shaayad sayad upar uper zyada jyada kam aas paas aaspaas',
    'hoga hoge hogi honge लगभग करीब करीबन तकरीबन अंदाजन अंदाज़न अंदाजा शायद ऊपर उपर ज्यादा ज़्यादा कम',
    'आस पास आसपास होगा होगी होंगे होगे बीच beech',
  ].join(' '),
);
// "65+", "70?", "~70", "60s"
const UNSURE_MARK = new Set(['+', '?', '~', 's']);
// "pata nahi", "पता नहीं", "not sure" (a "pata" alone is an address)
const DONT_KNOW = /(?:^| )(?:(?:pata|पता) (?:nahi|nahin|nhi|नहीं|नही)|not sure|don t know|dont know)(?= |$)/u;
const ORDINAL = new Set(['st', 'nd', 'rd', 'th']);
const NOT_AGE_AFTER = words('tarikh tareekh tarik तारीख baje bje बजे am pm');

interface Tok {
  text: string;
  digit: boolean;
}

function tokenise(text: string): Tok[] {
  const out: Tok[] = [];
  for (const m of normalise(text)
    .toLowerCase()
    .matchAll(/\d+|[\p{L}\p{M}]+|[^\s\p{L}\p{M}\d]/gu)) {
    const digit = /^\d+$/.test(m[0]);
    out.push({ text: digit || !/\p{L}/u.test(m[0]) ? m[0] : foldForMatch(m[0]), digit });
  }
  return out;
}

/** Indexes of numbers that are parts of a date or a time: "20/11/2026", "15 nov", "5th", "4 baje". */
function dateParts(toks: Tok[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].digit) continue;
    // a run of numbers joined by / . - : ("20/11/2026", "12.3", "4:30"); two joined by "-" alone is a range
    let j = i;
    const seps: string[] = [];
    while (toks[j + 1] && /^[/.:-]$/.test(toks[j + 1].text) && toks[j + 2]?.digit) {
      seps.push(toks[j + 1].text);
      j += 2;
    }
    if (j > i && (seps.length >= 2 || seps[0] !== '-')) for (let k = i; k <= j; k += 2) out.add(k);
    const prev = toks[i - 1]?.text ?? '';
    const next = toks[i + 1]?.text ?? '';
    const after = ORDINAL.has(next) ? (toks[i + 2]?.text ?? '') : next;
    if (
      isMonthName(prev) ||
      isMonthName(after) ||
      (after === 'of' && isMonthName(toks[i + 3]?.text ?? toks[i + 2]?.text ?? '')) ||
      ORDINAL.has(next) ||
      NOT_AGE_AFTER.has(next)
    )
      out.add(i);
    i = Math.max(i, j);
  }
  return out;
}

/** The unit written right after the number at i ("6 mahine", "6-month-old"), and its index. */
function unitAfter(toks: Tok[], i: number): { unit: Unit; at: number } | null {
  let j = i + 1;
  if (toks[j]?.text === '-') j++;
  const unit = UNIT.get(toks[j]?.text ?? '');
  return unit ? { unit, at: j } : null;
}

/** The age at death in whole years, or null when the text gives none, or none exactly. */
export function readAgeAtDeath(text: string): number | null {
  const toks = tokenise(text);
  const dates = dateParts(toks);
  const numbers: { at: number; value: number; unit: Unit | null; end: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (dates.has(i)) continue;
    const t = toks[i];
    const u = unitAfter(toks, i);
    // "do saal", "chhe mahine": a number word counts only before a unit
    const value = t.digit ? (t.text.length <= 3 ? Number(t.text) : null) : u ? numberFromToken(t.text) : null;
    if (value !== null) numbers.push({ at: i, value, unit: u?.unit ?? null, end: u?.at ?? i });
  }
  // "65-70", "65 se 70 saal", "70 saal ya 72 saal": two ends, no one age ("1 saal 6 mahine" is one)
  for (let k = 0; k + 1 < numbers.length; k++) {
    const [a, b] = [numbers[k], numbers[k + 1]];
    const between = toks.slice(a.end + 1, b.at).map((t) => t.text);
    const sameScale = a.unit === null || b.unit === null || a.unit === b.unit;
    if (sameScale && between.length >= 1 && between.length <= 2 && between.some((w) => RANGE_JOIN.has(w)))
      return null;
  }
  // "2 din pehle", "3 din se bimar", "for 2 weeks": a span of time before the death, not the age
  const candidates = numbers.filter(
    (c) =>
      c.unit === null ||
      !(AGO.has(toks[c.end + 1]?.text ?? '') || SPAN_BEFORE.has(toks[c.at - 1]?.text ?? '')),
  );
  if (candidates.length === 0) return null;
  const cued = (c: (typeof candidates)[number]) =>
    toks.slice(Math.max(0, c.at - 3), c.at).some((t) => AGE_CUE.has(t.text));
  let used: typeof candidates;
  const withUnit = candidates.filter((c) => c.unit !== null);
  if (withUnit.length > 0) {
    // "1 saal 6 mahine" adds up; "70 saal … 72 saal" or a cued bare number beside it is two ages
    const units = withUnit.map((c) => c.unit);
    if (new Set(units).size !== units.length) return null;
    if (candidates.some((c) => c.unit === null && cued(c))) return null;
    used = withUnit;
  } else {
    const labelled = candidates.filter(cued);
    used = labelled.length > 0 ? labelled : candidates;
    if (used.length !== 1) return null;
  }
  const from = Math.max(0, used[0].at - 6);
  const to = used[used.length - 1].end + 5;
  const around = toks.slice(from, to);
  if (around.some((t) => UNSURE.has(t.text))) return null;
  const aroundWords = around.filter((t) => /[\p{L}\d]/u.test(t.text)).map((t) => t.text);
  if (DONT_KNOW.test(aroundWords.join(' '))) return null;
  // "65+", "70?", "60s" right after the number; "~70" right before it
  for (const c of used) {
    if (UNSURE_MARK.has(toks[c.end + 1]?.text ?? '') || toks[c.at - 1]?.text === '~') return null;
  }
  const days = used.reduce((sum, c) => sum + c.value * DAYS_IN[c.unit ?? 'y'], 0);
  // whole years completed: 6 months is 0, 18 months is 1 (a small epsilon for 12 months = 1 year)
  const years = Math.floor(days / DAYS_IN.y + 1e-9);
  return years <= 130 ? years : null;
}
