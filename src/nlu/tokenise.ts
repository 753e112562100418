import { foldNormalised } from '../lang/normalise.js';

export interface Tokens {
  /** tokens as written (normalised), for output such as names */
  raw: string[];
  /** the same tokens folded for matching, index for index */
  folded: string[];
  /** breakAfter[i]: punctuation (",", ".", "?"…) or a line break follows token i */
  breakAfter: boolean[];
  /** dotAfter[i]: token i is an abbreviation or initial written with its dot ("Mohd.", "R.", "डॉ.") */
  dotAfter?: boolean[];
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const BREAK = /[,.;!?|()/\n\u0964\u0965]/;
// "Md. Salim", "Dr. Rao", "R. K. Sharma": a dot after a short abbreviation or an initial does not end
// the clause; "Mohd.", "Smt.", "Kum." are longer but as common in names written on forms
const ABBREVIATION =
  /^(?:[A-Za-z]{1,3}|mohd|mohmd|smt|shri|kum|prof|डॉ|मो|मोह|कु|श्री|स्व|प्रो|श्रीमती|सु|आर|के|एस|एम|पी|जे|डी|बी|सी|ए|वी|एन|एल|टी|जी|एच|यू|ओ)$/i;

/** Words of normalised text, raw and folded side by side, with where clauses break. */
export function tokenise(normalised: string): Tokens {
  const raw: string[] = [];
  const breakAfter: boolean[] = [];
  const dotAfter: boolean[] = [];
  let last = 0;
  for (const m of normalised.matchAll(WORD)) {
    const at = m.index ?? 0;
    const gap = normalised.slice(last, at);
    const abbreviation =
      gap.trim() === '.' && ABBREVIATION.test(raw[raw.length - 1] ?? '') && !/\n/.test(gap);
    if (raw.length > 0 && BREAK.test(gap) && !abbreviation) breakAfter[raw.length - 1] = true;
    if (abbreviation) dotAfter[raw.length - 1] = true;
    raw.push(m[0]);
    breakAfter.push(false);
    dotAfter.push(false);
    last = at + m[0].length;
  }
  // one fold of the whole text is much cheaper than one per word; folding never splits a word
  const whole = foldNormalised(normalised);
  const folded = whole === '' ? [] : whole.split(' ');
  // a trailing "Mohd." (nothing after the dot) is still written with its dot
  if (raw.length > 0 && /^\s*\./.test(normalised.slice(last)) && ABBREVIATION.test(raw[raw.length - 1]))
    dotAfter[raw.length - 1] = true;
  if (folded.length === raw.length) return { raw, folded, breakAfter, dotAfter };
  // a word that folds to nothing (a stray nukta): fold word by word and drop it
  const out: Tokens = { raw: [], folded: [], breakAfter: [], dotAfter: [] };
  raw.forEach((r, i) => {
    const f = foldNormalised(r);
    if (f === '') return;
    out.raw.push(r);
    out.folded.push(f);
    out.breakAfter.push(breakAfter[i]);
    out.dotAfter?.push(dotAfter[i]);
  });
  return out;
}
