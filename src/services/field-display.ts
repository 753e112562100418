import { displayDate } from '../../tools/dates.js';
import type { Lang } from '../lang/language.js';
import { districtLabel } from '../nlu/district-label.js';
import type { AnyService, FieldMeta } from './types.js';

const NOT_GIVEN = { en: '(not given)', hi: '(नहीं बताया)', hinglish: '(nahi bataya)' };
const YES_NO = {
  yes: { en: 'Yes', hi: 'हाँ', hinglish: 'Haan' },
  no: { en: 'No', hi: 'नहीं', hinglish: 'Nahi' },
};

/** One field's value as the citizen (or an officer) reads it, in that language. */
export function displayValue(meta: FieldMeta, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return NOT_GIVEN[lang];
  switch (meta.kind) {
    case 'date':
      return displayDate(String(value));
    case 'district':
      return districtLabel(String(value), lang);
    case 'rupees':
      return `₹${Number(value).toLocaleString('en-IN')}`;
    case 'age':
      return lang === 'en' ? `${value} years` : `${value} ${lang === 'hi' ? 'वर्ष' : 'saal'}`;
    case 'choice':
      return meta.choices?.[String(value)]?.title[lang] ?? String(value);
    case 'yes_no':
      return YES_NO[value ? 'yes' : 'no'][lang];
    case 'attachment':
      return Array.isArray(value) ? String(value.length) : String(value);
    default:
      return String(value);
  }
}

/** "Label: value" lines of every field, in schema order: the confirmation summary and the case page. */
export function summaryRows(service: AnyService, fields: Record<string, unknown>, lang: Lang): string[] {
  return Object.keys(service.schema.shape).map((name) => {
    const meta = service.fields[name];
    return `${meta.label[lang]}: ${displayValue(meta, fields[name], lang)}`;
  });
}
