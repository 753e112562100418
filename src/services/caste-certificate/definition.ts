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
import { categoryAlone, categoryBesideCaste, readCaste } from './read-caste.js';

const schema = z.object({
  applicantName: personName('Full name.'),
  fatherOrHusbandName: personName('Full name.'),
  caste: freeText('As the citizen names it.', 2),
  category: z.enum(['sc', 'st', 'obc']).describe('Reserved category.'),
  subCaste: z.string().trim().min(2).max(100).nullable().describe('Or null.'),
  address: addressText(),
  district: districtName(),
  pinCode: pinCode(),
  purpose: freeText('What it is needed for.'),
  documents: z
    .array(z.string())
    .nullable()
    .describe('Always null: the server attaches what the citizen sent.'),
});

/** Caste certificate (SC / ST / OBC), issued by the tehsil. */
export const casteCertificate: ServiceDefinition<typeof schema> = {
  id: 'caste_certificate',
  toolName: 'apply_caste_certificate',
  prefix: 'CC',
  names: text3('Caste certificate', 'जाति प्रमाण पत्र', 'Jati praman patra'),
  description: 'Apply for a caste certificate; documents sent in this chat are attached.',
  schema,
  fields: {
    applicantName: {
      kind: 'person_name',
      question: text3(
        "Whose caste certificate is it? Please send the applicant's full name.",
        'जाति प्रमाण पत्र किसके नाम से बनेगा? आवेदक का पूरा नाम बताइए।',
        'Jati praman patra kiske naam se banega? Aavedak ka poora naam bataiye.',
      ),
      label: text3("Applicant's name", 'आवेदक का नाम', 'Aavedak ka naam'),
      cues: [
        'my name is',
        'mera naam',
        'मेरा नाम',
        'applicant',
        'aavedak',
        'आवेदक',
        'naam',
        'name is',
        'name',
        'नाम',
      ],
      // "रमेश कुमार पुत्र सुरेश कुमार", "Aman Kumar, mere papa Vijay Kumar hain": two names, each in its field
      read: (text) => readApplicantName(text),
      readAlso: (text) => relativeOfApplicant(text),
      example: text3('For example: Sunita Devi', 'जैसे: सुनीता देवी', 'Jaise: Sunita Devi'),
    },
    fatherOrHusbandName: fatherOrHusbandField,
    caste: {
      kind: 'free_text',
      question: text3('Which caste?', 'कौन सी जाति?', 'Kaun si jati?'),
      label: text3('Caste', 'जाति', 'Jati'),
      cues: ['caste is', 'caste', 'jati', 'jaati', 'जाति'],
      // "hum chamar jati se hain" is "chamar", not "se"; "SC hai", "mahila nahi", "kya matlab" no caste
      read: (text, _now, fields) => readCaste(casteCertificate.fields.caste, text, fields),
      // "Kurmi, OBC": the category said with the caste goes to its own field
      readAlso: (text) => categoryBesideCaste(casteCertificate.fields.category, text),
      example: text3('For example: Jatav', 'जैसे: जाटव', 'Jaise: Jatav'),
    },
    category: {
      kind: 'choice',
      question: text3('Which category?', 'कौन सी श्रेणी?', 'Kaun si shreni (category)?'),
      label: text3('Category', 'श्रेणी', 'Shreni'),
      cues: ['category', 'varg', 'shreni', 'श्रेणी', 'वर्ग', 'class'],
      choices: {
        sc: {
          title: text3('SC', 'अनुसूचित जाति (SC)', 'SC'),
          words: ['sc', 's c', 'scheduled caste', 'anusuchit jati', 'अनुसूचित जाति', 'एससी', 'dalit'],
        },
        st: {
          title: text3('ST', 'अनुसूचित जनजाति (ST)', 'ST'),
          words: [
            'st',
            's t',
            'scheduled tribe',
            'anusuchit janjati',
            'अनुसूचित जनजाति',
            'एसटी',
            'adivasi',
            'आदिवासी',
          ],
        },
        obc: {
          title: text3('OBC', 'अन्य पिछड़ा वर्ग (OBC)', 'OBC'),
          words: ['obc', 'o b c', 'other backward', 'backward class', 'pichda varg', 'पिछड़ा वर्ग', 'ओबीसी'],
        },
      },
      // "SC hai" sent to the caste question: a category, not a caste; it is the category
      anywhere: (text) => categoryAlone(casteCertificate.fields.category, text),
      example: text3('For example: OBC', 'जैसे: OBC', 'Jaise: OBC'),
    },
    subCaste: {
      kind: 'free_text',
      optional: true,
      question: text3(
        'Any sub-caste? (send "skip" if none)',
        'कोई उप-जाति? (न हो तो "छोड़ें" लिखें)',
        'Koi up-jati? (na ho to "skip" likhiye)',
      ),
      label: text3('Sub-caste', 'उप-जाति', 'Up-jati'),
      cues: ['sub caste', 'subcaste', 'sub-caste', 'up jati', 'upjati', 'उपजाति', 'उप-जाति'],
    },
    address: addressField,
    district: districtField,
    pinCode: pinField,
    purpose: purposeField,
    documents: {
      kind: 'attachment',
      optional: true,
      question: text3(
        'You may send a photo or PDF of a supporting document (a relative\'s caste certificate, a ration card), or "skip".',
        'आप किसी सहायक दस्तावेज़ (परिवार के किसी सदस्य का जाति प्रमाण पत्र, राशन कार्ड) की फ़ोटो या PDF भेज सकते हैं, या "छोड़ें" लिखें।',
        'Aap kisi supporting document (parivaar ke kisi ka jati praman patra, ration card) ki photo ya PDF bhej sakte hain, ya "skip" likhiye.',
      ),
      label: text3('Documents', 'दस्तावेज़', 'Documents'),
    },
  },
  fee: (_args, _now, fees) => {
    const feePaise = fees.serviceFeesPaise?.caste_certificate ?? 0;
    return { kind: 'payable', feePaise, feeRule: feePaise > 0 ? 'fee' : 'free' };
  },
  workflow: certificateWorkflow(15),
  texts: {
    start: text3(
      'I will help you apply for a caste certificate. I will ask a few questions.',
      'मैं जाति प्रमाण पत्र के आवेदन में आपकी मदद करूँगा। कुछ सवाल पूछूँगा।',
      'Main jati praman patra ke aavedan mein aapki madad karunga. Kuch sawaal puchhunga.',
    ),
    submitted: text3(
      'Your caste certificate application is submitted. Reference: {reference}. {fee} The tehsil usually decides within 15 days; ask me the status any time.',
      'आपका जाति प्रमाण पत्र का आवेदन जमा हो गया। संदर्भ संख्या: {reference}। {fee} तहसील आमतौर पर 15 दिन में निर्णय करती है; स्थिति कभी भी पूछिए।',
      'Aapka jati praman patra ka aavedan jama ho gaya. Reference: {reference}. {fee} Tehsil aam taur par 15 din mein faisla karti hai; status kabhi bhi puchhiye.',
    ),
    cancelled: text3(
      'I have cancelled the caste certificate application; nothing was submitted.',
      'मैंने जाति प्रमाण पत्र का आवेदन रद्द कर दिया; कुछ भी जमा नहीं हुआ।',
      'Maine jati praman patra ka aavedan radd kar diya; kuch bhi jama nahi hua.',
    ),
  },
  intentPhrases: [
    'caste certificate',
    'cast certificate',
    'caste certficate',
    'jati praman patra',
    'jati pramanpatra',
    'jaati praman patra',
    'jati certificate',
    'caste praman patra',
    'जाति प्रमाण पत्र',
    'जाति प्रमाणपत्र',
    'जाति का प्रमाण पत्र',
    'sc certificate',
    'obc certificate',
    'st certificate',
  ],
  intentWords: [
    ['jati', 'praman'],
    ['jaati', 'praman'],
    ['caste', 'praman'],
    ['जाति', 'प्रमाण'],
    ['caste', 'cert'],
  ],
  storage: 'cases',
};
