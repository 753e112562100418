import { type Catalogue, loadCatalogue } from '../i18n/catalogue.js';

let cached: Catalogue | undefined;

/**
 * The catalogue of prompts/messages, loaded once: tool summaries are called without a
 * context, and the files are static for the life of the process.
 */
export function defaultCatalogue(): Catalogue {
  cached ??= loadCatalogue();
  return cached;
}
