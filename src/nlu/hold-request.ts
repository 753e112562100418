import { foldForMatch, normalise } from '../lang/normalise.js';
import { negatedRequests } from './negated-requests.js';

/**
 * "submit mat karo abhi", "jama mat karo", "don't submit yet", "abhi rehne do": the citizen wants
 * the form neither sent nor thrown away. Read as a cancel (the "mat karo" in it), a whole filled
 * form was lost; read as an answer, it was taken for a change. It is a pause: the form is kept.
 */

// a message that is only "wait / not now / leave it for now": a pause when a form is open
const PAUSE = new Set(
  [
    'mat karo',
    'mat karna',
    'abhi mat karo',
    'abhi mat karna',
    'abhi nahi',
    'abhi nahi karna',
    'abhi ruko',
    'ruko',
    'ruk jao',
    'ruko abhi',
    'wait',
    'wait karo',
    'not yet',
    'not now',
    'wait please',
    'please wait',
    'abhi rehne do',
    'rehne do abhi',
    'abhi ke liye rehne do',
    'abhi rahne do',
    'rahne do abhi',
    'baad mein karenge',
    'baad me karenge',
    'baad mein karunga',
    'baad me karunga',
    'baad mein karungi',
    'baad me karungi',
    'मत करो',
    'मत करना',
    'अभी मत करो',
    'अभी नहीं',
    'रुको',
    'रुकिए',
    'अभी रुको',
    'अभी रहने दो',
    'रहने दो अभी',
    'बाद में करेंगे',
    'बाद में करूंगा',
    'बाद में करूंगी',
  ].map(foldForMatch),
);
const POLITE = new Set(
  'ji jee please plz pls sir madam bhai bhaiya abhi ok okay जी प्लीज़ प्लीज'.split(' ').map(foldForMatch),
);
// "mat cancel karo": a cancel refused is for forbidsCancel; "cancel kar do, submit mat karo" cancels
const CANCEL = /(?:^| )(?:cancel|cancel karo|radd|रद्द|कैंसिल|कैंसल|abort|quit|exit)(?: |$)/;

export type Hold = 'dont_submit' | 'pause';

/**
 * "Do not send it (yet)": 'dont_submit' for a refused submit anywhere in the message, 'pause'
 * for a bare "ruko / abhi nahi / mat karo"; null otherwise, and null when it also asks to cancel.
 */
export function readHold(text: string): Hold | null {
  const normalised = normalise(text);
  const { refusals, rest } = negatedRequests(normalised);
  if (refusals.some((r) => r.kind === 'submit')) {
    return CANCEL.test(` ${foldForMatch(rest)} `) ? null : 'dont_submit';
  }
  const words = foldForMatch(normalised)
    .split(' ')
    .filter((w) => w !== '');
  // "ji abhi nahi", "ruko please": politeness around the pause
  let from = 0;
  let to = words.length;
  while (from < to && POLITE.has(words[from]) && !PAUSE.has(words.slice(from, to).join(' '))) from++;
  while (to > from && POLITE.has(words[to - 1]) && !PAUSE.has(words.slice(from, to).join(' '))) to--;
  return PAUSE.has(words.slice(from, to).join(' ')) ? 'pause' : null;
}
