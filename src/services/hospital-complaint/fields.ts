import { complaintCategories } from '../../cases/case-workflow.js';
import { extractDistrict } from '../../nlu/extract-district.js';
import { districtAside, namedPlace, openingSlots, pick, slotOf } from '../_fields/nlu-read.js';
import { catalogueText as c } from '../catalogue-text.js';
import type { FieldMeta } from '../types.js';

// The complaint's fields as the form engine asks and reads them, through the NLU's readers.

// "other" is the extractor finding no category: the list is asked instead
const categoryOf = (text: string, now: Date) => {
  const cat = slotOf(text, now, 'category');
  return cat && cat !== 'other' ? cat : null;
};

const SOMETHING_ELSE =
  /(?<![\p{L}\p{M}])(?:other|others|something else|anything else|none of these|kuch aur|kuchh aur|koi aur|anya|dusra|doosra|अन्य|कुछ और|कोई और|दूसरा)(?![\p{L}\p{M}])/iu;

export const complaintFields = {
  hospitalName: {
    kind: 'free_text',
    question: c('offline.ask.hospitalName'),
    label: c('tools.label.hospital'),
    cues: ['hospital name', 'hospital ka naam', 'aspatal ka naam', 'अस्पताल का नाम'],
    read: (text, now) => {
      const hospital = namedPlace(slotOf(text, now, 'hospitalName'));
      if (hospital) return hospital;
      return namedPlace(slotOf(text, now, 'placeOfBirth')) ?? null;
    },
    example: {
      en: 'For example: District Hospital, Sitapur',
      hi: 'जैसे: जिला अस्पताल, सीतापुर',
      hinglish: 'Jaise: District Hospital, Sitapur',
    },
  },
  district: {
    kind: 'district',
    question: c('offline.ask.district.complaint'),
    label: c('tools.label.district'),
    cues: ['district', 'distt', 'zila', 'jila', 'जिला', 'ज़िला', 'जनपद'],
    read: (text, now) => slotOf(text, now, 'district') ?? extractDistrict(text, { bare: true }),
    example: { en: 'For example: Lucknow', hi: 'जैसे: लखनऊ', hinglish: 'Jaise: Lucknow' },
  },
  category: {
    kind: 'choice',
    question: c('offline.ask.category'),
    label: c('tools.label.category'),
    choices: Object.fromEntries(
      complaintCategories.map((k) => [k, { title: c(`offline.category.${k}`), words: [] as string[] }]),
    ),
    cues: ['category', 'shreni', 'श्रेणी'],
    // "other" only when the citizen says so: an answer that names no category ("yesteday") is asked again
    read: (text, now) => {
      const cat = slotOf(text, now, 'category') ?? null;
      return cat === 'other' && !SOMETHING_ELSE.test(text) ? null : cat;
    },
  },
  description: {
    kind: 'free_text',
    question: c('offline.ask.description'),
    label: c('tools.label.description'),
    cues: ['description', 'vivran', 'विवरण'],
    read: (text, now) => slotOf(text, now, 'description') ?? null,
    askedOnly: true,
    // the description usually names what it is about: then the category is not asked
    readAlso: (text, now) => {
      const category = categoryOf(text, now);
      return category ? { category } : {};
    },
  },
  incidentDate: {
    kind: 'date',
    optional: true,
    question: c('offline.ask.incidentDate'),
    label: c('tools.label.incident_date'),
    cues: ['incident date', 'date of incident', 'ghatna ki tarikh', 'घटना की तारीख', 'घटना की तिथि'],
    read: (text, now) => slotOf(text, now, 'incidentDate') ?? slotOf(text, now, 'dateOfBirth') ?? null,
    example: {
      en: 'For example: yesterday, or 12 November',
      hi: 'जैसे: कल, या 12 नवंबर',
      hinglish: 'Jaise: kal, ya 12 November',
    },
  },
  anonymous: {
    kind: 'yes_no',
    question: c('offline.ask.anonymous'),
    label: c('tools.label.anonymous'),
    read: (text, now) => slotOf(text, now, 'anonymous') ?? null,
    // "don't show my name", "naam mat batana": about the complainant's name whatever was asked
    anywhere: (text, now) => openingSlots(text, now).anonymous ?? null,
    shortcuts: [
      { id: 'anon:yes', title: c('offline.button_anonymous_yes'), value: () => true },
      { id: 'anon:no', title: c('offline.button_anonymous_no'), value: () => false },
    ],
  },
} satisfies Record<string, FieldMeta>;

/** The message that starts a complaint usually says what happened, where: each fact under its name. */
export function complaintOpening(text: string, now: Date): Record<string, unknown> {
  const s = openingSlots(text, now);
  const out = pick(s, {
    hospitalName: 'hospitalName',
    district: 'district',
    description: 'description',
    incidentDate: 'incidentDate',
    anonymous: 'anonymous',
  });
  if (s.category && s.category !== 'other') out.category = s.category;
  if (!namedPlace(s.hospitalName)) delete out.hospitalName;
  if (out.incidentDate === undefined && s.dateOfBirth) out.incidentDate = s.dateOfBirth;
  // a village's name is no district unless its PIN says so
  if (out.district !== undefined && districtAside(text, now) === undefined) delete out.district;
  return out;
}
