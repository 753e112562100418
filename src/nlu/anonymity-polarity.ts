import { withinEdits } from './edit-distance.js';

// Reads "hide my name?" answers by the verb and the negation attached to it, so that double
// negation reads right: "nahi, naam chhupana nahi hai" is a "no" to the question and a "do not
// hide" in the clause: the name is shown. A phrase list cannot do that ("naam chhupana" is in it).

const HIDE =
  /^(?:chh?[ui]p(?:a|aa|ao|aiye|aye|ayen|aen|aein|ana|ane|ani|aya|ayi|akar|ake|ado|adein|adijiye)?|chh?[ui]p|hide|hidden|hiding|conceal|concealed|secret|private|anonymous|anonymously|anonymity|anon|gumnaam|gumnam|gupt|छुप\p{M}*.*|छिप\p{M}*.*|गुप्त|गुमनाम)$/u;
// "keep my name sceret", "anonymus": the long hiding words typed in a hurry (one or two edits)
const HIDE_LONG = ['secret', 'hidden', 'anonymous', 'private', 'gumnaam'];
const hideTypo = (w: string) =>
  w.length >= 5 &&
  /^[a-z]+$/.test(w) &&
  HIDE_LONG.some((h) => h[0] === w[0] && withinEdits(w, h, h.length >= 7 ? 2 : 1));
const SHOW =
  /^(?:bata|batao|batana|batane|bataiye|bataye|batayein|bata|dikha|dikhao|dikhana|dikhane|dikhaiye|dikhaye|share|shared|sharing|reveal|revealed|disclose|disclosed|show|shown|mention|use|de|dena|dedo|बता\p{M}*.*|दिखा\p{M}*.*)$/u;
const NAME = new Set([
  'naam',
  'nam',
  'name',
  'नाम',
  'identity',
  'pehchan',
  'pahchan',
  'पहचान',
  'me',
  'mujhe',
]);
// a negation before the verb: "mat chhupao", "don't hide", "never show", "no need to hide"
const NOT_BEFORE = new Set([
  'mat',
  'na',
  'naa',
  'not',
  'never',
  't',
  'dont',
  'donot',
  'मत',
  'न',
  'ना',
  'bilkul',
]);
// a negation after it: "chhupana nahi hai", "छुपाने की ज़रूरत नहीं", "hide karne ki zarurat nahi"
const NOT_AFTER = new Set(['nahi', 'nhi', 'nahin', 'nai', 'नहीं', 'नही', 'mat', 'मत', 'not']);
const NO_NEED = /^(?:no need|not necessary|no necessity|need not|needn t)$/;
// "gupt na rakhein", "गुप्त न रखें": a "na" with a verb after it negates; a "na" at the end is
// the tag of a request ("chhupa do na": do hide it)
const NA = new Set(['na', 'naa', 'न', 'ना']);
// "don't forget to hide", "chhupana mat bhoolna": the negation is of the forgetting
const FORGET = /^(?:forget|forgot|bh[ou]{1,2}l\p{L}*|भूल\p{M}*.*|भुल\p{M}*.*)$/u;
const LEAD_NO = new Set(['no', 'nahi', 'nhi', 'nahin', 'nope', 'नहीं', 'नही', 'na', 'ना']);
// words between a verb and its trailing negation: "chhupane ki zarurat nahi", "hide karna nahi hai"
const BRIDGE = new Set([
  'ki',
  'ka',
  'ke',
  'की',
  'का',
  'के',
  'zarurat',
  'jarurat',
  'zaroorat',
  'jaroorat',
  'ज़रूरत',
  'जरूरत',
  'karna',
  'karne',
  'karni',
  'करना',
  'करने',
  'do',
  'dena',
  'दो',
  'देना',
  'hai',
  'है',
  'h',
  'chahiye',
  'koi',
  'कोई',
  'bhi',
  'भी',
  'any',
  'चाहिए',
  'it',
  'mera',
  'my',
  'मेरा',
]);

export interface PolarityOptions {
  /** the engine just asked "hide your name?": a verb needs no "name" word next to it */
  asked?: boolean;
}

/**
 * true: hide the name; false: show it; null: no hide/show verb (with its object) is in the message.
 * The last clause that says something wins ("don't hide it, show my name").
 */
export function anonymityFromVerbs(folded: readonly string[], opts: PolarityOptions = {}): boolean | null {
  let verdict: boolean | null = null;
  const lead = LEAD_NO.has(folded[0] ?? '') ? 1 : 0;
  for (let i = 0; i < folded.length; i++) {
    const w = folded[i];
    const hide = HIDE.test(w) || hideTypo(w);
    const show = !hide && SHOW.test(w);
    if (!hide && !show) continue;
    const nearName = folded.slice(Math.max(0, i - 4), i + 3).some((x) => NAME.has(x));
    // "use the private one", "report chhupa li": hiding words speak of the name only next to it
    if (hide && !nearName && !opts.asked && !/anonym|gumna|gupt|गुप्त|गुमनाम/.test(w)) continue;
    const negated = negatedBefore(folded, i, lead) || negatedAfter(folded, i);
    // "maine naam bata diya" in a complaint's story is no answer: a plain "tell/show" counts only as
    // the answer to the question; "naam mat batana" (negated, next to "naam") always does
    if (show && !opts.asked && !(negated && nearName)) continue;
    verdict = hide ? !negated : negated;
  }
  return verdict;
}

function negatedBefore(folded: readonly string[], i: number, lead: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 5); k--) {
    if (NO_NEED.test(folded.slice(k, k + 2).join(' '))) return true;
    // the lead "no"/"nahi" answers the question; it is not this verb's negation
    if (NOT_BEFORE.has(folded[k]) && !(k === 0 && lead === 1))
      return !folded.slice(k + 1, i).some((w) => FORGET.test(w));
  }
  // "nahi chhupana" (a prohibition, the verb in its -na form): the lead "nahi" is the verb's own;
  // "no, show my name" and "nahi, chhupao" answer the question first
  return lead === 1 && i === 1 && folded[0] !== 'no' && /(?:na|ना|ni|नी)$/u.test(folded[1]);
}

function negatedAfter(folded: readonly string[], i: number): boolean {
  for (let k = i + 1; k < Math.min(folded.length, i + 6); k++) {
    const w = folded[k];
    if (NOT_AFTER.has(w) || (NA.has(w) && k + 1 < folded.length)) return !FORGET.test(folded[k + 1] ?? '');
    if (!BRIDGE.has(w)) return false;
  }
  return false;
}
