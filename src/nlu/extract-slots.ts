import { withoutAddressLabel } from './address-label.js';
import type { AnalyseOptions, SlotName, Slots } from './analysis.js';
import { extractAddress } from './extract-address.js';
import { extractAnonymous } from './extract-anonymous.js';
import { extractCategory } from './extract-category.js';
import { extractDates } from './extract-date.js';
import { districtIn } from './extract-district.js';
import { facilityWords, findHospital } from './extract-hospital.js';
import { extractNames } from './extract-names.js';
import { extractPinCode } from './extract-pin-code.js';
import { extractPlaceOfBirth } from './extract-place-of-birth.js';
import { extractReferences, withoutReferences } from './extract-reference.js';
import { extractSex } from './extract-sex.js';
import type { Tokens } from './tokenise.js';

const BIRTH_WORDS = new Set(
  'janm janam janma paida born birth dob delivery delivered जन्म पैदा प्रसव prasav'.split(' '),
);
// "hua"/"hui" speak of a birth only next to a child: "beta hua", "ladki hui"
const HAPPENED = new Set(['hua', 'hui', 'huwa', 'हुआ', 'हुई']);
const CHILD = new Set(
  'beta beti baby bachcha bachchi baccha ladka ladki son daughter बेटा बेटी बच्चा बच्ची लडका लडकी'.split(' '),
);
const COMPLAINT_CONTEXT = new Set(
  'complaint complain shikayat shikayaat शिकायत incident ghatna घटना hadsa doctor nurse staff'.split(' '),
);

const DATE_CUES = new Set(
  'dob date tarikh tareekh तारीख तिथि born birth janm janam जन्म paida पैदा hua hui हुआ हुई incident ghatna घटना'.split(
    ' ',
  ),
);

export interface SlotContext {
  /** "haan"/"nahi" for yes/no questions such as "stay anonymous?" */
  confirmation: 'yes' | 'no' | 'change' | null;
}

/** Every slot the message fills; several per message, in any order. */
export function extractSlots(
  normalised: string,
  t: Tokens,
  opts: AnalyseOptions,
  ctx: SlotContext,
): Partial<Slots> {
  const slots: Partial<Slots> = {};
  const expecting: SlotName | undefined = opts.expecting;
  const bare = (...names: SlotName[]) => expecting !== undefined && names.includes(expecting);
  const has = (words: Set<string>) => t.folded.some((w) => words.has(w));
  const category = extractCategory(t.folded);
  const complaintContext =
    category !== null || has(COMPLAINT_CONTEXT) || bare('hospitalName', 'incidentDate');
  const birthContext =
    has(BIRTH_WORDS) ||
    (has(HAPPENED) && has(CHILD)) ||
    bare('dateOfBirth', 'placeOfBirth', 'placeOfBirthType', 'childName', 'sex', 'motherName', 'fatherName');

  const references = extractReferences(normalised);
  if (references.length > 0) slots.references = references;

  // an answer to "address?"/"PIN?" is read as one: a date in it needs its own cue ("dob 3/11")
  const addressAnswer = bare('address', 'pinCode', 'district') && !has(DATE_CUES);
  const dates = addressAnswer
    ? []
    : extractDates(withoutReferences(normalised), opts.now, references.length > 0 ? undefined : t.folded);
  if (dates.length > 0) {
    const date = meantDate(dates, t.folded);
    if (bare('incidentDate') || (complaintContext && !birthContext)) slots.incidentDate = date;
    else if (bare('dateOfBirth') || birthContext) slots.dateOfBirth = date;
    else {
      // no cue either way: the engine takes whichever its flow needs
      slots.dateOfBirth = date;
      slots.incidentDate = date;
    }
  }

  Object.assign(slots, extractNames(t, expecting));

  // "the ward boy shouted": in a complaint, boy/girl words are not the child's sex
  const sex =
    complaintContext && !birthContext && !bare('sex') ? null : extractSex(t.folded, { bare: bare('sex') });
  if (sex) slots.sex = sex;

  const placeAsked = bare('placeOfBirth', 'placeOfBirthType');
  const place = placeAsked || (birthContext && !complaintContext) ? extractPlaceOfBirth(t) : null;
  if (place) {
    slots.placeOfBirthType = place.type;
    if (place.name) slots.placeOfBirth = place.name;
    else if (place.type === 'other' && bare('placeOfBirth'))
      slots.placeOfBirth = withoutAddressLabel(normalised);
  } else if (
    bare('placeOfBirth') &&
    t.folded.length > 0 &&
    t.folded.length <= 8 &&
    dates.length === 0 &&
    ctx.confirmation === null &&
    !DONT_KNOW.test(t.folded.join(' '))
  ) {
    // "ट्रॉमा सेंटर", "Sai Kripa Nursing", "Apollo Cradle": asked for the institution's name, a short
    // answer without a hospital word is that name, as written ("address: 12 MG Road, Gonda" for a
    // home birth's house without its label)
    slots.placeOfBirth = withoutAddressLabel(normalised);
  }

  if (!place || complaintContext) {
    const hospital = findHospital(t);
    // asked which hospital, "community health centre" is the answer of one who knows only its kind
    const facility =
      hospital && bare('hospitalName') && t.folded.length <= 8 ? facilityWords(t, hospital) : null;
    if (hospital?.name) slots.hospitalName = hospital.name;
    else if (facility) slots.hospitalName = facility;
    else if (
      !hospital &&
      bare('hospitalName') &&
      t.folded.length > 0 &&
      t.folded.length <= 6 &&
      dates.length === 0 &&
      !DONT_KNOW.test(t.folded.join(' '))
    ) {
      slots.hospitalName = normalised;
    }
  }

  const pin = extractPinCode(normalised);
  if (pin) slots.pinCode = pin;
  const district = districtIn(t.folded, { bare: bare('district'), pinCode: pin ?? undefined });
  if (district) slots.district = district;
  const address = extractAddress(normalised, { bare: bare('address') });
  if (address) slots.address = address;

  // "abhi 2 ghante pehle" answers "when?": its "ghante" is no complaint about waiting
  const dateAnswer = bare('incidentDate', 'dateOfBirth') && dates.length > 0 && t.folded.length <= 5;
  if (category && !dateAnswer) slots.category = category;
  else if (bare('category', 'description')) slots.category = 'other';
  if (bare('description') || (category && !dateAnswer && t.folded.length >= 4))
    slots.description = normalised;

  const anonymous = extractAnonymous(t.folded, { asked: bare('anonymous') });
  if (anonymous !== null) {
    slots.anonymous = anonymous;
    // "naam mat batana", "नाम छुपाएँ" speak of the complainant's name, not a child's
    if (!bare('childName')) delete slots.childName;
  } else if (bare('anonymous') && (ctx.confirmation === 'yes' || ctx.confirmation === 'no')) {
    slots.anonymous = ctx.confirmation === 'yes';
  }
  return slots;
}

// "pata nahi", "नहीं पता", "no idea": not knowing is not an answer
const DONT_KNOW =
  /(?:^| )(?:skip|chhodo|chodo|छोड़ें|छोड़ो|pata nahi|pata nhi|nahi pata|nhi pata|malum nahi|maloom nahi|yaad nahi|पता नहीं|नहीं पता|मालूम नहीं|याद नहीं|don t know|dont know|no idea|not sure)(?: |$)/;

const DENIAL = new Set(['not', 'nahi', 'nhi', 'nahin', 'nai', 'नहीं', 'नही', 'galat', 'गलत', 'wrong']);

/**
 * Of two dates, the one not denied: "sorry not 12 march, it was 12 november", "12 march nahi,
 * 12 november" mean the last; "12 november hai, 12 march nahi" (the denial ends the message) the first.
 */
function meantDate(dates: string[], folded: readonly string[]): string {
  if (dates.length < 2 || !folded.some((w) => DENIAL.has(w))) return dates[0];
  return DENIAL.has(folded.at(-1) ?? '') ? dates[0] : dates[dates.length - 1];
}
