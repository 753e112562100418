import { z } from 'zod';
import {
  addressField,
  addressText,
  certificateWorkflow,
  districtField,
  districtName,
  fatherOrHusbandField,
  freeText,
  personName,
  pinCode,
  pinField,
  purposeField,
} from '../_fields/common-fields.js';
import { readApplicantName, relativeOfApplicant } from '../_fields/name-with-relative.js';
import { type ServiceDefinition, text3 } from '../types.js';
import { annualIncome, annualIncomeNote } from './annual-income.js';

const schema = z.object({
  applicantName: personName('Full name.'),
  fatherOrHusbandName: personName('Full name.'),
  annualIncomeRupees: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000)
    .describe(
      "The family's income for a whole year, in whole rupees (2.5 lakh = 250000). A monthly, weekly or daily figure is no year's income: ask for the yearly total, do not multiply.",
    ),
  incomeSources: freeText('Sources of the income.'),
  address: addressText(),
  district: districtName(),
  pinCode: pinCode(),
  purpose: freeText('What it is needed for.'),
});

/** Income certificate, issued by the tehsil: the family's yearly income from all sources. */
export const incomeCertificate: ServiceDefinition<typeof schema> = {
  id: 'income_certificate',
  toolName: 'apply_income_certificate',
  prefix: 'IC',
  names: text3('Income certificate', 'आय प्रमाण पत्र', 'Aay praman patra'),
  description: 'Apply for an income certificate.',
  schema,
  fields: {
    applicantName: {
      kind: 'person_name',
      question: text3(
        "Whose income certificate is it? Please send the applicant's full name.",
        'आय प्रमाण पत्र किसके नाम से बनेगा? आवेदक का पूरा नाम बताइए।',
        'Aay praman patra kiske naam se banega? Aavedak ka poora naam bataiye.',
      ),
      label: text3("Applicant's name", 'आवेदक का नाम', 'Aavedak ka naam'),
      cues: [
        'my name is',
        'mera naam',
        'मेरा नाम',
        'applicant',
        'aavedak',
        'आवेदक',
        'name is',
        'name',
        'naam',
        'नाम',
      ],
      // "रमेश कुमार पुत्र सुरेश कुमार", "Aman Kumar, mere papa Vijay Kumar hain": two names, each in its field
      read: (text) => readApplicantName(text),
      readAlso: (text) => relativeOfApplicant(text),
      example: text3('For example: Rakesh Yadav', 'जैसे: राकेश यादव', 'Jaise: Rakesh Yadav'),
    },
    fatherOrHusbandName: fatherOrHusbandField,
    annualIncomeRupees: {
      kind: 'rupees',
      question: text3(
        "What is the family's total income in a year, from all sources?",
        'परिवार की सभी स्रोतों से सालाना कुल आय कितनी है?',
        'Parivaar ki saal bhar ki kul aay kitni hai, sab milakar?',
      ),
      label: text3('Annual family income', 'परिवार की सालाना आय', 'Parivaar ki saalana aay'),
      cues: ['income is', 'income', 'aay', 'aamdani', 'kamai', 'आय', 'आमदनी', 'कमाई', 'salary'],
      // a monthly figure, a bound ("se kam") or "1 lakh 20" is asked again, not guessed
      read: (text) => annualIncome(text),
      misreadNote: (text) => annualIncomeNote(text),
      // shown when an answer was not read twice: the whole year, everyone's income, every unit written
      example: text3(
        "For example: 1.5 lakh, or 1 lakh 20 thousand: the whole family's income for the whole year. If you know it by the month, send the year's total (12 months).",
        'जैसे: डेढ़ लाख, या 1 लाख 20 हज़ार: पूरे परिवार की पूरे साल की आय। महीने की आय पता हो तो साल भर (12 महीने) का जोड़ भेजिए।',
        'Jaise: dedh lakh, ya 1 lakh 20 hazaar: poore parivaar ki poore saal ki aay. Mahine ki aay pata ho to saal bhar (12 mahine) ka jod bhejiye.',
      ),
    },
    incomeSources: {
      kind: 'free_text',
      question: text3(
        'Where does the income come from (farming, wages, a shop, a job, a pension)?',
        'आय किससे होती है (खेती, मज़दूरी, दुकान, नौकरी, पेंशन)?',
        'Aay kis se hoti hai (kheti, mazdoori, dukaan, naukri, pension)?',
      ),
      label: text3('Sources of income', 'आय के स्रोत', 'Aay ke srot'),
      listValue: true,
      cues: ['source of income', 'income from', 'sources', 'source', 'srot', 'स्रोत', 'se aay', 'से आय'],
      example: text3('For example: farming and daily wages', 'जैसे: खेती और मज़दूरी', 'Jaise: kheti aur mazdoori'),
    },
    address: addressField,
    district: districtField,
    pinCode: pinField,
    purpose: purposeField,
  },
  fee: (_args, _now, fees) => {
    const feePaise = fees.serviceFeesPaise?.income_certificate ?? 0;
    return { kind: 'payable', feePaise, feeRule: feePaise > 0 ? 'fee' : 'free' };
  },
  workflow: certificateWorkflow(15),
  texts: {
    start: text3(
      'I will help you apply for an income certificate. I will ask a few questions.',
      'मैं आय प्रमाण पत्र के आवेदन में आपकी मदद करूँगा। कुछ सवाल पूछूँगा।',
      'Main aay praman patra ke aavedan mein aapki madad karunga. Kuch sawaal puchhunga.',
    ),
    submitted: text3(
      'Your income certificate application is submitted. Reference: {reference}. {fee} The tehsil usually decides within 15 days; ask me the status any time.',
      'आपका आय प्रमाण पत्र का आवेदन जमा हो गया। संदर्भ संख्या: {reference}। {fee} तहसील आमतौर पर 15 दिन में निर्णय करती है; स्थिति कभी भी पूछिए।',
      'Aapka aay praman patra ka aavedan jama ho gaya. Reference: {reference}. {fee} Tehsil aam taur par 15 din mein faisla karti hai; status kabhi bhi puchhiye.',
    ),
    cancelled: text3(
      'I have cancelled the income certificate application; nothing was submitted.',
      'मैंने आय प्रमाण पत्र का आवेदन रद्द कर दिया; कुछ भी जमा नहीं हुआ।',
      'Maine aay praman patra ka aavedan radd kar diya; kuch bhi jama nahi hua.',
    ),
  },
  intentPhrases: [
    'income certificate',
    'income certficate',
    'income cert',
    'aay praman patra',
    'aay pramanpatra',
    'aay ka praman patra',
    'aay certificate',
    'aay ka certificate',
    'aamdani praman patra',
    'आय प्रमाण पत्र',
    'आय प्रमाणपत्र',
    'आय का प्रमाण पत्र',
    'इनकम सर्टिफिकेट',
  ],
  intentWords: [
    ['aay', 'praman'],
    ['aamdani', 'praman'],
    ['income', 'praman'],
    ['आय', 'प्रमाण'],
    ['आमदनी', 'प्रमाण'],
  ],
  storage: 'cases',
};
