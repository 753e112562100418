import { PhraseIndex } from './phrase-index.js';

// A message that opens with one of these and goes on is fixing an earlier answer.
const LEAD = new Set(
  'nahi nhi nahin no nope sorry sry sori sorri actually oops galti maaf maafi arre नहीं नही सॉरी माफ़ माफ माफी असल'.split(
    ' ',
  ),
);
// "no name yet", "no problem": a "no" that answers something else
const NOT_AFTER_LEAD = new Set(['name', 'naam', 'problem', 'idea', 'need', 'issue', 'worries']);
const NEUTRAL = new Set(
  'abhi ruko ruk wait cancel radd रद्द please plz ji thanks thank you chahiye nahi no mat karo bas अभी रुको रुकिए जी धन्यवाद चाहिए नहीं मत करो बस'.split(
    ' ',
  ),
);
const ANYWHERE = new PhraseIndex<true>(
  `galat|galt|गलत|wrong|incorrect|correction|galti se|galti ho gayi|i mean|mera matlab|matlab|balki|बल्कि|instead
ki jagah|की जगह|change to|update to|actually|asal mein|असल में|not correct|sahi nahi|सही नहीं|sudhar|सुधार|badal ke|बदलकर|badalkar
change the|change my|update the|update my|sahi naam|सही नाम|sahi pata|सही पता|correct name|correct date|correct address
the right name|galat likha|गलत लिखा|badal kar|बदल कर|instead of|in place of`
    .split(/[|\n]/)
    .map((p) => [p, true] as const),
);

/** Whether the message corrects an earlier answer ("nahi, date 5 march hai", "not Rekha but Reena"). */
export function isCorrection(folded: readonly string[]): boolean {
  if (folded.length >= 3 && LEAD.has(folded[0]) && !NOT_AFTER_LEAD.has(folded[1])) {
    // "nahi abhi ruko" is a plain no; a correction goes on to say something
    if (folded.slice(1).some((w) => !NEUTRAL.has(w))) return true;
  }
  if (ANYWHERE.findLongest(folded).length > 0) return true;
  // "not 24, 25 november": a message that opens by denying something
  if (folded[0] === 'not' && folded.length >= 3) return true;
  const not = folded.indexOf('not');
  return not >= 0 && folded.indexOf('but', not + 2) > 0;
}
