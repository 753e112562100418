import { foldNormalised } from '../lang/normalise.js';

export interface Tokens {
  /** tokens as written (normalised), for output such as names */
  raw: string[];
  /** the same tokens folded for matching, index for index */
  folded: string[];
  /** breakAfter[i]: punctuation (",", ".", "?"…) or a line break follows token i */
  breakAfter: boolean[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const BREAK = /[,.;!?|()/\n\u0964\u0965]/;
// "Md. Salim", "Dr. Rao": a dot after a short abbreviation does not end the clause
const ABBREVIATION = /^[A-Za-z]{1,3}$/;

/** Words of normalised text, raw and folded side by side, with where clauses break. */
export function tokenise(normalised: string): Tokens {
  const raw: string[] = [];
  const breakAfter: boolean[] = [];
  let last = 0;
  for (const m of normalised.matchAll(WORD)) {
    const at = m.index ?? 0;
    const gap = normalised.slice(last, at);
    const abbreviation =
      gap.trim() === '.' && ABBREVIATION.test(raw[raw.length - 1] ?? '') && !/\n/.test(gap);
    if (raw.length > 0 && BREAK.test(gap) && !abbreviation) breakAfter[raw.length - 1] = true;
    raw.push(m[0]);
    breakAfter.push(false);
    last = at + m[0].length;
  }
  // one fold of the whole text is much cheaper than one per word; folding never splits a word
  const whole = foldNormalised(normalised);
  const folded = whole === '' ? [] : whole.split(' ');
  if (folded.length === raw.length) return { raw, folded, breakAfter };
  // a word that folds to nothing (a stray nukta): fold word by word and drop it
  const out: Tokens = { raw: [], folded: [], breakAfter: [] };
  raw.forEach((r, i) => {
    const f = foldNormalised(r);
    if (f === '') return;
    out.raw.push(r);
    out.folded.push(f);
    out.breakAfter.push(breakAfter[i]);
  });
  return out;
}
