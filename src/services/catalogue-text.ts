import { defaultCatalogue } from '../cases/default-catalogue.js';
import type { Text3 } from './types.js';

/** A catalogue entry (prompts/messages) as a definition's text: the first services keep their sentences there. */
export function catalogueText(key: string): Text3 {
  const c = defaultCatalogue();
  return { en: c.t('en', key), hi: c.t('hi', key), hinglish: c.t('hinglish', key) };
}
