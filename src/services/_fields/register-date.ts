import { asciiDigits } from '../../lang/ascii-digits.js';
import { isCountedBackDate } from '../../nlu/extract-date.js';
import { catalogueText } from '../catalogue-text.js';
import type { Text3 } from '../types.js';

// Whether a text counts back in months ("a month ago") reads the same on any day
const ANY_DAY = new Date(0);

/**
 * "ek mahina pehle", "a month ago", "last week tuesday" to the date of a birth or a death: the day
 * that counting gives is made up, and a register holds the day it happened. The question is asked
 * again (with why), never a day a month back stored. "3 din pehle", "2 hafte pehle", "kal" are read.
 */
export function countedBack(text: string, now: Date): boolean {
  return isCountedBackDate(asciiDigits(text), now);
}

/** The note said instead of "I couldn't read that" when the date was counted back in months or years. */
export function countedBackNote(text: string): Text3 | undefined {
  return countedBack(text, ANY_DAY) ? catalogueText('offline.form.date_counted_back') : undefined;
}
