import type { Lang } from '../../../src/lang/language.js';
import type { CaseTurn, EvalCase } from '../case-schema.js';
import { addTypos, seededRandom } from '../simulator/citizen-voice.js';
import { CODE_MIX, PHRASES, SPELLINGS } from './lexicon.js';

// From one case, the ways other citizens would write the same conversation: the other two
// language forms, typos, lower case, other romanized spellings, code-mixing. Each variant
// keeps the case's expected end state (what must be filed does not depend on how it was
// written); reply checks bound to one language's wording are dropped, references kept.

export type VariantKind = 'language' | 'typos' | 'lower' | 'spelling' | 'code-mix';
export const LANGS: Lang[] = ['en', 'hi', 'hinglish'];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const word = (s: string) => new RegExp(`(?<![\\p{L}\\p{M}])${esc(s)}(?![\\p{L}\\p{M}])`, 'giu');

/** Phrase by phrase into another language form; names, places and numbers pass through. */
export function translate(text: string, from: Lang, to: Lang): string {
  const phrases = [...PHRASES].sort((a, b) => b[from].length - a[from].length);
  // placeholders keep a replaced phrase from being replaced again by a shorter one
  const done: string[] = [];
  let out = text;
  for (const p of phrases) {
    out = out.replace(word(p[from]), () => {
      done.push(p[to]);
      return `\u0000${done.length - 1}\u0000`;
    });
  }
  return out.replace(/\u0000(\d+)\u0000/g, (_, i: string) => done[Number(i)]);
}

export function respell(text: string, seed: string): string {
  const rng = seededRandom(seed);
  let out = text;
  for (const group of SPELLINGS) {
    // one pass per group, so a respelt word is not respelt back
    const any = new RegExp(`(?<![\\p{L}\\p{M}])(${group.map(esc).join('|')})(?![\\p{L}\\p{M}])`, 'giu');
    out = out.replace(any, (m) => {
      const others = group.filter((g) => g !== m.toLowerCase());
      return others[Math.floor(rng() * others.length)] ?? m;
    });
  }
  return out;
}

export function codeMix(text: string, lang: Lang): string {
  return CODE_MIX[lang].reduce((s, [a, b]) => s.replace(word(a), b), text);
}

// enum values (placeOfBirthType: hospital) are words of the sentence, not the citizen's facts
const CLOSED_VALUES = new Set([
  'hospital',
  'home',
  'other',
  'male',
  'female',
  'transgender',
  'staff_behaviour',
  'cleanliness',
  'medicine_unavailable',
  'bribery_or_fees',
  'waiting_time',
  'equipment_or_facilities',
  'free',
  'en',
  'hi',
  'hinglish',
]);

/** The values an expectation names (child's name, PIN…): a variant must not misspell them. */
function protectedValues(c: EvalCase): string[] {
  const out: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string' && x.length > 2 && !CLOSED_VALUES.has(x)) out.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') Object.values(x).forEach(walk);
  };
  walk(c.expect);
  for (const t of c.turns ?? []) walk(t.args);
  return out;
}

function mapText(t: CaseTurn, f: (s: string) => string): CaseTurn {
  return t.text !== undefined ? { ...t, text: f(t.text) } : t;
}

// wording checks belong to one language; references and numbers hold in all
const portable = (xs: string[] | undefined) => xs?.filter((x) => /^[A-Z]{2,4}-\d{4}-\d+$|^\d+$/.test(x));

function forLanguage(
  t: CaseTurn,
  lang: Lang,
  from: Lang,
  protect: (s: string, f: (x: string) => string) => string,
): CaseTurn {
  const { replyContains, replyContainsAny, replyNotContains, replyLanguage, ...rest } = t;
  const keep = portable(replyContains);
  const keepAny = portable(replyContainsAny);
  const out: CaseTurn = {
    ...rest,
    ...(t.text !== undefined ? { text: protect(t.text, (x) => translate(x, from, lang)) } : {}),
    // a tapped button's title is in the language it was shown in
    ...(t.button ? { button: { id: t.button.id, title: translate(t.button.title, from, lang) } } : {}),
  };
  if (keep?.length) out.replyContains = keep;
  if (keepAny?.length) out.replyContainsAny = keepAny;
  if (replyNotContains?.length) out.replyNotContains = replyNotContains;
  if (replyLanguage === 'any') out.replyLanguage = 'any';
  return out;
}

// records store the language the citizen wrote in: that moves with the variant
function recordLanguage(
  expect: NonNullable<EvalCase['expect']>,
  from: Lang,
  to: Lang,
): NonNullable<EvalCase['expect']> {
  type TableExpect = { records?: Record<string, unknown>[] } | undefined;
  const move = (e: TableExpect) =>
    e?.records
      ? { ...e, records: e.records.map((r) => (r.language === from ? { ...r, language: to } : r)) }
      : e;
  return Object.fromEntries(
    Object.entries(expect).map(([table, e]) => [
      table,
      // `cases` is keyed by service id, each an expectation of its own
      table === 'cases'
        ? Object.fromEntries(
            Object.entries((e ?? {}) as Record<string, TableExpect>).map(([s, x]) => [s, move(x)]),
          )
        : move(e as TableExpect),
    ]),
  ) as NonNullable<EvalCase['expect']>;
}

const DEVANAGARI = /[\u0900-\u097F]/;
// words that mark romanized Hindi: left in an "English" variant, it is not English
const HINGLISH_MARKS = new Set([
  'hai',
  'me',
  'mein',
  'ka',
  'ki',
  'ke',
  'ko',
  'hua',
  'hui',
  'nahi',
  'haan',
  'makan',
  'ladka',
  'ladki',
  'mera',
  'meri',
  'tha',
  'thi',
  'karo',
  'kya',
  'aur',
]);

// an English sentence with three words put in Hindi is still English: a romanized variant whose
// words are mostly the English ones it came from is no Hinglish message (its reply rightly English)
const MOST_KEPT = 0.6;

const wordsOf = (turns: CaseTurn[], keep: string[]) =>
  turns
    .map((t) => t.text ?? '')
    .map((s) => keep.reduce((x, v) => x.split(v).join(' '), s))
    .join(' ')
    .toLowerCase()
    .split(/[^\p{L}\p{M}]+/u)
    .filter(Boolean);

/** Words of a translated conversation still in the source form (the lexicon lacks them). */
function untranslated(
  turns: CaseTurn[],
  lang: Lang,
  keep: string[],
  source: CaseTurn[] = [],
  from?: Lang,
): string[] {
  const words = wordsOf(turns, keep);
  if (lang === 'hi') return [...new Set(words.filter((w) => /[a-z]/.test(w)))];
  if (lang === 'hinglish' && from === 'en') {
    // each turn on its own: one long English message among short translated ones is still English
    const kept = turns.flatMap((t, i) => {
      const mine = wordsOf([t], keep);
      const theirs = new Set(wordsOf(source[i] ? [source[i]] : [], keep));
      const same = mine.filter((w) => theirs.has(w));
      return mine.length >= 8 && same.length / mine.length > MOST_KEPT ? same : [];
    });
    if (kept.length) return [...new Set(kept)];
  }
  const wrong = words.filter((w) => DEVANAGARI.test(w) || (lang === 'en' && HINGLISH_MARKS.has(w)));
  return [...new Set(wrong)];
}

export interface VariantSet {
  cases: EvalCase[];
  /** variants not made, and why (a reviewer extends the lexicon, or writes them by hand) */
  skipped: { id: string; why: string }[];
}

/** Every variant of one case, ids `<id>.var-<kind or language>`, tagged `generated`. */
export function variantsOf(
  c: EvalCase,
  kinds: VariantKind[] = ['language', 'typos', 'lower', 'spelling', 'code-mix'],
): VariantSet {
  const out: EvalCase[] = [];
  const skipped: VariantSet['skipped'] = [];
  const tag = (kind: string) => [...c.tags.filter((t) => t !== 'critical'), 'generated', kind];
  const base = { ...c, description: `generated from ${c.id}${c.description ? `: ${c.description}` : ''}` };
  const keepValues = protectedValues(c);
  const protect = (s: string, f: (x: string) => string) => {
    // values are cut out, the rest transformed, the values put back as they were
    const parts: string[] = [];
    let masked = s;
    for (const v of keepValues.sort((a, b) => b.length - a.length))
      masked = masked.split(v).join(`\u0001${parts.push(v) - 1}\u0001`);
    return f(masked).replace(/\u0001(\d+)\u0001/g, (_, i: string) => parts[Number(i)]);
  };
  if (kinds.includes('language'))
    for (const lang of LANGS.filter((l) => l !== c.language)) {
      const expect = c.expect ? { expect: recordLanguage(c.expect, c.language, lang) } : {};
      const id = `${c.id}.var-${lang}`;
      if (c.goal) {
        // the citizen's facts are in their script: a Devanagari name does not move to English
        const prose = Object.values(c.goal.facts).some(
          (v) =>
            typeof v === 'string' &&
            v
              .toLowerCase()
              .split(/\s+/)
              .some((w) => HINGLISH_MARKS.has(w) || DEVANAGARI.test(w)),
        );
        if ((lang === 'hi') !== (c.language === 'hi') || prose) {
          skipped.push({ id, why: 'the facts are written in the other script' });
          continue;
        }
        out.push({ ...base, id, language: lang, tags: tag('language'), ...expect });
        continue;
      }
      const turns = c.turns?.map((t) => forLanguage(t, lang, c.language, protect)) ?? [];
      const left = untranslated(turns, lang, keepValues, c.turns ?? [], c.language);
      if (left.length) {
        skipped.push({ id, why: `words the lexicon cannot carry: ${left.join(', ')}` });
        continue;
      }
      out.push({ ...base, id, language: lang, tags: tag('language'), turns, ...expect });
    }
  const textVariant = (kind: VariantKind, f: (s: string) => string, goalStyle?: 'typos' | 'low_literacy') => {
    if (c.goal) {
      if (goalStyle && c.goal.style !== goalStyle)
        out.push({
          ...base,
          id: `${c.id}.var-${kind}`,
          tags: tag(kind),
          goal: { ...c.goal, style: goalStyle },
        });
      return;
    }
    const turns = c.turns?.map((t) => mapText(t, (s) => protect(s, f)));
    if (JSON.stringify(turns) !== JSON.stringify(c.turns))
      out.push({ ...base, id: `${c.id}.var-${kind}`, tags: tag(kind), turns });
  };
  if (kinds.includes('typos')) textVariant('typos', (s) => addTypos(s, seededRandom(c.id)), 'typos');
  if (kinds.includes('lower')) textVariant('lower', (s) => s.toLowerCase(), 'low_literacy');
  if (kinds.includes('spelling')) textVariant('spelling', (s) => respell(s, c.id));
  if (kinds.includes('code-mix')) textVariant('code-mix', (s) => codeMix(s, c.language));
  return { cases: out, skipped };
}
