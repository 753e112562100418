import { foldForMatch } from '../../lang/normalise.js';
import { CHANGEABLE, type FormField } from './forms.js';
import type { Draft } from './state.js';

// Words that name a form field in "what would you like to change?" answers, beyond the
// catalogue labels: "pin galat hai", "date change karo", "पिता का नाम बदलना है".
const WORDS: Partial<Record<FormField, string[]>> = {
  childName: [
    'child name',
    'childs name',
    'baby name',
    'babys name',
    'bachche ka naam',
    'bache ka naam',
    'बच्चे का नाम',
  ],
  sex: ['sex', 'gender', 'boy', 'girl', 'ladka', 'ladki', 'लड़का', 'लड़की', 'लिंग'],
  dateOfBirth: ['date', 'dob', 'birthday', 'tareekh', 'tarikh', 'tithi', 'तारीख', 'तिथि'],
  placeOfBirth: ['place', 'hospital', 'jagah', 'sthan', 'aspatal', 'अस्पताल', 'स्थान', 'जगह'],
  motherName: ['mother', 'mom', 'maa', 'mata', 'mummy', 'माँ', 'मां', 'माता'],
  fatherName: ['father', 'dad', 'pita', 'papa', 'पिता', 'पापा'],
  address: ['address', 'pata', 'पता'],
  district: ['district', 'zila', 'jila', 'ज़िला', 'जिला'],
  pinCode: ['pin', 'pincode', 'पिन'],
  informantName: ['informant', 'soochna', 'सूचना'],
  hospitalName: ['hospital', 'aspatal', 'अस्पताल'],
  category: ['category', 'type', 'prakar', 'प्रकार'],
  description: ['description', 'what happened', 'vivaran', 'विवरण'],
  incidentDate: ['date', 'tareekh', 'tarikh', 'तारीख'],
  anonymous: ['anonymous', 'hidden', 'hide', 'gupt', 'गुप्त'],
};

const folded = new Map<string, string[]>();
function foldedWords(field: FormField, labels: string[]): string[] {
  const key = `${field}|${labels.join('|')}`;
  let words = folded.get(key);
  if (!words) {
    words = [...labels, ...(WORDS[field] ?? [])].map(foldForMatch).filter(Boolean);
    folded.set(key, words);
  }
  return words;
}

/** The one field of the draft a message names, or undefined when it names none or several. */
export function pickField(
  draft: Draft,
  text: string,
  labelsOf: (f: FormField) => string[],
): FormField | undefined {
  const said = ` ${foldForMatch(text)} `;
  const named = CHANGEABLE[draft.service].filter((f) =>
    foldedWords(f, labelsOf(f)).some((w) => said.includes(` ${w} `)),
  );
  // "mother's name" names the mother, not also the child's name: the longest match wins
  if (named.length <= 1) return named[0];
  const longest = (f: FormField) =>
    Math.max(
      ...foldedWords(f, labelsOf(f))
        .filter((w) => said.includes(` ${w} `))
        .map((w) => w.length),
    );
  const sorted = [...named].sort((a, b) => longest(b) - longest(a));
  return longest(sorted[0]) > longest(sorted[1]) ? sorted[0] : undefined;
}
