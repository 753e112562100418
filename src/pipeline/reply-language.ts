import type { DetectedLanguage } from '../lang/detect-language.js';
import type { Lang } from '../lang/language.js';
import { STRONG_HINGLISH } from '../lang/lexicon/hinglish.js';
import { foldNormalised, normalise, tokens } from '../lang/normalise.js';

const HINDI = new Set(STRONG_HINGLISH);

/** Words of the message that are romanized Hindi and nothing else ("ji", "hai", "beti"). */
function hindiWords(said: string): number {
  return tokens(foldNormalised(normalise(said))).filter((w) => HINDI.has(w)).length;
}

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
  said = '',
): Lang {
  if (citizen.languageChosen) return citizen.language;
  if (detected.lang === null) return citizen.isNew && detected.script === 'latin' ? 'en' : citizen.language;
  if (detected.lang === 'en' && citizen.language === 'hinglish' && !citizen.isNew) {
    return detected.hinglishScore < 0.2 && latinWords >= 5 ? 'en' : 'hinglish';
  }
  // an English citizen's "yes ji, Vihaan thank you", "Ram Mandir road wala ghar": a few Hindi words
  // among English ones, or a short answer, do not switch them; a sentence mostly in romanized Hindi does
  if (detected.lang === 'hinglish' && citizen.language === 'en' && !citizen.isNew) {
    return detected.hinglishScore >= 0.75 && latinWords >= 3 && hindiWords(said) >= 2 ? 'hinglish' : 'en';
  }
  return detected.lang;
}
