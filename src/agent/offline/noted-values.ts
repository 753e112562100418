import { displayValue } from '../../services/field-display.js';
import type { AnyService } from '../../services/types.js';
import type { Turn } from './outcome.js';
import type { ServiceForm } from './state.js';

/**
 * "Category SC noted." for each field the message filled while the question asked stays open
 * ("SC hai" to "which caste?"): asked the same question again without a word, the citizen thinks
 * the answer was lost, and sends it again or gives up.
 */
export function notedValues(
  turn: Turn,
  service: AnyService,
  before: ServiceForm,
  after: ServiceForm,
): string[] {
  const lang = turn.say.lang;
  return Object.entries(after.fields)
    .filter(
      ([field, value]) =>
        before.fields[field] === undefined && value !== undefined && field in service.fields,
    )
    .map(([field, value]) => {
      const meta = service.fields[field];
      return turn.say.t('form.noted', { label: meta.label[lang], value: displayValue(meta, value, lang) });
    });
}
