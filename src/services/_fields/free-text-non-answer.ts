import { classifyConfirmationText } from '../../lang/confirmation.js';
import { foldForMatch, tokens } from '../../lang/normalise.js';
import { extractDistrict } from '../../nlu/extract-district.js';
import type { FieldMeta } from '../types.js';
import { isClarifyingQuestion } from './clarifying-question.js';
import { purposeForAddress } from './not-an-address.js';
import { onlyPointing, pointsAtAddress } from './points-at-address.js';

// Answers to a free-text question (the purpose, the sources of income, the address) that hold no
// value of it. Stored as written, each would be a wrong line on the record; read as nothing, the
// question is asked again.

// "bas aise hi", "koi nahi", "pata nahi", "nothing": no purpose, no source, no address
const NOTHING =
  /^(?:(?:bas|bus|just|बस)\s+)?(?:aise hi|aise he|aisehi|yun hi|yunhi|yu hi|waise hi|vaise hi|aise|kuch nahi|kuchh nahi|kuch nhi|kuch bhi|kuchh bhi|koi nahi|koi nhi|koi bhi|koi nahin|kuch nahin|kuch khaas nahi|kuch khas nahi|pata nahi|nahi pata|pta nahi|malum nahi|maloom nahi|nahi malum|nahi maloom|don't know|dont know|do not know|no idea|not sure|nothing|none|no reason|nothing much|just like that|for nothing|ऐसे ही|वैसे ही|यूं ही|यूँ ही|कुछ नहीं|कुछ भी|कोई नहीं|कोई भी|पता नहीं|नहीं पता|मालूम नहीं|नहीं मालूम)(?:\s+(?:hai|h|he|है|ji|जी|sir|bhai))*$/u;

// "wahi jo aadhar me hai", "same as aadhaar", "आधार वाला": a pointer to a paper this chat has
// not seen, not the address itself
const AADHAAR = /(?<![\p{L}\p{M}])(?:aadhar|aadhaar|adhar|adhaar|aadhar card|आधार)(?![\p{L}\p{M}])/u;
const POINTS_AT =
  /(?<![\p{L}\p{M}])(?:wahi|vahi|wohi|same|jo|jaisa|jaise|wala|wali|vala|as in|as per|as on|according|me hai|mein hai|mai hai|pe hai|par hai|वही|जो|जैसा|वाला|वाली|में है|पर है)(?![\p{L}\p{M}])/u;

/** Whether a free-text or address answer holds no value of its field (see above). */
export function noFreeTextAnswer(
  meta: FieldMeta,
  text: string,
  bare: string,
  fields: Record<string, unknown>,
): boolean {
  if (isClarifyingQuestion(text)) return true;
  const folded = foldForMatch(bare)
    .replace(/[,.!?।]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (NOTHING.test(folded)) return true;
  // "naukri ke liye", "for admission" to the address: the purpose, answered a question early
  if (meta.kind === 'address' && purposeForAddress(bare)) return true;
  // "address wala hi", "wahi address": pointed at, not written (an earlier one is copied before this)
  if (meta.kind === 'address' && (pointsAtAddress(text) || onlyPointing(bare))) return true;
  // a bare "haan" or "nahi" answers a yes-or-no question, not "what is the address?" (not for
  // every free text: "Nai" is a caste)
  if (meta.kind === 'address' && (classifyConfirmationText(text) ?? classifyConfirmationText(bare)) !== null)
    return true;
  if (AADHAAR.test(folded) && POINTS_AT.test(folded) && !/\d/.test(folded)) return true;
  // "Ramesh Kumar" sent to the purpose: a name the form already holds answers another question
  const named = Object.entries(fields).some(
    ([k, v]) => /Name$/.test(k) && typeof v === 'string' && foldForMatch(v).trim() === folded,
  );
  if (named) return true;
  // "Agra" to "what is it for?": a town alone is no purpose, source or caste (an address or a
  // place is read by its own kind)
  // "Agra" to "what is the full address (house, street or village, town)?": the town alone is no
  // address either; the question is asked again for the house and street
  if (meta.kind === 'free_text' || meta.kind === 'address') {
    const district = extractDistrict(bare, { bare: true });
    if (district && tokens(foldForMatch(bare)).length <= tokens(foldForMatch(district)).length) return true;
  }
  return false;
}
