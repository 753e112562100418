import { turnMemo } from '../nlu/turn-memo.js';

// Zero-width joiners/non-joiners, zero-width space, word joiner, BOM and soft hyphen:
// cheap keyboards and copy-paste insert them invisibly inside Hindi words.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const DEVANAGARI_DIGIT = /[\u0966-\u096F]/g;
const LINE_BREAK = /\s*\n\s*/g;
const SPACES = /[^\S\n]+/gu;
const NUKTA = /\u093C/g;
const CHANDRABINDU = /\u0901/g;
// Letters, combining marks (Devanagari vowel signs) and digits survive; the rest is a separator.
const PUNCTUATION = /[^\p{L}\p{M}\p{N}]+/gu;
// "hiiii", "pleaseeee", "nahiii": stretched letters carry no meaning for matching.
const STRETCHED = /(\p{L})\1{2,}/gu;

// Whitespace that SPACES would change: a tab or other space character, or two in a row. Most
// messages have none, and replacing every single space by itself is the dearest step of normalise.
const UNEVEN_SPACES = /[^\S\n ]|[^\S\n]{2}/u;

/** NFC, invisible characters removed, Devanagari digits as ASCII, whitespace collapsed (one line break kept), trimmed. */
export function normalise(text: string): string {
  // every reader of a message normalises it again: once a turn is enough
  return turnMemo('normalise', text, () => normaliseText(text));
}

function normaliseText(text: string): string {
  const s = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(DEVANAGARI_DIGIT, (d) => String(d.charCodeAt(0) - 0x0966));
  return (
    (UNEVEN_SPACES.test(s) ? s.replace(SPACES, ' ') : s)
      // line breaks separate fields in form-like messages ("Name: Priya⏎DOB: …"): keep one
      .replace(LINE_BREAK, '\n')
      .trim()
  );
}

/** Folds spelling variants that carry no meaning so lexicons match: ड़/ड, हाँ/हां, Case, punctuation. */
export function foldForMatch(text: string): string {
  return turnMemo('foldForMatch', text, () => foldNormalised(normalise(text)));
}

const NEEDS_DECOMPOSITION = /[\u0958-\u095F\u093C\u0901]/;
const ASCII = /^[\x00-\x7F]*$/;
const ASCII_STRETCHED = /([a-z])\1{2,}/g;
const ASCII_PUNCTUATION = /[^a-z0-9]+/g;
const ASCII_UNEVEN = /[^a-z0-9 ]| {2}/;

/** foldForMatch for text that is already normalised (saves a pass in hot paths). */
export function foldNormalised(normalised: string): string {
  // most messages are plain ASCII: skip the Unicode-aware passes for them
  if (ASCII.test(normalised)) {
    const lower = normalised.toLowerCase().replace(ASCII_STRETCHED, '$1');
    // words and single spaces already: replacing each space by a space changes nothing
    return (ASCII_UNEVEN.test(lower) ? lower.replace(ASCII_PUNCTUATION, ' ') : lower).trim();
  }
  let s = normalised;
  // NFD first so precomposed nukta letters (U+0958..U+095F, e.g. ड़ as one code point) lose the nukta too.
  if (NEEDS_DECOMPOSITION.test(s))
    s = s.normalize('NFD').replace(NUKTA, '').normalize('NFC').replace(CHANDRABINDU, '\u0902');
  return s.toLowerCase().replace(STRETCHED, '$1').replace(PUNCTUATION, ' ').trim();
}

/** Tokens of folded text. */
export function tokens(folded: string): string[] {
  return folded === '' ? [] : folded.split(' ');
}
