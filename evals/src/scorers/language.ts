import { detectLanguage } from '../../../src/lang/detect-language.js';
import type { Lang, Script } from '../../../src/lang/language.js';
import { normalise } from '../../../src/lang/normalise.js';

// References, links and numbers are the same in every language: they must not tip the script.
const NEUTRAL = /\b[A-Z]{2,4}-\d{4}-\d{3,8}\b|https?:\/\/\S+|upi:\/\/\S+|[\w.+-]+@[\w.-]+/g;
const DEVANAGARI = /[\u0900-\u0963\u0971-\u097F]/g;
const LATIN = /[A-Za-z]/g;

export interface LanguageVerdict {
  pass: boolean;
  script: Script;
  lang: Lang | null;
  message: string;
}

/** The reply's dominant script by Unicode ranges. */
export function scriptOfText(text: string): Script {
  const clean = normalise(text).replace(NEUTRAL, ' ');
  const dev = clean.match(DEVANAGARI)?.length ?? 0;
  const lat = clean.match(LATIN)?.length ?? 0;
  if (dev === 0 && lat === 0) return 'none';
  return dev >= lat ? 'devanagari' : 'latin';
}

/**
 * Is the reply in the expected language and script? Hindi: Devanagari dominant.
 * English / Hinglish: Latin, and the romanized-Hindi lexicon must not say the other
 * one (too short to tell passes; a wrong script never does).
 */
export function checkReplyLanguage(
  text: string,
  expected: Lang,
  script?: 'devanagari' | 'latin',
): LanguageVerdict {
  const actualScript = scriptOfText(text);
  const wantScript = script ?? (expected === 'hi' ? 'devanagari' : 'latin');
  const detected = actualScript === 'latin' ? detectLanguage(text.replace(NEUTRAL, ' ')).lang : null;
  const lang: Lang | null = actualScript === 'devanagari' ? 'hi' : detected;
  if (actualScript === 'none')
    return { pass: false, script: actualScript, lang, message: 'reply has no words' };
  if (actualScript !== wantScript) {
    return {
      pass: false,
      script: actualScript,
      lang,
      message: `reply in ${actualScript} script, expected ${wantScript}`,
    };
  }
  if (expected !== 'hi' && lang !== null && lang !== expected) {
    return {
      pass: false,
      script: actualScript,
      lang,
      message: `reply reads as ${lang}, expected ${expected}`,
    };
  }
  return { pass: true, script: actualScript, lang, message: `reply in ${expected}` };
}
