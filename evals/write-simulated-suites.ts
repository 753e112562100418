// Writes evals/suites/simulated/*.yaml: goal cases for the rule-based simulated citizen, every
// language form × every style × several households. The files are what is reviewed and run;
// this script only saves typing them. Run: npx tsx evals/write-simulated-suites.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from 'yaml';
import { STYLES } from './src/case-schema.js';

type Lang = 'en' | 'hi' | 'hinglish';
const LANGS: Lang[] = ['en', 'hi', 'hinglish'];
const dir = fileURLToPath(new URL('./suites/simulated/', import.meta.url));

interface Place {
  latin: string;
  deva: string;
  pin: string;
  /** the official district name where people use a shorter one */
  also?: string[];
}
const PLACES: Place[] = [
  { latin: 'Lucknow', deva: 'लखनऊ', pin: '226016' },
  { latin: 'Patna', deva: 'पटना', pin: '800014' },
  { latin: 'Jaipur', deva: 'जयपुर', pin: '302006' },
  { latin: 'Bhopal', deva: 'भोपाल', pin: '462016' },
  { latin: 'Varanasi', deva: 'वाराणसी', pin: '221005' },
  { latin: 'Kanpur', deva: 'कानपुर', pin: '208011', also: ['Kanpur Nagar', 'कानपुर नगर'] },
];

// [latin, devanagari] pairs: a Hindi-writing citizen types names in Devanagari
const FAMILIES = [
  {
    child: ['Aarav', 'आरव'],
    sex: 'male',
    mother: ['Priya Verma', 'प्रिया वर्मा'],
    father: ['Rohit Verma', 'रोहित वर्मा'],
    address: ['45 Ward 7 Rajendra Nagar', '45 वार्ड 7 राजेंद्र नगर'],
    born: 'hospital',
    hospital: ['City Care Hospital', 'सिटी केयर अस्पताल'],
    dob: '2026-11-12',
    informant: 'father',
  },
  {
    child: null,
    sex: 'female',
    mother: ['Sunita Yadav', 'सुनीता यादव'],
    father: ['Ramesh Yadav', 'रमेश यादव'],
    address: ['12 Shastri Colony', '12 शास्त्री कॉलोनी'],
    born: 'home',
    hospital: null,
    dob: '2026-11-20',
    informant: 'mother',
  },
  {
    child: ['Meera', 'मीरा'],
    sex: 'female',
    mother: ['Kavita Singh', 'कविता सिंह'],
    father: ['Arjun Singh', 'अर्जुन सिंह'],
    address: ['House 9 Civil Lines', 'मकान 9 सिविल लाइंस'],
    born: 'hospital',
    hospital: ['Fortis Hospital', 'फोर्टिस अस्पताल'],
    dob: '2026-11-02',
    informant: 'mother',
  },
  {
    child: ['Kabir', 'कबीर'],
    sex: 'male',
    mother: ['Neha Gupta', 'नेहा गुप्ता'],
    father: ['Amit Gupta', 'अमित गुप्ता'],
    address: ['B-14 Arera Colony', 'बी-14 अरेरा कॉलोनी'],
    born: 'hospital',
    hospital: ['Hamidia Hospital', 'हमीदिया अस्पताल'],
    dob: '2026-11-15',
    informant: null,
  },
  {
    child: ['Ishita', 'इशिता'],
    sex: 'female',
    mother: ['Pooja Mishra', 'पूजा मिश्रा'],
    father: ['Vivek Mishra', 'विवेक मिश्रा'],
    address: ['Village Rampur Post Chaubepur', 'गाँव रामपुर पोस्ट चौबेपुर'],
    born: 'home',
    hospital: null,
    dob: '2026-11-18',
    informant: 'father',
  },
  {
    child: ['Vihaan', 'विहान'],
    sex: 'male',
    mother: ['Anjali Tiwari', 'अंजलि तिवारी'],
    father: ['Suresh Tiwari', 'सुरेश तिवारी'],
    address: ['22 Kidwai Nagar', '22 किदवई नगर'],
    born: 'hospital',
    hospital: ['Ursula Hospital', 'उर्सुला अस्पताल'],
    dob: '2026-11-09',
    informant: 'mother',
  },
] as const;

const COMPLAINTS = [
  {
    category: 'staff_behaviour',
    en: 'the nurse shouted at my mother and did not let us sit',
    hi: 'नर्स ने मेरी माँ पर चिल्लाया और बैठने नहीं दिया',
    hinglish: 'nurse ne meri maa par chillaya aur baithne nahi diya',
  },
  {
    category: 'cleanliness',
    en: 'the toilets in the ward were dirty for three days',
    hi: 'वार्ड के शौचालय तीन दिन से गंदे थे',
    hinglish: 'ward ke toilet teen din se gande the',
  },
  {
    category: 'medicine_unavailable',
    en: 'the doctor wrote medicines but the hospital pharmacy had none',
    hi: 'डॉक्टर ने दवाई लिखी पर अस्पताल के दवाखाने में नहीं थी',
    hinglish: 'doctor ne dawai likhi par hospital ki pharmacy me nahi thi',
  },
  {
    category: 'bribery_or_fees',
    en: 'the clerk asked for 500 rupees to make the admission slip',
    hi: 'बाबू ने भर्ती की पर्ची बनाने के 500 रुपये माँगे',
    hinglish: 'babu ne bharti ki parchi banane ke 500 rupaye maange',
  },
  {
    category: 'waiting_time',
    en: 'we waited six hours in the OPD and no doctor saw us',
    hi: 'ओपीडी में छह घंटे बैठे रहे पर किसी डॉक्टर ने नहीं देखा',
    hinglish: 'OPD me chhe ghante baithe rahe par kisi doctor ne nahi dekha',
  },
  {
    category: 'equipment_or_facilities',
    en: 'the x-ray machine has been broken for a week',
    hi: 'एक्स-रे मशीन एक हफ़्ते से ख़राब पड़ी है',
    hinglish: 'x-ray machine ek hafte se kharab padi hai',
  },
] as const;
const HOSPITALS = [
  ['District Hospital', 'ज़िला अस्पताल'],
  ['Civil Hospital', 'सिविल अस्पताल'],
  ['Government Medical College', 'सरकारी मेडिकल कॉलेज'],
  ['Community Health Centre', 'सामुदायिक स्वास्थ्य केंद्र'],
  ['Women Hospital', 'महिला अस्पताल'],
  ['Lok Nayak Hospital', 'लोक नायक अस्पताल'],
] as const;
const INCIDENT = ['2026-11-23', '2026-11-20', null, '2026-11-18', null, '2026-11-22'];

const pick = (pair: readonly [string, string], lang: Lang) => (lang === 'hi' ? pair[1] : pair[0]);
const PER_CELL = 3;

function birthCase(lang: Lang, style: (typeof STYLES)[number], k: number, submit = true) {
  const fi = (STYLES.indexOf(style) + k * 2 + LANGS.indexOf(lang)) % FAMILIES.length;
  const f = FAMILIES[fi];
  const place = PLACES[fi];
  const district = lang === 'hi' ? place.deva : place.latin;
  const address = pick(f.address, lang);
  const placeOfBirth = f.hospital ? pick(f.hospital, lang) : `${address}, ${district}`;
  const facts: Record<string, string> = {
    ...(f.child ? { childName: pick(f.child, lang) } : {}),
    sex: f.sex,
    dateOfBirth: f.dob,
    placeOfBirthType: f.born,
    placeOfBirth,
    motherName: pick(f.mother, lang),
    fatherName: pick(f.father, lang),
    address,
    district,
    pinCode: place.pin,
    ...(f.informant ? { informantName: f.informant } : {}),
  };
  const record = {
    childName: f.child ? facts.childName : { absent: true },
    sex: f.sex,
    dateOfBirth: f.dob,
    placeOfBirthType: f.born,
    placeOfBirth: { contains: f.hospital ? placeOfBirth : address },
    motherName: facts.motherName,
    fatherName: facts.fatherName,
    address: { contains: address },
    district: [place.latin, place.deva, ...(place.also ?? [])],
    pinCode: place.pin,
    language: lang,
  };
  return {
    id: `sim-bc-${lang}-${style.replace(/_/g, '-')}-${k + 1}${submit ? '' : '-cancels'}`,
    language: lang,
    tags: ['simulated', style],
    goal: { service: 'birth_certificate', style, facts, ...(submit ? {} : { submit: false }) },
    expect: submit ? { applications: { count: 1, records: [record] } } : {},
  };
}

function complaintCase(lang: Lang, style: (typeof STYLES)[number], k: number, submit = true) {
  const i = (STYLES.indexOf(style) + k * 2 + LANGS.indexOf(lang)) % COMPLAINTS.length;
  const c = COMPLAINTS[i];
  const place = PLACES[(i + 1) % PLACES.length];
  const hospitalName = pick(HOSPITALS[i], lang);
  const incidentDate = INCIDENT[(i + k) % INCIDENT.length];
  const anonymous = (i + k) % 2 === 0;
  const facts = {
    hospitalName,
    district: lang === 'hi' ? place.deva : place.latin,
    description: c[lang],
    category: c.category,
    ...(incidentDate ? { incidentDate } : {}),
    anonymous,
  };
  const record = {
    hospitalName,
    district: [place.latin, place.deva, ...(place.also ?? [])],
    description: { contains: c[lang] },
    category: c.category,
    incidentDate: incidentDate ?? { absent: true },
    anonymous,
    language: lang,
  };
  return {
    id: `sim-hc-${lang}-${style.replace(/_/g, '-')}-${k + 1}${submit ? '' : '-cancels'}`,
    language: lang,
    tags: ['simulated', style],
    goal: { service: 'hospital_complaint', style, facts, ...(submit ? {} : { submit: false }) },
    expect: submit ? { complaints: { count: 1, records: [record] } } : {},
  };
}

function write(file: string, suite: string, description: string, cases: unknown[]): void {
  const doc = new Document({ suite, description, cases });
  doc.commentBefore =
    ' yaml-language-server: $schema=../../case.schema.json\n' +
    ' Generated by `npx tsx evals/write-simulated-suites.ts`; a rule-based simulated citizen plays each goal.';
  writeFileSync(join(dir, file), doc.toString({ lineWidth: 0, flowCollectionPadding: true }));
}

mkdirSync(dir, { recursive: true });
const grid = <T>(make: (l: Lang, s: (typeof STYLES)[number], k: number) => T) =>
  LANGS.flatMap((l) => STYLES.flatMap((s) => Array.from({ length: PER_CELL }, (_, k) => make(l, s, k))));
write(
  'birth-certificate.yaml',
  'simulated-birth-certificate',
  'Form 1 by a simulated citizen: every language form and style',
  [...grid(birthCase), ...LANGS.map((l) => birthCase(l, 'plain', 3, false))],
);
write(
  'hospital-complaint.yaml',
  'simulated-hospital-complaint',
  'hospital complaints by a simulated citizen: every language form and style',
  [...grid(complaintCase), ...LANGS.map((l) => complaintCase(l, 'plain', 3, false))],
);

// Services of DESIGN.md §4 this build may not offer yet: skipped (and reported) until a tool
// offers them; their expected record is derived from the facts (expect.cases).
const PEOPLE = [
  {
    name: ['Ramesh Kumar', 'रमेश कुमार'],
    father: ['Shyam Lal', 'श्याम लाल'],
    address: ['14 Gandhi Nagar', '14 गांधी नगर'],
  },
  {
    name: ['Sita Devi', 'सीता देवी'],
    father: ['Mohan Prasad', 'मोहन प्रसाद'],
    address: ['Village Bhagwanpur', 'गाँव भगवानपुर'],
  },
] as const;
const newServices = LANGS.flatMap((lang) =>
  PEOPLE.flatMap((p, k) => {
    const place = PLACES[k + LANGS.indexOf(lang)];
    const style = (['plain', 'rambling', 'terse'] as const)[(k + LANGS.indexOf(lang)) % 3];
    const common = {
      fatherOrHusbandName: pick(p.father, lang),
      address: pick(p.address, lang),
      district: lang === 'hi' ? place.deva : place.latin,
      pinCode: place.pin,
    };
    // records keep the district's canonical name, whichever script the citizen wrote it in
    const mk = (service: string, short: string, facts: Record<string, string | number>) => ({
      id: `sim-${short}-${lang}-${style}-${k + 1}`,
      language: lang,
      tags: ['simulated', style, 'new-service'],
      goal: { service, style, facts },
      expect: {
        cases: { [service]: { count: 1, records: [{ ...facts, district: [place.latin, place.deva] }] } },
      },
    });
    return [
      mk('caste_certificate', 'cc', {
        applicantName: pick(p.name, lang),
        ...common,
        caste: lang === 'hi' ? 'यादव' : 'Yadav',
        category: 'obc',
        purpose: lang === 'hi' ? 'नौकरी के लिए' : 'job application',
      }),
      mk('income_certificate', 'ic', {
        applicantName: pick(p.name, lang),
        ...common,
        annualIncomeRupees: 84000 + k * 12000,
        incomeSources: lang === 'hi' ? 'खेती' : 'farming',
        purpose: lang === 'hi' ? 'छात्रवृत्ति' : 'scholarship',
      }),
      mk('death_certificate', 'dc', {
        deceasedName: pick(p.father, lang),
        sex: 'male',
        dateOfDeath: '2026-11-10',
        ageAtDeath: 71 + k,
        placeOfDeathType: 'home',
        placeOfDeath: `${pick(p.address, lang)}`,
        ...common,
        fatherOrHusbandName: lang === 'hi' ? 'राम प्रसाद' : 'Ram Prasad',
        informantName: pick(p.name, lang),
      }),
    ];
  }),
);
write(
  'new-services.yaml',
  'simulated-new-services',
  'caste, income and death certificates (run once the services exist)',
  newServices,
);
console.log(`wrote ${dir}`);
