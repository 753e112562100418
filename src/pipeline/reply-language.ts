import type { DetectedLanguage } from '../lang/detect-language.js';
import type { Lang } from '../lang/language.js';

/**
 * The language of this turn's reply. An explicit choice ("English please") stands. Script is
 * decisive (Devanagari → Hindi). Between English and Hinglish, both in Latin script, a short
 * reply like "makan 45 ward 7" is weak evidence, so the citizen's current form is kept
 * unless the message is clearly in the other one.
 */
export function replyLanguage(
  citizen: { language: Lang; languageChosen: boolean; isNew: boolean },
  detected: DetectedLanguage,
  latinWords: number,
): Lang {
  if (citizen.languageChosen) return citizen.language;
  if (detected.lang === null) return citizen.isNew && detected.script === 'latin' ? 'en' : citizen.language;
  if (detected.lang === 'en' && citizen.language === 'hinglish' && !citizen.isNew) {
    return detected.hinglishScore < 0.2 && latinWords >= 5 ? 'en' : 'hinglish';
  }
  return detected.lang;
}
