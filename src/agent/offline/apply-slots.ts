import type { Slots } from '../../nlu/analysis.js';
import type { FormField } from './forms.js';
import { informantCue } from './informant-cue.js';
import type { Reading } from './reading.js';
import type { BirthDraft, BirthFields, ComplaintDraft, ComplaintFields, Draft, Expecting } from './state.js';

export interface Applied {
  draft: Draft;
  /** fields this message set (new answers and corrections alike) */
  set: FormField[];
}

/**
 * Puts what the message said into the draft. The latest statement wins, so a fact given
 * again ("sorry, mother's name is Rekha") is a correction wherever the dialogue is.
 */
export function applySlots(draft: Draft, r: Reading, expecting: Expecting | null): Applied {
  const slots = withFreeTextAnswer(r, expecting);
  return draft.service === 'birth'
    ? applyBirth(draft, slots, r, expecting)
    : applyComplaint(draft, slots, r, expecting);
}

const HESITANT_SKIP = 0.3;
const FREE_TEXT = new Set<Expecting>(['address', 'placeOfBirth', 'hospitalName', 'description']);

/**
 * The answer to an open question ("where is the house?") that the extractor left empty is
 * the citizen's own words, if it reads like an answer: several words or a house number,
 * not a bare "wait" or "nahi ruko".
 */
function withFreeTextAnswer(r: Reading, expecting: Expecting | null): Partial<Slots> {
  if (!expecting || !FREE_TEXT.has(expecting) || r.slots[expecting as keyof Slots] !== undefined)
    return r.slots;
  if (!r.text || r.intent !== 'unknown' || r.confirmation) return r.slots;
  // "i am the mother" answers who reports the birth, early; it is no place or address
  if (informantCue(r.text, false)) return r.slots;
  // "pata nahi naam": a hesitant skip is not the hospital's name
  if ((r.scores.skip ?? 0) >= HESITANT_SKIP) return r.slots;
  // "sorry not kanpur, the district is Lucknow" corrects another answer; it is not this one
  if (r.correction && Object.keys(r.slots).length > 0) return r.slots;
  // "20/11" on the hospital question is a date given early, not a hospital
  if (!/\p{L}/u.test(r.text)) return r.slots;
  const words = r.text.split(' ').length;
  return words >= 3 || /\d/.test(r.text) ? { ...r.slots, [expecting]: r.text } : r.slots;
}

function applyBirth(draft: BirthDraft, s: Partial<Slots>, r: Reading, expecting: Expecting | null): Applied {
  const f: BirthFields = { ...draft.fields };
  const set: FormField[] = [];
  const put = <K extends keyof BirthFields & FormField>(k: K, v: BirthFields[K] | undefined) => {
    if (v === undefined) return;
    f[k] = v;
    set.push(k);
  };
  const parent = r.informant ?? informantCue(r.text, expecting === 'informantName');
  if (parent) {
    delete f.informantName;
    f.informantRelation = parent;
    set.push('informantName');
  }
  if (expecting === 'informantName' && !parent) {
    // a bare name on the informant question is the informant, not a change of the parents' names
    const name = s.fatherName ?? s.motherName ?? s.childName;
    if (name !== undefined) {
      delete f.informantRelation;
      put('informantName', name);
    }
  } else if (expecting !== 'informantName') {
    put('motherName', s.motherName);
    put('fatherName', s.fatherName);
    if (s.childName !== undefined) put('childName', s.childName);
    else if (s.childNameBlank) put('childName', null);
  }
  put('sex', s.sex);
  put('dateOfBirth', s.dateOfBirth ?? (expecting === 'dateOfBirth' ? s.incidentDate : undefined));
  const hospital = s.hospitalName && (s.placeOfBirthType ?? f.placeOfBirthType ?? 'hospital') === 'hospital';
  if (s.placeOfBirthType) put('placeOfBirthType', s.placeOfBirthType);
  else if (hospital && !s.placeOfBirth) put('placeOfBirthType', 'hospital');
  put('placeOfBirth', s.placeOfBirth ?? (hospital ? s.hospitalName : undefined));
  // a home birth given as a full postal address (with its PIN) is the parents' address too
  const homeAddress =
    s.address === undefined &&
    f.address === undefined &&
    f.placeOfBirthType === 'home' &&
    expecting === 'placeOfBirth' &&
    s.pinCode !== undefined
      ? s.placeOfBirth
      : undefined;
  put('address', s.address ?? homeAddress);
  // "ghar par, 5 nehru colony lucknow 226016": the house named in the same message is the place of birth
  if (f.placeOfBirthType === 'home' && f.placeOfBirth === undefined && s.address !== undefined) {
    put('placeOfBirth', s.address);
  }
  put('district', s.district);
  put('pinCode', s.pinCode);
  return { draft: { ...draft, fields: f }, set };
}

function applyComplaint(
  draft: ComplaintDraft,
  s: Partial<Slots>,
  r: Reading,
  expecting: Expecting | null,
): Applied {
  const f: ComplaintFields = { ...draft.fields };
  const set: FormField[] = [];
  const put = <K extends keyof ComplaintFields & FormField>(k: K, v: ComplaintFields[K] | undefined) => {
    if (v === undefined) return;
    f[k] = v;
    set.push(k);
  };
  const hospitalFromPlace = s.placeOfBirthType !== 'home' ? s.placeOfBirth : undefined;
  put('hospitalName', s.hospitalName ?? (expecting === 'hospitalName' ? hospitalFromPlace : undefined));
  put('district', s.district);
  // "other" beside a fresh description is the extractor finding no category: ask the list instead
  const unknownCategory = s.category === 'other' && s.description !== undefined && expecting !== 'category';
  put('category', unknownCategory ? undefined : s.category);
  // a date in a complaint is the incident's, whatever the extractor called it
  put('incidentDate', s.incidentDate ?? s.dateOfBirth);
  let anonymous = s.anonymous;
  // a typed "haan"/"no" answers the question; a stale summary's button does not
  if (anonymous === undefined && expecting === 'anonymous' && r.confirmation && r.text) {
    if (r.confirmation !== 'change') anonymous = r.confirmation === 'yes';
  }
  put('anonymous', anonymous);
  let description = s.description;
  // the message that names the problem ("ward mein bahut gandagi hai") is the description itself
  if (
    description === undefined &&
    f.description === undefined &&
    s.category &&
    r.text.split(' ').length >= 4
  ) {
    description = r.text;
  }
  put('description', description);
  return { draft: { ...draft, fields: f }, set };
}
