import { foldForMatch } from '../../lang/normalise.js';
import type { FieldMeta } from '../types.js';
import { bareAnswer } from './answer-frame.js';
import { isClarifyingQuestion } from './clarifying-question.js';
import { noFreeTextAnswer } from './free-text-non-answer.js';
import { saysNoName } from './read-person-name.js';

// "mahila nahi", "OBC nahi": an answer that ends denying what it names says what the value is not
const ENDS_DENYING = /(?<![\p{L}\p{M}])(?:nahi|nahin|nhi|not|नहीं|नही)[\s.!।]*$/iu;

// the grammar words a label is said with ("jati se hain", "caste is"): no value by themselves
const GRAMMAR = new Set(
  'se ke ki ka ko me mein hai hain h hu hoon is are was the my our hum ham main mera meri hamari से के की का को में है हैं हूँ हूं मेरा मेरी हम मैं हमारी'.split(
    ' ',
  ),
);

/** Whether the answer is only the field's own label and grammar words ("jati se hain" to the caste). */
function onlyLabelWords(meta: FieldMeta, text: string): boolean {
  const labels = new Set((meta.cues ?? []).flatMap((c) => foldForMatch(c).split(/\s+/)));
  const words = foldForMatch(text)
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .split(' ')
    .filter((w) => w !== '');
  return words.length > 0 && words.every((w) => labels.has(w) || GRAMMAR.has(w));
}

/**
 * Whether an answer the field did not read is surely no value of it: a question back ("kya
 * matlab"), a hedge or a denial ("shayad Sunita", "main khud", "mahila nahi"), the label alone
 * ("jati se hain"), "bas aise hi", "wahi jo aadhar me hai". A second misread shows free text back
 * as written for a yes; these are not shown back as the value ("Maine Pata likha hai: 'kya
 * matlab'"): the question is asked again.
 */
export function sureNonAnswer(meta: FieldMeta, text: string, fields: Record<string, unknown>): boolean {
  if (isClarifyingQuestion(text)) return true;
  if (meta.kind === 'person_name') return saysNoName(text);
  if (meta.kind === 'address' || meta.kind === 'free_text')
    return (
      ENDS_DENYING.test(text.trim()) ||
      onlyLabelWords(meta, text) ||
      noFreeTextAnswer(meta, text, bareAnswer(text), fields)
    );
  return false;
}
