import { normalise } from '../lang/normalise.js';

/**
 * "wahi rehne do, jatav", "ye wala rehne do", "Jatav hi rehne do": "let it stay" said of one
 * answer (the one asked, or the value named), never of the whole form. Only a bare "rehne do"
 * ("forget it") is the cancel command; these keep a value or skip a question.
 */

// what "rehne do" can point at: that value, this question, the old one
const POINTER = [
  'wahi',
  'vahi',
  'wohi',
  'vohi',
  'wo hi',
  'woh hi',
  'yahi',
  'yehi',
  'ye wala',
  'yeh wala',
  'ye wali',
  'yeh wali',
  'ye vala',
  'ye',
  'yeh',
  'ise',
  'isey',
  'isko',
  'is ko',
  'isse',
  'iska',
  'usko',
  'use',
  'purana',
  'purani',
  'purana wala',
  'pehle wala',
  'pehle wali',
  'pahle wala',
  'jaisa hai',
  'jaise hai',
  'waisa hi',
  'vaisa hi',
  'jo hai',
  'jo tha',
  'same',
  'is sawal ko',
  'ye sawal',
  'yeh sawal',
  'is question ko',
  'ye question',
  'वही',
  'यही',
  'ये वाला',
  'यह वाला',
  'ये वाली',
  'ये',
  'यह',
  'इसे',
  'इसको',
  'इस को',
  'उसे',
  'उसको',
  'पुराना',
  'पुराना वाला',
  'पहले वाला',
  'जैसा है',
  'वैसा ही',
  'जो है',
  'इस सवाल को',
  'ये सवाल',
  'यह सवाल',
]
  .sort((a, b) => b.length - a.length)
  .join('|');
const LET_STAY = '(?:rehne|rahne|rehene|rehnay|रहने)\\s+(?:do|de|dijiye|dijie|dena|दो|दें|दीजिए|देना)';
const L = '[\\p{L}\\p{M}\\p{N}]';
// "wahi rehne do" / "wahi hi rehne do": the pointer is the whole clause before it
const POINTED = new RegExp(`(?<!${L})(?:${POINTER})(?:\\s+(?:hi|ही))?\\s+${LET_STAY}(?!${L})`, 'iu');
// "Jatav hi rehne do", "jati Jatav hi rehne dijiye": the value before "hi" is the answer
const VALUED = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])(?:hi|ही)\\s+${LET_STAY}(?!${L})`, 'iu');

export interface KeepAsIs {
  /** the rest of the message: the value to keep ("jatav") or '' when only the pointer was said */
  rest: string;
}

/** "Let this answer stay" in a message, and what else the message says; null when it says no such thing. */
export function keepAsIs(text: string): KeepAsIs | null {
  const normalised = normalise(text);
  const tidy = (s: string) =>
    s
      .replace(/^[\s,.;!?|\u0964\u0965-]+|[\s,.;!?|\u0964\u0965-]+$/gu, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  const pointed = POINTED.exec(normalised);
  if (pointed) return { rest: tidy(normalised.replace(pointed[0], ' ')) };
  const valued = VALUED.exec(normalised);
  if (valued && tidy(normalised.slice(0, valued.index)) !== '')
    return { rest: tidy(normalised.replace(valued[0], ' ')) };
  return null;
}
