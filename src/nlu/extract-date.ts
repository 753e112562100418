import { foldNormalised, tokens } from '../lang/normalise.js';
import { withinEdits } from './edit-distance.js';
import { dayFromWord, numberFromToken } from './number-words.js';

const MONTHS = `
1 january jan janvari janvary janwari janwary janury जनवरी
2 february feb farvari farwari febuary feburary farvary फरवरी
3 march mar marc marchh मार्च मार्च
4 april apr aprail aprel apreal अप्रैल अप्रेल
5 may mai मई
6 june jun joon जून
7 july jul julai julaai जुलाई
8 august aug agast agust अगस्त
9 september sep sept sitambar sitamber septmber सितंबर सितम्बर
10 october oct aktubar aktoobar octuber अक्टूबर अक्तूबर
11 november nov navambar navamber novmber नवंबर नवम्बर
12 december dec disambar disamber dismbar दिसंबर दिसम्बर
`;

const MONTH = new Map<string, number>();
for (const line of MONTHS.trim().split('\n')) {
  const [n, ...names] = line.split(' ');
  for (const name of names) MONTH.set(foldNormalised(name), Number(n));
}

/** Whether a folded token names a month ("nov", "नवंबर", "disambar"). */
export function isMonthName(token: string): boolean {
  return MONTH.has(token);
}

const WEEKDAYS = `
0 sunday ravivar raviwar itvaar itwar itwaar रविवार इतवार
1 monday somvar somwar सोमवार
2 tuesday mangalvar mangalwar मंगलवार
3 wednesday budhvar budhwar बुधवार
4 thursday guruvar guruwar brihaspativar वीरवार गुरुवार बृहस्पतिवार
5 friday shukravar shukrawar शुक्रवार
6 saturday shanivar shaniwar शनिवार
`;
const WEEKDAY = new Map<string, number>();
for (const line of WEEKDAYS.trim().split('\n')) {
  const [n, ...names] = line.split(' ');
  for (const name of names) WEEKDAY.set(foldNormalised(name), Number(n));
}

function dayOfWeek(t: YMD): number {
  return new Date(Date.UTC(t.y, t.m - 1, t.d)).getUTCDay();
}

const ORDINAL_CUE = new Set(['on', 'the', 'dated']);
const TARIKH = new Set(['tarikh', 'tareekh', 'tarik', 'tareek', 'तारीख', 'तारिख', 'तरीख']);
const TODAY = new Set(['aaj', 'aj', 'today', 'आज']);
const YESTERDAY = new Set(['kal', 'kl', 'yesterday', 'कल']);
const DAY_BEFORE = new Set(['parson', 'parso', 'parsun', 'parsoon', 'परसों', 'परसो']);
const AGO = new Set([
  'pehle',
  'pahle',
  'phle',
  'pehele',
  'ago',
  'back',
  'पहले',
  'purv',
  'पूर्व',
  'hue',
  'hua',
  'ho',
  'हो',
  'हुए',
]);
const LAST = new Set([
  'pichhle',
  'pichle',
  'pichhla',
  'pichla',
  'pichhli',
  'pichli',
  'last',
  'पिछले',
  'पिछला',
  'पिछली',
  'beete',
  'बीते',
]);
const UNIT_DAYS = new Map<string, 'h' | 'd' | 'w' | 'm' | 'y'>();
for (const w of ['din', 'dino', 'dinon', 'day', 'days', 'दिन', 'दिनों']) UNIT_DAYS.set(w, 'd');
for (const w of ['hafta', 'hafte', 'hafton', 'week', 'weeks', 'हफ्ता', 'हफ्ते', 'हफ़्ते', 'सप्ताह', 'saptah'])
  UNIT_DAYS.set(foldNormalised(w), 'w');
for (const w of [
  'mahina',
  'mahine',
  'mahino',
  'mahinon',
  'month',
  'months',
  'महीना',
  'महीने',
  'महीनों',
  'maheena',
  'mahina',
])
  UNIT_DAYS.set(w, 'm');
for (const w of ['saal', 'sal', 'year', 'years', 'साल', 'वर्ष', 'varsh']) UNIT_DAYS.set(w, 'y');
// "1 ghante pehle", "2 hours ago": earlier today ("ek min, pehle …" is "wait a minute": no minutes)
for (const w of ['ghanta', 'ghante', 'ghanton', 'hour', 'hours', 'hr', 'hrs', 'घंटा', 'घंटे'])
  UNIT_DAYS.set(foldNormalised(w), 'h');

// Citizens live in India: "today" is the IST calendar date, whatever the server's zone.
const IST_OFFSET_MS = 330 * 60 * 1000;

interface YMD {
  y: number;
  m: number;
  d: number;
}

/** The IST calendar date of an instant, as YYYY-MM-DD. */
export function localDate(now: Date): string {
  return iso(istToday(now));
}

function istToday(now: Date): YMD {
  const t = new Date(now.getTime() + IST_OFFSET_MS);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function iso({ y, m, d }: YMD): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function valid({ y, m, d }: YMD): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function addDays(t: YMD, days: number): YMD {
  const x = new Date(Date.UTC(t.y, t.m - 1, t.d + days));
  return { y: x.getUTCFullYear(), m: x.getUTCMonth() + 1, d: x.getUTCDate() };
}

function addMonths(t: YMD, months: number): YMD {
  const first = new Date(Date.UTC(t.y, t.m - 1 + months, 1));
  const y = first.getUTCFullYear();
  const m = first.getUTCMonth() + 1;
  return { y, m, d: Math.min(t.d, new Date(Date.UTC(y, m, 0)).getUTCDate()) };
}

function fullYear(y: number, today: YMD): number {
  if (y >= 100) return y;
  return 2000 + y <= today.y + 5 ? 2000 + y : 1900 + y;
}

/** A day and month without a year: the most recent occurrence that is not after today. */
function recentPast(m: number, d: number, today: YMD): YMD | null {
  for (const y of [today.y, today.y - 1, today.y - 2, today.y - 3, today.y - 4]) {
    const t = { y, m, d };
    if (valid(t) && iso(t) <= iso(today)) return t;
  }
  return null;
}

function build(d: number, m: number, y: number | null, today: YMD): YMD | null {
  if (y === null) return recentPast(m, d, today);
  const t = { y: fullYear(y, today), m, d };
  return valid(t) ? t : null;
}

const NUMERIC =
  /(?<![\d/.-])(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})\s?([/.-])\s?(\d{1,2})(?:\s?[/.-]\s?(\d{4}|\d{2}))?)(?![\d/-])/g;

// "12/3 aliganj lucknow 226024", "H.No. 4/7, Gandhi Nagar": a house number written like a day/month
const HOUSE_BEFORE =
  /(?:house|h\s?no|hno|makan|makaan|मकान|flat|plot|quarter|qtr|no|number|num|नं|नंबर|संख्या|#|ghar|घर|khasra|plot no|ward|वार्ड)\s*[:.-]?\s*$/iu;
const PIN_IN = /(?<!\d)[1-9]\d{2}\s?\d{3}(?!\d)/;
const ADDRESS_WORD_IN =
  /(?:^|[\s,])(?:house|makan|मकान|ward|वार्ड|gali|गली|mohalla|मोहल्ला|gram|ग्राम|gaon|गांव|गाँव|village|post|पोस्ट|thana|tehsil|sector|flat|colony|कॉलोनी|nagar|नगर|road|rd|marg|मार्ग|street|lane|block|vihar|विहार|chowk|चौक|puram|पुरम|ganj|गंज|enclave|apartment|near|paas|पास|lucknow|लखनऊ)(?=[\s,.:-]|$)/iu;
// what may follow a day/month that is a date: "12/3 ko", "12/3 hua", "12/3 at 4 pm"
const DATE_FOLLOWER =
  /^\s*(?:ko|को|ki|की|ka|का|hua|hui|huwa|हुआ|हुई|tha|thi|था|थी|hai|है|h|born|dob|date|tarikh|तारीख|janm|जन्म|paida|पैदा|raat|रात|subah|सुबह|shaam|शाम|din|दिन|at\s+\d|को)(?:\s|[,.;!?।]|$)/iu;

/** Whether the day/month written at [at, end) is a house or plot number inside an address. */
function houseNumber(text: string, at: number, end: number, sep: string, hasYear: boolean): boolean {
  if (hasYear || sep === '.') return false;
  const before = text.slice(Math.max(0, at - 14), at);
  if (HOUSE_BEFORE.test(before)) return true;
  const after = text.slice(end);
  // "born 12/3, ... 226024": a comma right after the number closes a date
  if (!/^\s+\p{L}/u.test(after) || DATE_FOLLOWER.test(after)) return false;
  const sentence = after.split(/[.!?\n।]/)[0];
  const segment = after.split(/[,;.!?\n।]/)[0];
  return PIN_IN.test(sentence) || ADDRESS_WORD_IN.test(segment);
}

function numericDates(text: string, today: YMD, out: { at: number; date: YMD }[]): void {
  for (const m of text.matchAll(NUMERIC)) {
    const at = m.index ?? 0;
    if (!m[1] && houseNumber(text, at, at + m[0].length, m[5], m[7] !== undefined)) continue;
    let date: YMD | null;
    if (m[1]) date = build(Number(m[3]), Number(m[2]), Number(m[1]), today);
    // "12.5" is more often a decimal than a date; dots need a year
    else if (m[5] === '.' && !m[7]) date = null;
    else date = build(Number(m[4]), Number(m[6]), m[7] ? Number(m[7]) : null, today);
    if (date) out.push({ at: m.index ?? 0, date });
  }
}

function dayOf(token: string | undefined): number | null {
  const m = token ? /^(\d{1,2})(?:st|nd|rd|th)?$/.exec(token) : null;
  return m ? Number(m[1]) : null;
}

function yearOf(token: string | undefined): number | null {
  return token && /^(19|20)\d{2}$/.test(token) ? Number(token) : null;
}

// "this month", "is mahine", "इसी महीने": a calendar month or year named without a day
const THIS = new Set(['this', 'is', 'isi', 'iss', 'issi', 'current', 'इस', 'इसी']);
// what sits between a bare day and its month: "pichle mahine ki 5", "पिछले महीने 5 को"
const DAY_CUE_BEFORE = new Set(['on', 'the', 'ki', 'की', 'ke', 'के', 'ka', 'का']);
const DAY_CUE_AFTER = new Set(['ko', 'को', 'of']);

/**
 * A calendar month or year the message names as a whole ("pichle mahine", "last year", "इस
 * साल"): offset 0 is this one, -1 the one before. It says where a day or a month-and-day
 * falls; alone it is no date (its day would be made up).
 */
interface Period {
  unit: 'm' | 'y';
  offset: number;
}

function calendarPeriod(toks: string[]): Period | null {
  for (let i = 0; i + 1 < toks.length; i++) {
    const unit = UNIT_DAYS.get(toks[i + 1]);
    if (unit !== 'm' && unit !== 'y') continue;
    if (LAST.has(toks[i])) return { unit, offset: -1 };
    if (THIS.has(toks[i])) return { unit, offset: 0 };
  }
  return null;
}

/** Day d of the period's month ("pichle mahine ki 5 tareekh"); null when the period is a year (no month). */
function dayOfPeriod(d: number, period: Period, today: YMD): YMD | null {
  if (period.unit !== 'm') return null;
  const month = addMonths({ ...today, d: 1 }, period.offset);
  const t = { y: month.y, m: month.m, d };
  return valid(t) ? t : null;
}

function wordDates(toks: string[], today: YMD, period: Period | null): YMD[] {
  const out: YMD[] = [];
  // "5 march pichle saal": the year the period names, when none is written
  const periodYear = period?.unit === 'y' ? today.y + period.offset : null;
  for (let i = 0; i < toks.length; i++) {
    const month = MONTH.get(toks[i]);
    if (month === undefined) continue;
    // "12th of March"
    const before =
      dayOf(toks[i - 1]) ?? (toks[i - 1] === 'of' ? dayOf(toks[i - 2]) : null) ?? dayFromWord(toks[i - 1]);
    const after = dayOf(toks[i + 1]);
    let date: YMD | null = null;
    // "5 dec 25": a two-digit year right after the month
    const shortYear = /^\d{2}$/.test(toks[i + 1] ?? '') ? Number(toks[i + 1]) : null;
    if (before !== null) date = build(before, month, yearOf(toks[i + 1]) ?? shortYear ?? periodYear, today);
    else if (after !== null) date = build(after, month, yearOf(toks[i + 2]) ?? periodYear, today);
    if (date) out.push(date);
  }
  for (let i = 1; i < toks.length; i++) {
    const day = TARIKH.has(toks[i]) ? dayOf(toks[i - 1]) : null;
    if (day === null) continue;
    // "pichle mahine ki 5 tareekh" is day 5 of last month; "pichle saal 5 tarikh" names no month
    const date = period ? dayOfPeriod(day, period, today) : dayThisMonth(day, today);
    if (date) out.push(date);
  }
  // "on 19th", "19th ko": an ordinal alone is a day of this month (not "2nd floor" inside an address)
  if (out.length === 0) {
    for (let i = 0; i < toks.length; i++) {
      const ordinal = /^\d{1,2}(?:st|nd|rd|th)$/.test(toks[i]);
      if (period) {
        // "5th of last month", "last month on the 5th", "पिछले महीने की 5 को"
        const bare = /^\d{1,2}$/.test(toks[i]);
        const cued =
          ordinal ||
          (bare && (DAY_CUE_BEFORE.has(toks[i - 1] ?? '') || DAY_CUE_AFTER.has(toks[i + 1] ?? '')));
        const date = cued ? dayOfPeriod(Number.parseInt(toks[i], 10), period, today) : null;
        if (date) out.push(date);
        continue;
      }
      if (!ordinal) continue;
      const cued = ORDINAL_CUE.has(toks[i - 1] ?? '') || toks[i + 1] === 'ko' || toks.length <= 2;
      const date = cued ? dayThisMonth(Number.parseInt(toks[i], 10), today) : null;
      if (date) out.push(date);
    }
  }
  return out;
}

/** "5 tarikh ko": day 5 of this month, or of last month if that is still to come. */
function dayThisMonth(d: number, today: YMD): YMD | null {
  const month = d <= today.d ? today : addMonths({ ...today, d: 1 }, -1);
  const t = { y: month.y, m: month.m, d };
  return valid(t) ? t : null;
}

// "last night", "yesterday evening", "this morning", "day before yesterday": parts of a day
const PART_OF_DAY = new Set([
  'night',
  'evening',
  'morning',
  'afternoon',
  'raat',
  'shaam',
  'sham',
  'subah',
  'dopahar',
]);

function dayPhrase(toks: string[], today: YMD): YMD | null {
  for (let i = 0; i < toks.length; i++) {
    const [a, b, c] = [toks[i], toks[i + 1] ?? '', toks[i + 2] ?? ''];
    if (a === 'day' && b === 'before' && c === 'yesterday') return addDays(today, -2);
    if ((a === 'last' || a === 'yesterday') && PART_OF_DAY.has(b)) return addDays(today, -1);
    if ((a === 'this' || a === 'today' || a === 'earlier') && (PART_OF_DAY.has(b) || b === 'today'))
      return today;
    if (a === 'tonight') return today;
  }
  return null;
}

function relativeDate(toks: string[], today: YMD): YMD | null {
  const phrase = dayPhrase(toks, today);
  if (phrase) return phrase;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const unit = UNIT_DAYS.get(toks[i + 1] ?? '');
    const n = numberFromToken(t);
    if (n !== null && unit && AGO.has(toks[i + 2] ?? '')) return shift(today, unit, n);
    // "pichle hafte", "last week" (a month or a year named this way is a calendarPeriod, no day)
    if (LAST.has(t) && UNIT_DAYS.has(toks[i + 1] ?? '')) return shift(today, UNIT_DAYS.get(toks[i + 1])!, 1);
    // "hafta pehle", "week ago" without a count
    if (UNIT_DAYS.has(t) && AGO.has(toks[i + 1] ?? '') && numberFromToken(toks[i - 1] ?? '') === null) {
      return shift(today, UNIT_DAYS.get(t)!, 1);
    }
  }
  for (const t of toks) {
    const weekday = WEEKDAY.get(t);
    // "somvar ko", "last sunday": the most recent such day before today
    if (weekday !== undefined) return addDays(today, -(((dayOfWeek(today) - weekday + 6) % 7) + 1));
  }
  for (const t of toks) {
    if (TODAY.has(t)) return today;
    // "yesteday", "yesturday": no other word is a letter away from it
    if (YESTERDAY.has(t) || (t.length >= 8 && withinEdits(t, 'yesterday', 1))) return addDays(today, -1);
    if (DAY_BEFORE.has(t)) return addDays(today, -2);
    if (t === 'tomorrow') return addDays(today, 1);
  }
  return null;
}

function shift(today: YMD, unit: 'h' | 'd' | 'w' | 'm' | 'y', n: number): YMD {
  // hours count as today: the clock's hour is not known here, and "2 ghante pehle" is almost always today
  if (unit === 'h') return today;
  if (unit === 'd') return addDays(today, -n);
  if (unit === 'w') return addDays(today, -7 * n);
  return addMonths(today, unit === 'm' ? -n : -12 * n);
}

/**
 * Every date in the message as ISO YYYY-MM-DD, explicit dates first; future dates are kept as
 * they are. Only whole days: a month or a year alone ("pichle mahine", "last year", "march
 * 2025") is no date, so a caller asks for the day instead of storing one made up.
 */
export function extractDates(text: string, now: Date, folded?: readonly string[]): string[] {
  const today = istToday(now);
  const found: { at: number; date: YMD }[] = [];
  numericDates(text, today, found);
  const toks = folded ? [...folded] : tokens(foldNormalised(text));
  const period = calendarPeriod(toks);
  const dates = [...found.map((f) => f.date), ...wordDates(toks, today, period)];
  // "pichle mahine", "last year" without a day: only a month or a year, so no date (the form
  // asks for the exact one rather than make a day up)
  if (dates.length === 0 && !period) {
    const rel = relativeDate(toks, today);
    if (rel) dates.push(rel);
  }
  return [...new Set(dates.map(iso))];
}

// a day/month pair written like a date: "31/02/2026", "30 feb"
const DATE_LIKE = /(?<![\d/.-])\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?(?:\d{4}|\d{2})(?![\d/-])/;

/** Whether the message writes a date that does not exist and no date that does. */
export function hasInvalidDate(text: string, now: Date): boolean {
  if (extractDates(text, now).length > 0) return false;
  if (DATE_LIKE.test(text)) return true;
  const toks = tokens(foldNormalised(text));
  return toks.some((t, i) => MONTH.has(t) && (dayOf(toks[i - 1]) !== null || dayOf(toks[i + 1]) !== null));
}

/** The first date in the message, or null. */
export function extractDate(text: string, now: Date): string | null {
  return extractDates(text, now)[0] ?? null;
}

/**
 * Whether the message's only date is counted back in months or years ("a month ago", "ek mahina
 * pehle", "2 saal pehle"), or in weeks with a weekday beside it ("last week tuesday" read as the
 * last Monday once): a complaint may take the day that gives, but it is a day made up, never the
 * date of a birth or a death on a register (as "pichle mahine" alone is no date). Days and weeks
 * counted back ("3 din pehle", "2 hafte pehle", "last week") are days, as they always were.
 */
export function isCountedBackDate(text: string, now: Date): boolean {
  const today = istToday(now);
  const found: { at: number; date: YMD }[] = [];
  numericDates(text, today, found);
  const toks = tokens(foldNormalised(text));
  const period = calendarPeriod(toks);
  if (found.length > 0 || period || wordDates(toks, today, period).length > 0) return false;
  if (dayPhrase(toks, today)) return false;
  const weekday = toks.some((t) => WEEKDAY.has(t));
  return toks.some((t, i) => {
    const unit = UNIT_DAYS.get(t);
    if (unit !== 'm' && unit !== 'y' && !(unit === 'w' && weekday)) return false;
    return LAST.has(toks[i - 1] ?? '') || AGO.has(toks[i + 1] ?? '');
  });
}
