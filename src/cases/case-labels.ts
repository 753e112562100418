import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { defaultCatalogue } from './default-catalogue.js';

export type RecordType = 'application' | 'complaint' | 'payment';

/** The citizen-facing name of a status ("Under review", "जाँच चल रही है"). */
export function caseStatusLabel(
  type: RecordType,
  status: string,
  lang: Lang,
  catalogue: Catalogue = defaultCatalogue(),
): string {
  const key = `case.${type}.${status}`;
  return catalogue.has(key) ? catalogue.t(lang, key) : status;
}

/** What happens next for a record in this status, in the citizen's language. */
export function nextStepText(
  type: RecordType,
  status: string,
  lang: Lang,
  catalogue: Catalogue = defaultCatalogue(),
): string {
  const key = `case.${type}.${status}.next`;
  return catalogue.has(key) ? catalogue.t(lang, key) : '';
}
