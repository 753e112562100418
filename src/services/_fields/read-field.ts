import { asciiDigits } from '../../../tools/references.js';
import { classifyConfirmationText } from '../../lang/confirmation.js';
import { foldForMatch } from '../../lang/normalise.js';
import { extractDate } from '../../nlu/extract-date.js';
import { extractDistrict } from '../../nlu/extract-district.js';
import { extractPinCode } from '../../nlu/extract-pin-code.js';
import type { FieldMeta } from '../types.js';
import { extractRupees } from './extract-rupees.js';

// Words around an answer that are not the answer: "mera naam X hai", "X है", "it is X".
const LEAD =
  /^(?:(?:my|the|his|her|their|its|it|is|was|are|i am|i'm|im|myself|me|mera|meri|mere|uska|uski|unka|unki|naam|name|hai|h|ji|to|toh|main|khud|मेरा|मेरी|उसका|उसकी|उनका|नाम|है|जी|तो|मैं)[,:]?\s+)+/iu;
const TRAIL = /(?:\s+(?:hai|h|he|hain|hoon|hun|ji|है|हैं|हूँ|हूं|जी|tha|thi|था|थी))+\s*[.!।]*$/iu;

/** An answer with its framing words and edge punctuation taken off. */
export function bareAnswer(text: string): string {
  return text
    .trim()
    .replace(/^[\s,:;\-–—=]+/u, '')
    .replace(LEAD, '')
    .replace(TRAIL, '')
    .replace(/[\s,;.!।]+$/u, '')
    .trim();
}

/** "45", "45 saal", "४५ वर्ष", "age 45 years": whole years, or null. */
export function extractAge(text: string): number | null {
  const m = /(?<![\d.])(\d{1,3})(?![\d.])/.exec(asciiDigits(text));
  if (!m) return null;
  const n = Number(m[1]);
  return n <= 130 ? n : null;
}

// A choice field's values and words folded once per field (static data), not on every message.
const choiceWords = new WeakMap<FieldMeta, [value: string, words: string[]][]>();

function choicesOf(meta: FieldMeta): [value: string, words: string[]][] {
  let choices = choiceWords.get(meta);
  if (!choices) {
    choices = Object.entries(meta.choices ?? {}).map(([value, c]) => [
      value,
      [value, ...c.words].map((w) => ` ${foldForMatch(w)} `),
    ]);
    choiceWords.set(meta, choices);
  }
  return choices;
}

/** The value of one choice the text names by one of its words (whole words), or null when none or several. */
export function readChoice(meta: FieldMeta, text: string): string | null {
  const folded = ` ${foldForMatch(text)
    .replace(/[.\-/]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  const hits = choicesOf(meta).filter(([, words]) => words.some((w) => folded.includes(w)));
  return hits.length === 1 ? hits[0][0] : null;
}

/**
 * Reads one field's value from text with the extractor of its kind. The caller checks the
 * result with the field's own zod schema; null means this text does not hold one.
 */
export function readField(
  meta: FieldMeta,
  text: string,
  now: Date,
  fields: Record<string, unknown> = {},
): unknown {
  if (meta.read) return meta.read(text, now, fields);
  const bare = bareAnswer(text);
  switch (meta.kind) {
    case 'date':
      return extractDate(text, now);
    case 'district':
      return extractDistrict(text, { bare: true });
    case 'pin':
      return extractPinCode(asciiDigits(text));
    case 'rupees':
      return extractRupees(text);
    case 'age':
      return extractAge(text);
    case 'choice':
      return readChoice(meta, text);
    case 'yes_no': {
      const c = classifyConfirmationText(text);
      return c === 'yes' ? true : c === 'no' ? false : null;
    }
    case 'person_name':
      // a name has letters (and dots of initials), no digits, and is a few words at most
      return /\p{L}/u.test(bare) && !/\d/.test(bare) && bare.split(/\s+/).length <= 6 ? bare : null;
    case 'address':
    case 'free_text':
      return bare.length > 0 ? bare : null;
    case 'attachment':
      return null;
  }
}
