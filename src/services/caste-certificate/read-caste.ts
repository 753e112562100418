import { foldForMatch } from '../../lang/normalise.js';
import { nameLikeLoose } from '../../nlu/name-words.js';
import { bareAnswer, stripTalk } from '../_fields/answer-frame.js';
import { noFreeTextAnswer } from '../_fields/free-text-non-answer.js';
import { readChoice } from '../_fields/read-field.js';
import type { FieldMeta } from '../types.js';

// The caste as the citizen names it, without the sentence around it: "hum chamar jati se hain" and
// "हम चमार जाति से हैं" are "chamar" and "चमार" (the label "jati" cut them to "se"), "chamar jati" is
// "chamar", "kurmi, OBC" and "Kurmi (OBC)" are "kurmi"/"Kurmi" with the category OBC beside it.
// An answer that names no caste surely reads as nothing and the question is asked again: "SC hai"
// (a category is no caste), "jati ka naam nahi pata", "pata nahi, shayad lodh" (a guess).

// the words of the category ("OBC", "अनुसूचित जाति", "pichda varg"), said with the caste or instead of it
const CATEGORY_WORDS =
  /(?<![\p{L}\p{M}])(?:obc|o b c|o\.b\.c\.?|sc|s c|s\.c\.?|st|s t|s\.t\.?|scheduled caste|scheduled tribe|other backward(?: class(?:es)?)?|backward class|anusuchit jati|anusuchit janjati|anusuchit jaati|pichda varg|pichhda varg|अनुसूचित जाति|अनुसूचित जनजाति|पिछड़ा वर्ग|अन्य पिछड़ा वर्ग|ओबीसी|एससी|एसटी)(?:\s+(?:category|varg|shreni|class|वर्ग|श्रेणी|श्रेणी में))?(?![\p{L}\p{M}])/giu;
// "(OBC)", "category OBC", "OBC category me": the category's frame
const CATEGORY_FRAME =
  /(?<![\p{L}\p{M}])(?:category|varg|shreni|class|श्रेणी|वर्ग|me|mein|में|aata hai|aati hai|aate hain|आता है|आती है|आते हैं)(?![\p{L}\p{M}])/giu;

// "hum … se hain", "meri jati … hai", "we are …", "… caste", "… jati ke": the sentence, not the caste
const LEAD =
  /^(?:(?:hum|ham|main|mai|मैं|हम|we|we are|i am|our|my|hamari|humari|hamara|humara|meri|mera|हमारी|हमारा|मेरी|मेरा|jati|jaati|caste|cast|जाति|is|hai|है|ka naam|का नाम|naam|नाम)[\s,:]+)+/iu;
const TRAIL =
  /(?:[\s,]+(?:jati|jaati|jat|caste|cast|samaj|samaaj|biradari|community|जाति|समाज|बिरादरी|se|ke|ki|ka|से|के|की|का|hain|hai|h|hu|hoon|hun|है|हैं|हूँ|हूं|the|tha|थे|था|log|लोग))+$/iu;

// a guess or not knowing: a caste on a certificate must be the citizen's sure answer
const UNSURE =
  /(?<![\p{L}\p{M}])(?:shayad|sayad|shaayad|maybe|perhaps|probably|lagta|lagbhag|pata nahi|nahi pata|pta nahi|malum nahi|maloom nahi|nahi malum|nahi maloom|don't know|dont know|not sure|no idea|yaad nahi|शायद|पता नहीं|नहीं पता|मालूम नहीं|नहीं मालूम|याद नहीं)(?![\p{L}\p{M}])/iu;
// "yadav nahi, ahir": the caste after the one denied
const NOT_THIS_BUT = /^(.+?)\s+(?:nahi|nahin|nhi|not|नहीं|नही)[\s,;]+(?:balki\s+|but\s+|बल्कि\s+)?(.+)$/iu;
const NEGATION = /(?<![\p{L}\p{M}])(?:nahi|nahin|nhi|not|no|नहीं|नही|न)(?![\p{L}\p{M}])/iu;

/** The category the caste's answer names beside it ("kurmi, OBC"), for the category field. */
export function categoryBesideCaste(category: FieldMeta, text: string): Record<string, unknown> {
  const value = readChoice(category, text);
  return value ? { category: value } : {};
}

/**
 * The category of a message that is the category alone ("SC hai", "OBC", "hum SC hain") sent
 * before the category is asked: it is no caste name, and it is the category.
 */
export function categoryAlone(category: FieldMeta, text: string): string | null {
  // a space before what is left, so a lone "hai" of "SC hai" is the trailing verb
  const rest = ` ${bareAnswer(stripTalk(text).replace(CATEGORY_WORDS, ' ').replace(CATEGORY_FRAME, ' '))}`
    .replace(TRAIL, '')
    .trim()
    .replace(LEAD, '')
    .replace(/[\s,;:.()–—-]+/gu, '');
  if (rest !== '' || NEGATION.test(text) || UNSURE.test(text)) return null;
  const value = readChoice(category, text);
  return typeof value === 'string' ? value : null;
}

/** The caste named in an answer, as written; null when the answer names none surely. */
export function readCaste(meta: FieldMeta, text: string, fields: Record<string, unknown>): string | null {
  let said = stripTalk(text).replace(/\s+/g, ' ').trim();
  if (said === '' || /\d/.test(said) || UNSURE.test(said)) return null;
  const corrected = NOT_THIS_BUT.exec(said);
  if (corrected) said = corrected[2];
  if (NEGATION.test(said)) return null;
  const caste = bareAnswer(
    said
      .replace(CATEGORY_WORDS, ' ')
      .replace(/[()[\]]/g, ' ')
      .replace(CATEGORY_FRAME, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/gu, '')
      .replace(LEAD, '')
      .replace(TRAIL, ''),
  )
    .replace(/[\s,;:.–—-]+$/u, '')
    .trim();
  const words = caste.split(/\s+/).filter((w) => w !== '');
  // a caste is a word or a few ("Jatav", "Kashyap Nishad"), each a name-like word
  if (words.length === 0 || words.length > 4) return null;
  if (!words.every((w) => nameLikeLoose(w.replace(/[-'’.]/g, ''), foldForMatch(w)))) return null;
  return noFreeTextAnswer(meta, text, caste, fields) ? null : caste;
}
