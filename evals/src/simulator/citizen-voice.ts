import type { Lang } from '../../../src/lang/language.js';
import type { CitizenStyle, ServiceId } from '../case-schema.js';

// How a citizen writes: the words for closed answers in each language form, the way each
// style bends a message. Values the citizen knows (names, dates, PIN codes) are kept intact
// except where a style really changes them in writing (a spaced PIN, a spelled-out month):
// a typo in the child's name would make the citizen, not the assistant, wrong.

/** A seeded pseudo-random source, so a trial is reproducible and pass^k sees real variation across trials. */
export function seededRandom(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rng = () => number;
const pickOne = <T>(xs: T[], rng: Rng): T => xs[Math.floor(rng() * xs.length)];

type Words = Record<Lang, string[]>;

const CLOSED: Record<string, Record<string, Words>> = {
  sex: {
    male: { en: ['boy', 'a boy', 'male'], hi: ['लड़का', 'बेटा'], hinglish: ['ladka', 'beta'] },
    female: { en: ['girl', 'a girl', 'female'], hi: ['लड़की', 'बेटी'], hinglish: ['ladki', 'beti'] },
    transgender: { en: ['transgender'], hi: ['ट्रांसजेंडर'], hinglish: ['transgender'] },
  },
  placeOfBirthType: {
    hospital: {
      en: ['in a hospital', 'hospital'],
      hi: ['अस्पताल में'],
      hinglish: ['hospital mein', 'aspatal me'],
    },
    home: { en: ['at home', 'home'], hi: ['घर पर', 'घर में'], hinglish: ['ghar pe', 'ghar mein'] },
    other: { en: ['somewhere else'], hi: ['कहीं और'], hinglish: ['kahin aur'] },
  },
  category: {
    staff_behaviour: { en: ['staff behaviour'], hi: ['स्टाफ़ का व्यवहार'], hinglish: ['staff ka bartav'] },
    cleanliness: { en: ['cleanliness'], hi: ['सफ़ाई'], hinglish: ['safai'] },
    medicine_unavailable: {
      en: ['medicines not available'],
      hi: ['दवाई नहीं मिली'],
      hinglish: ['dawai nahi mili'],
    },
    bribery_or_fees: { en: ['bribe'], hi: ['रिश्वत'], hinglish: ['rishwat'] },
    waiting_time: { en: ['waiting time'], hi: ['बहुत इंतज़ार'], hinglish: ['bahut intezaar'] },
    equipment_or_facilities: {
      en: ['equipment not working'],
      hi: ['मशीन ख़राब'],
      hinglish: ['machine kharab'],
    },
    other: { en: ['something else'], hi: ['कुछ और'], hinglish: ['kuch aur'] },
    sc: { en: ['SC'], hi: ['अनुसूचित जाति'], hinglish: ['SC'] },
    st: { en: ['ST'], hi: ['अनुसूचित जनजाति'], hinglish: ['ST'] },
    obc: { en: ['OBC'], hi: ['ओबीसी'], hinglish: ['OBC'] },
  },
  anonymous: {
    true: { en: ['yes, hide my name'], hi: ['हाँ, मेरा नाम छुपा दीजिए'], hinglish: ['haan naam chhupa do'] },
    false: {
      en: ['no, you can use my name'],
      hi: ['नहीं, नाम बता सकते हैं'],
      hinglish: ['nahi, naam bata sakte ho'],
    },
  },
  informantName: {
    mother: { en: ['I am the mother'], hi: ['मैं माँ हूँ'], hinglish: ['main maa hoon'] },
    father: { en: ['I am the father'], hi: ['मैं पिता हूँ'], hinglish: ['main pita hoon'] },
  },
};

/** The button id a closed answer taps, by the engines' `prefix:value` convention (true/false: yes/no). */
export function buttonFor(value: string | number | boolean, ids: string[]): string | undefined {
  const v = value === true ? 'yes' : value === false ? 'no' : String(value);
  // the value is the id's last part: `sex:male`, `anon:yes`, a registry form's `form:choice:sex:male`
  return ids.find((id) => id.includes(':') && id.slice(id.lastIndexOf(':') + 1) === v);
}

/** A rambling first message tells some facts up front, as people do. */
export function ramblingOpening(
  service: ServiceId,
  facts: Record<string, unknown>,
  lang: Lang,
  rng: Rng,
): { text: string; told: string[] } | null {
  const date =
    typeof facts.dateOfBirth === 'string' ? writeDate(facts.dateOfBirth, lang, 'rambling', rng) : null;
  if (service === 'birth_certificate' && date && (facts.sex === 'male' || facts.sex === 'female')) {
    const boy = facts.sex === 'male';
    const text = {
      en: `hello, my ${boy ? 'son' : 'daughter'} was born on ${date}, I want the birth certificate`,
      hi: `नमस्ते, हमारे घर ${date} को ${boy ? 'बेटा हुआ' : 'बेटी हुई'} है, जन्म प्रमाण पत्र बनवाना है`,
      hinglish: `namaste ji, ${date} ko ${boy ? 'mera beta hua' : 'meri beti hui'} hai, uska janm praman patra banwana hai`,
    }[lang];
    return { text, told: ['sex', 'dateOfBirth'] };
  }
  if (service === 'hospital_complaint' && typeof facts.hospitalName === 'string') {
    const h = facts.hospitalName;
    const text = {
      en: `hello, I want to complain about ${h}, something bad happened there`,
      hi: `नमस्ते, मुझे ${h} की शिकायत करनी है, वहाँ बहुत बुरा हुआ`,
      hinglish: `namaste ji, mujhe ${h} ki shikayat karni hai, wahan bahut bura hua`,
    }[lang];
    return { text, told: ['hospitalName'] };
  }
  return null;
}

CLOSED.placeOfDeathType = CLOSED.placeOfBirthType;

const YES: Words = {
  en: ['yes', 'yes submit'],
  hi: ['हाँ', 'हाँ जमा करो'],
  hinglish: ['haan', 'haan submit karo'],
};
const NO_NAME: Words = { en: ['no name yet'], hi: ['अभी नाम नहीं रखा'], hinglish: ['abhi naam nahi rakha'] };
const SKIP: Words = { en: ['skip', "don't know"], hi: ['पता नहीं'], hinglish: ['pata nahi', 'skip'] };
const CANCEL: Words = { en: ['cancel, I do not want to submit'], hi: ['रद्द करो'], hinglish: ['cancel karo'] };
const LOST: Words = {
  en: ['sorry, what do you need?'],
  hi: ['समझ नहीं आया, क्या बताऊँ?'],
  hinglish: ['samajh nahi aaya, kya batana hai?'],
};

export const phrase = {
  yes: (l: Lang, rng: Rng) => pickOne(YES[l], rng),
  noName: (l: Lang, rng: Rng) => pickOne(NO_NAME[l], rng),
  skip: (l: Lang, rng: Rng) => pickOne(SKIP[l], rng),
  cancel: (l: Lang, rng: Rng) => pickOne(CANCEL[l], rng),
  lost: (l: Lang, rng: Rng) => pickOne(LOST[l], rng),
};

const OPENINGS: Record<ServiceId, Words> = {
  birth_certificate: {
    en: ['I want to apply for a birth certificate', 'birth certificate for my baby'],
    hi: ['मुझे जन्म प्रमाण पत्र बनवाना है', 'बच्चे का जन्म प्रमाण पत्र चाहिए'],
    hinglish: ['mujhe janm praman patra banwana hai', 'baby ka birth certificate banwana hai'],
  },
  hospital_complaint: {
    en: ['I want to complain about a government hospital', 'complaint against hospital'],
    hi: ['मुझे सरकारी अस्पताल की शिकायत करनी है', 'अस्पताल की शिकायत दर्ज करनी है'],
    hinglish: ['mujhe sarkari aspatal ki shikayat karni hai', 'hospital ki complaint karni hai'],
  },
  caste_certificate: {
    en: ['I need a caste certificate'],
    hi: ['मुझे जाति प्रमाण पत्र चाहिए'],
    hinglish: ['mujhe caste certificate chahiye'],
  },
  income_certificate: {
    en: ['I need an income certificate'],
    hi: ['मुझे आय प्रमाण पत्र बनवाना है'],
    hinglish: ['mujhe income certificate banwana hai'],
  },
  death_certificate: {
    en: ['I need to get a death certificate'],
    hi: ['मृत्यु प्रमाण पत्र बनवाना है'],
    hinglish: ['death certificate banwana hai'],
  },
};

const GREETING: Words = { en: ['hello', 'hi'], hi: ['नमस्ते', 'नमस्कार'], hinglish: ['namaste', 'namaste ji'] };
const RAMBLE_LEAD: Words = {
  en: ['ok so', 'let me tell you,', 'yes ji,'],
  hi: ['जी बताती हूँ,', 'जी हाँ,', 'अच्छा तो'],
  hinglish: ['ji bata rahi hoon,', 'haan ji,', 'acha to'],
};
const RAMBLE_TAIL: Words = {
  en: ['thank you', 'please help', ''],
  hi: ['धन्यवाद', 'मदद कीजिए', ''],
  hinglish: ['dhanyavaad', 'madad kar do please', ''],
};

export function opening(service: ServiceId, lang: Lang, style: CitizenStyle, rng: Rng): string {
  const ask = pickOne(OPENINGS[service][lang], rng);
  if (style === 'terse' || style === 'low_literacy') return ask;
  return `${pickOne(GREETING[lang], rng)} ${ask}`;
}

const MONTHS: Record<Lang, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  hi: ['जनवरी', 'फ़रवरी', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अगस्त', 'सितंबर', 'अक्टूबर', 'नवंबर', 'दिसंबर'],
  hinglish: ['jan', 'feb', 'march', 'april', 'may', 'june', 'july', 'aug', 'sept', 'oct', 'nov', 'dec'],
};

function writeDate(iso: string, lang: Lang, style: CitizenStyle, rng: Rng): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  if (style === 'low_literacy') return `${Number(d)} ${Number(mo)} ${y}`;
  if (style === 'rambling' || (style !== 'terse' && rng() < 0.4))
    return `${Number(d)} ${MONTHS[lang][Number(mo) - 1]} ${y}`;
  return `${d}/${mo}/${y}`;
}

/** What the citizen types for a value they know, in their language form and style. */
export function writeValue(
  field: string,
  value: string | number | boolean,
  lang: Lang,
  style: CitizenStyle,
  rng: Rng,
): string {
  const closed = CLOSED[field]?.[String(value)];
  if (closed) return pickOne(closed[lang], rng);
  const s = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return writeDate(s, lang, style, rng);
  if (field === 'pinCode' && style === 'low_literacy') return `${s.slice(0, 3)} ${s.slice(3)}`;
  if (style === 'terse' || style === 'low_literacy') return s.toLowerCase();
  return s;
}

const LABEL: Record<string, Words> = {
  childName: { en: ["the child's name is"], hi: ['बच्चे का नाम'], hinglish: ['bachche ka naam'] },
  motherName: { en: ["mother's name is"], hi: ['माँ का नाम'], hinglish: ['maa ka naam'] },
  fatherName: { en: ["father's name is"], hi: ['पिता का नाम'], hinglish: ['papa ka naam'] },
  dateOfBirth: { en: ['the date of birth is'], hi: ['जन्म की तारीख़'], hinglish: ['janm ki date'] },
  district: { en: ['the district is'], hi: ['ज़िला'], hinglish: ['district'] },
  hospitalName: { en: ['the hospital is'], hi: ['अस्पताल का नाम'], hinglish: ['hospital ka naam'] },
  pinCode: { en: ['the PIN code is'], hi: ['पिन कोड'], hinglish: ['pin code'] },
};

/** "sorry, I wrote it wrong: the mother's name is X" — a correction a person sends unprompted. */
export function correction(field: string, right: string, lang: Lang, rng: Rng): string {
  const label = LABEL[field] ? pickOne(LABEL[field][lang], rng) : '';
  if (lang === 'en') return `sorry, that was wrong — ${label} ${right}`.replace(/\s+/g, ' ');
  if (lang === 'hi') return `माफ़ कीजिए, ग़लत लिख दिया — ${label} ${right} है`.replace(/\s+/g, ' ');
  return `sorry galat likh diya, ${label} ${right} hai`.replace(/\s+/g, ' ');
}

/** A plausible wrong value the citizen first types (a slip of the finger or memory). */
export function slip(field: string, value: string): string {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (d) {
    const day = Number(d[3]) === 28 ? 27 : Number(d[3]) + 1;
    return `${d[1]}-${d[2]}-${String(day).padStart(2, '0')}`;
  }
  if (/^\d+$/.test(value)) return value.slice(0, -1) + String((Number(value.at(-1)) + 1) % 10);
  const words = value.split(' ');
  if (field.endsWith('Name') && words.length > 1) return [words[0].slice(0, -1), ...words.slice(1)].join(' ');
  return `${value.slice(0, -1)}`;
}

// Devanagari slips people make on phone keyboards: the long vowel sign for the short one, a dropped nasal mark.
const MATRA_SLIPS: [RegExp, string][] = [
  [/ी/, 'ि'],
  [/ू/, 'ु'],
  [/ाँ|ां/, 'ा'],
  [/ें/, 'े'],
];

/** Keyboard slips in the words around the facts (not in the facts themselves). */
export function addTypos(text: string, rng: Rng): string {
  return text
    .split(' ')
    .map((w) => {
      if (/[\u0900-\u097F]{3,}/.test(w) && rng() < 0.5) {
        const slip = MATRA_SLIPS.find(([re]) => re.test(w));
        return slip ? w.replace(slip[0], slip[1]) : w;
      }
      if (!/^[a-z]{5,}$/i.test(w) || rng() > 0.5) return w;
      const i = 1 + Math.floor(rng() * (w.length - 3));
      return rng() < 0.5 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : w.slice(0, i) + w.slice(i + 1);
    })
    .join(' ');
}

/** Wraps an answer the way a rambling citizen does. */
export function ramble(answer: string, lang: Lang, rng: Rng): string {
  return [pickOne(RAMBLE_LEAD[lang], rng), answer, pickOne(RAMBLE_TAIL[lang], rng)].filter(Boolean).join(' ');
}

/** Low literacy: no capitals, no punctuation. */
export function plainLetters(text: string): string {
  return text
    .toLowerCase()
    .replace(/[.,!?'"—]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words for a closed answer typed instead of tapped. */
export function closedWords(field: string, value: string, lang: Lang, rng: Rng): string | undefined {
  const w = CLOSED[field]?.[value];
  return w ? pickOne(w[lang], rng) : undefined;
}
