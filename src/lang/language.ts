import { z } from 'zod';

/** The three forms a citizen writes in: Hindi in Devanagari, English, and romanized Hindi. */
export const languageSchema = z.enum(['en', 'hi', 'hinglish']);
export type Lang = z.infer<typeof languageSchema>;

export type Script = 'devanagari' | 'latin' | 'none';

/** The script a reply in this language is written in. */
export function scriptOf(lang: Lang): Script {
  return lang === 'hi' ? 'devanagari' : 'latin';
}
