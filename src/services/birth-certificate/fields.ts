import { extractDistrict } from '../../nlu/extract-district.js';
import { isSameAsEarlier } from '../../nlu/same-as-earlier.js';
import { districtAside, kindAndTown, namedPlace, openingSlots, pick, slotOf } from '../_fields/nlu-read.js';
import { ledByLabel } from '../_fields/read-cues.js';
import { hasAddressWords, speakerStatement } from '../_fields/read-field.js';
import { countedBackNote } from '../_fields/register-date.js';
import { catalogueText as c } from '../catalogue-text.js';
import type { FieldMeta } from '../types.js';
import { informantCue } from './informant-cue.js';

// Form 1's fields as the form engine asks and reads them: each answer through the NLU's own
// reader of that slot, other fields only behind these labels.

const title = (key: string) => ({ title: c(key), words: [] as string[] });
// "shanti hospitl" on the child's name question is the place of birth, given early
const PLACE_WORD =
  /(?<![\p{L}\p{M}])(?:hospit\p{L}*|hosptal|hosp|aspatal|asptal|अस्पताल|हॉस्पिटल|clinic|nursing|chc|phc)(?![\p{L}\p{M}])/iu;
// the kind of place a hospital's name is made of ("Sai Kripa Nursing", "ट्रॉमा सेंटर", "Jeevan Sewa
// Sadan"): without one of these (or a hospital the NLU knows), an answer is no hospital's name
const INSTITUTION_WORD =
  /(?<![\p{L}\p{M}])(?:hospit\p{L}*|hosptal|hosp|aspatal|asptal|aspataal|अस्पताल|हॉस्पिटल|हस्पताल|clinic|clinik|क्लिनिक|nursing|नर्सिंग|maternity|मैटरनिटी|medical|मेडिकल|centre|center|सेंटर|केंद्र|केन्द्र|sadan|सदन|dispensary|डिस्पेंसरी|chc|phc|सीएचसी|पीएचसी|trauma|ट्रॉमा)(?![\p{L}\p{M}])/iu;
// "Mata Mandir Road": after a bare "mata"/"maa" cue, the words of a street are no one's name
const STREET_WORD =
  /(?<![\p{L}\p{M}])(?:road|rd|marg|मार्ग|colony|कॉलोनी|कालोनी|mandir|मंदिर|gali|गली|mohalla|मोहल्ला|sector|chowk|चौक|bazar|bazaar|बाज़ार|बाजार|vihar|विहार|enclave|apartment|apartments)(?![\p{L}\p{M}])/iu;
const NOT_A_NAME = /^(?:gril|grl|gurl|girll|bioy|boyy|bby|babby|babe|baby girl|baby boy)$/iu;
// a district sent by itself is no one's name ("लखनऊ" on the mother's question)
const nameRead =
  (slot: 'childName' | 'motherName' | 'fatherName') =>
  (text: string, now: Date): unknown => {
    const name = slotOf(text, now, slot);
    if (!name || PLACE_WORD.test(name) || STREET_WORD.test(name)) return null;
    const district = extractDistrict(text, { bare: true });
    return district && text.trim().split(/\s+/).length === 1 && !/\p{Lu}/u.test(text.trim()[0] ?? '')
      ? null
      : name;
  };

export const birthFields = {
  childName: {
    kind: 'person_name',
    optional: true,
    question: c('offline.ask.childName'),
    label: c('tools.label.child_name'),
    cues: [
      'her name is',
      'his name is',
      'uska naam',
      'uski naam',
      'iska naam',
      'उसका नाम',
      'इसका नाम',
      "child's name",
      'childs name',
      'child name',
      "baby's name",
      'baby name',
      'baby ka naam',
      'bachche ka naam',
      'bachchi ka naam',
      'beti ka naam',
      'bete ka naam',
      'बच्चे का नाम',
      'बच्ची का नाम',
      'बेटी का नाम',
      'बेटे का नाम',
      'शिशु का नाम',
    ],
    read: nameRead('childName'),
    skipWhen: (text, now) => slotOf(text, now, 'childNameBlank') === true,
    shortcuts: [{ id: 'noname', title: c('offline.button_no_name'), value: () => null }],
    noSkipButton: true,
    example: { en: 'For example: Aarav', hi: 'जैसे: आरव', hinglish: 'Jaise: Aarav' },
  },
  sex: {
    kind: 'choice',
    question: c('offline.ask.sex'),
    label: c('tools.label.sex'),
    choices: {
      male: title('offline.sex.male'),
      female: title('offline.sex.female'),
      transgender: title('offline.sex.transgender'),
    },
    cues: ['gender', 'sex', 'ling', 'लिंग'],
    read: (text, now) => slotOf(text, now, 'sex') ?? null,
  },
  dateOfBirth: {
    kind: 'date',
    question: c('offline.ask.dateOfBirth'),
    label: c('tools.label.date_of_birth'),
    cues: [
      'date of birth',
      'dob',
      'd.o.b',
      'birth date',
      'born on',
      'janm tithi',
      'janm ki tarikh',
      'janam ki tarikh',
      'जन्म तिथि',
      'जन्मतिथि',
      'जन्म की तारीख',
      'जन्म तारीख',
    ],
    read: (text, now) => slotOf(text, now, 'dateOfBirth') ?? slotOf(text, now, 'incidentDate') ?? null,
    // "ek mahina pehle", "last week tuesday": no day for the register; asked again, with why
    registerDate: true,
    misreadNote: countedBackNote,
    example: { en: 'For example: 3 October 2026', hi: 'जैसे: 3 अक्टूबर 2026', hinglish: 'Jaise: 3 October 2026' },
  },
  placeOfBirthType: {
    kind: 'choice',
    question: c('offline.ask.placeOfBirthType'),
    label: c('tools.label.place_of_birth'),
    choices: {
      hospital: title('offline.place.hospital'),
      home: title('offline.place.home'),
      other: title('offline.place.other'),
    },
    // "Gandhi Nagar", "302001", "mere ghar ka": an answer that names no kind of place and no hospital
    // is asked again, not stored as a hospital
    read: (text, now) =>
      slotOf(text, now, 'placeOfBirthType') ??
      (INSTITUTION_WORD.test(text) && slotOf(text, now, 'hospitalName') ? 'hospital' : null),
    // "Lokbandhu hospital": the type and the place in one answer
    readAlso: (text, now) => {
      const place = namedPlace(slotOf(text, now, 'placeOfBirth'));
      return place ? { placeOfBirth: place } : {};
    },
  },
  placeOfBirth: {
    kind: 'free_text',
    question: c('offline.ask.placeOfBirth.hospital'),
    questionFor: (fields) => {
      const type = typeof fields.placeOfBirthType === 'string' ? fields.placeOfBirthType : 'hospital';
      return c(`offline.ask.placeOfBirth.${type}`);
    },
    label: c('tools.label.place_of_birth'),
    // one who does not know the hospital's name can still say truly what it was and where
    exampleFor: (fields) =>
      (fields.placeOfBirthType ?? 'hospital') === 'hospital'
        ? c('offline.example.placeOfBirth.hospital')
        : undefined,
    cues: ['place of birth', 'birth place', 'janm sthan', 'janm ki jagah', 'जन्म स्थान', 'जन्म का स्थान'],
    // "I am the mother" answers who reports the birth, early; it is no place
    // a home birth's place is the house's address ("the same house, 14 Sector B, Aliganj")
    // "mummy ka naam Sunita" is the mother's name, no place; a PIN alone is no house's address
    read: (text, now, fields) => {
      const words = ownWords(text, 'placeOfBirth', now, fields);
      if (!words) return null;
      const home = fields.placeOfBirthType === 'home';
      const place =
        namedPlace(slotOf(words, now, 'placeOfBirth') ?? slotOf(words, now, 'hospitalName')) ??
        (home ? slotOf(words, now, 'address') : kindAndTown(words));
      if (!place || !/\p{L}/u.test(place)) return null;
      // "21 गांधी मार्ग" asked for the hospital: a house number opens an address, not an institution's name
      if (fields.placeOfBirthType === 'hospital' && /^\d/.test(place.trim()) && !INSTITUTION_WORD.test(words))
        return null;
      return home && !hasAddressWords(place) ? null : place;
    },
    // a home birth given as a full postal address (with its PIN) is the parents' address too
    // and the town in a hospital's name is the district of the birth ("District Hospital Agra")
    readAlso: (text, now, fields) => {
      const district = districtAside(text, now);
      const out: Record<string, unknown> = district ? { district } : {};
      if (fields.placeOfBirthType !== 'home' || !slotOf(text, now, 'pinCode')) return out;
      const place = slotOf(text, now, 'placeOfBirth') ?? slotOf(text, now, 'address');
      return { ...out, ...(place ? { address: place } : {}) };
    },
  },
  motherName: {
    kind: 'person_name',
    question: c('offline.ask.motherName'),
    label: c('tools.label.mother_name'),
    cues: [
      "mother's name",
      'mothers name',
      'mother name',
      'mother is',
      'mother',
      'maa ka naam',
      'ma ka naam',
      'mata ka naam',
      'mummy ka naam',
      'mother ka naam',
      'माँ का नाम',
      'मां का नाम',
      'माता का नाम',
      'मम्मी का नाम',
      'maa',
      'mata',
      'माँ',
      'मां',
      'माता',
    ],
    read: nameRead('motherName'),
    example: { en: 'For example: Sunita Devi', hi: 'जैसे: सुनीता देवी', hinglish: 'Jaise: Sunita Devi' },
  },
  fatherName: {
    kind: 'person_name',
    question: c('offline.ask.fatherName'),
    label: c('tools.label.father_name'),
    cues: [
      "father's name",
      'fathers name',
      'father name',
      'father is',
      'father',
      'pita ka naam',
      'pitaji ka naam',
      'papa ka naam',
      'father ka naam',
      'पिता का नाम',
      'पिताजी का नाम',
      'पापा का नाम',
      'pita',
      'papa',
      'पिता',
      'पापा',
    ],
    read: nameRead('fatherName'),
    example: { en: 'For example: Ramesh Kumar', hi: 'जैसे: रमेश कुमार', hinglish: 'Jaise: Ramesh Kumar' },
  },
  address: {
    kind: 'address',
    question: c('offline.ask.address'),
    label: c('tools.label.address'),
    cues: ['address is', 'address', 'ghar ka pata', 'mera pata', 'पता है', 'पता:', 'मेरा पता', 'घर का पता'],
    // "pin 208001", "mai papa hoon", "mummy ka naam Sunita": another question's answer, no address
    read: (text, now, fields) => {
      // "वही पता", "same as above" after a home birth: the house already given ("ग्राम मझगवां, पोस्ट
      // बिधनू" has no number, so the form's own look-back for an address passes it by)
      const house = fields.placeOfBirthType === 'home' ? fields.placeOfBirth : undefined;
      if (isSameAsEarlier(text)) return typeof house === 'string' && hasAddressWords(house) ? house : null;
      const words = ownWords(text, 'address', now, fields);
      const address = words ? slotOf(words, now, 'address') : undefined;
      return address && hasAddressWords(address) ? address : null;
    },
    // the district written in the address (read with its PIN: a village named like a district loses)
    readAlso: (text, now) => {
      const district = districtAside(text, now);
      return district ? { district } : {};
    },
    example: {
      en: 'For example: House 12, Gandhi Nagar, Bareilly',
      hi: 'जैसे: मकान 12, गांधी नगर, बरेली',
      hinglish: 'Jaise: Makaan 12, Gandhi Nagar, Bareilly',
    },
  },
  district: {
    kind: 'district',
    question: c('offline.ask.district.birth'),
    label: c('tools.label.district'),
    cues: ['district', 'distt', 'zila', 'jila', 'जिला', 'ज़िला', 'जनपद'],
    read: (text, now) => slotOf(text, now, 'district') ?? extractDistrict(text, { bare: true }),
    example: { en: 'For example: Lucknow', hi: 'जैसे: लखनऊ', hinglish: 'Jaise: Lucknow' },
  },
  pinCode: {
    kind: 'pin',
    question: c('offline.ask.pinCode'),
    label: c('tools.label.pin_code'),
    cues: ['pin code', 'pincode', 'pin', 'पिन', 'पिनकोड', 'पिन कोड'],
    example: { en: 'For example: 226001', hi: 'जैसे: 226001', hinglish: 'Jaise: 226001' },
  },
  informantName: {
    kind: 'person_name',
    optional: true,
    question: c('offline.ask.informantName'),
    label: c('tools.label.informant'),
    cues: ['informant', "informant's name", 'informant name', 'सूचना देने वाले का नाम'],
    // "I am the father" names the father; a bare name is the informant's
    read: (text, now, fields) => {
      const parent = informantCue(text, true);
      if (parent) return fields[parent === 'mother' ? 'motherName' : 'fatherName'] ?? null;
      return slotOf(text, now, 'fatherName') ?? null;
    },
    shortcuts: [
      {
        id: 'informant:mother',
        title: c('offline.button_i_am_mother'),
        value: (fields) => fields.motherName ?? null,
      },
      {
        id: 'informant:father',
        title: c('offline.button_i_am_father'),
        value: (fields) => fields.fatherName ?? null,
      },
    ],
    // "… and I am the father" in any message
    anywhere: (text, _now, fields) => {
      const parent = informantCue(text, false);
      return parent ? (fields[parent === 'mother' ? 'motherName' : 'fatherName'] ?? null) : null;
    },
  },
} satisfies Record<string, FieldMeta>;

const FORM = { fields: birthFields };

/**
 * The words of a message that may answer a place or an address: none when it says who the speaker
 * is ("I am the mother", "mai papa hoon"), only what follows another field's labelled value when
 * it opens with one ("mummy ka naam Sunita" → nothing; "pin 208001, 12 Gandhi Nagar" → the street).
 */
function ownWords(text: string, asking: string, now: Date, fields: Record<string, unknown>): string {
  if (informantCue(text, false) || speakerStatement(text)) return '';
  const led = ledByLabel(FORM, text, asking, now, fields);
  return led ? led.rest : text;
}

const OWN_NAME =
  /(?:mera|meraa|humara|hamara|hamaara|my|मेरा|हमारा)\s+(?:naam|name|नाम)(?:\s+(?:is|hai|है))?\s+$/iu;
const SPOUSE_WIFE = /(?<![\p{L}\p{M}])(?:wife|patni|biwi|biwi|gharwali|पत्नी|बीवी|घरवाली)(?![\p{L}\p{M}])/iu;
const SPOUSE_HUSBAND = /(?<![\p{L}\p{M}])(?:husband|pati|पति)(?![\p{L}\p{M}])/iu;

/** Whether the name comes right after "mera naam", "my name is", "हमारा नाम": the writer's own. */
function ownName(text: string, name: string): boolean {
  const at = text.toLowerCase().indexOf(name.toLowerCase());
  return at > 0 && OWN_NAME.test(text.slice(0, at));
}

/** The message that asked for the application often carries facts: each under its own name. */
export function birthOpening(text: string, now: Date): Record<string, unknown> {
  const s = openingSlots(text, now);
  const out = pick(s, {
    childName: 'childName',
    sex: 'sex',
    dateOfBirth: 'dateOfBirth',
    placeOfBirthType: 'placeOfBirthType',
    placeOfBirth: 'placeOfBirth',
    motherName: 'motherName',
    fatherName: 'fatherName',
    address: 'address',
    district: 'district',
    pinCode: 'pinCode',
  });
  // "my baby gril": a typed "girl" is no name
  if (typeof out.childName === 'string' && NOT_A_NAME.test(out.childName)) delete out.childName;
  // "meri wife ne beta diya … humara naam Rakesh Pal hai": the writer's own name is no child's; a
  // husband writing of his wife names the father, a wife writing of her husband the mother
  if (typeof out.childName === 'string' && ownName(text, out.childName)) {
    const parent = SPOUSE_WIFE.test(text) ? 'fatherName' : SPOUSE_HUSBAND.test(text) ? 'motherName' : null;
    if (parent && out[parent] === undefined) out[parent] = out.childName;
    delete out.childName;
  }
  // "Mata Mandir Road, Rampur": a street read after a relation's word is no one's name
  for (const k of ['childName', 'motherName', 'fatherName'] as const)
    if (typeof out[k] === 'string' && STREET_WORD.test(out[k] as string)) delete out[k];
  if (s.childNameBlank && out.childName === undefined) out.childName = null;
  if (!namedPlace(s.placeOfBirth)) delete out.placeOfBirth;
  // "ghar par, 5 nehru colony lucknow": the house named in the same message is the place of birth
  if (out.placeOfBirthType === 'home' && out.placeOfBirth === undefined && out.address !== undefined)
    out.placeOfBirth = out.address;
  if (
    namedPlace(s.hospitalName) &&
    out.placeOfBirth === undefined &&
    (out.placeOfBirthType ?? 'hospital') === 'hospital'
  ) {
    out.placeOfBirthType = 'hospital';
    out.placeOfBirth = s.hospitalName;
  }
  // a village's name is no district unless its PIN says so
  if (out.district !== undefined && districtAside(text, now) === undefined) delete out.district;
  return out;
}
