import { z } from 'zod';
import { isValidIsoDate } from '../../../tools/dates.js';
import { catalogueText } from '../catalogue-text.js';
import { type FieldMeta, text3, type Workflow } from '../types.js';
import { purposeForAddress } from './not-an-address.js';

// Fields and workflows many services share, so a service's folder holds only what is its own.

export const personName = (what: string) => z.string().trim().min(2).max(100).describe(what);
export const addressText = () => z.string().trim().min(5).max(300).describe('Full address.');
export const districtName = () => z.string().trim().min(2).max(60).describe('District.');
export const pinCode = () =>
  z
    .string()
    .regex(/^[1-9][0-9]{5}$/, 'a PIN code is 6 digits and does not start with 0')
    .describe('6 digits.');
export const isoDateField = (what: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .refine(isValidIsoDate, 'not a real calendar date')
    .describe(what);
export const freeText = (what: string, min = 3) => z.string().trim().min(min).max(500).describe(what);

export const fatherOrHusbandField: FieldMeta = {
  kind: 'person_name',
  question: text3(
    "What is the father's (or husband's) full name?",
    'पिता (या पति) का पूरा नाम क्या है?',
    'Pita (ya pati) ka poora naam kya hai?',
  ),
  label: text3("Father's / husband's name", 'पिता / पति का नाम', 'Pita / pati ka naam'),
  cues: [
    "father's name",
    'fathers name',
    'father name',
    'father is',
    'father',
    'husband',
    'pati',
    'papa',
    's/o',
    'd/o',
    'w/o',
    "husband's name",
    'husband name',
    'husband is',
    'pita ka naam',
    'papa ka naam',
    'pati ka naam',
    'पिता का नाम',
    'पिताजी का नाम',
    'पापा का नाम',
    'पति का नाम',
    'pitaji ka naam',
    'pita ji ka naam',
    'papa ji ka naam',
    'pati ji ka naam',
    'पिता जी का नाम',
    'pita ji',
    'पिता जी',
    'shohar ka naam',
    'shauhar ka naam',
    'शौहर का नाम',
    'shohar',
    'shauhar',
    'शौहर',
    'pitaji',
    'पिताजी',
    // "pita Suresh Prasad", as "पिता सुरेश प्रसाद" (the birth form's father has it too)
    'pita',
    'पिता',
    'पति',
  ],
  example: text3('For example: Ramesh Kumar', 'जैसे: रमेश कुमार', 'Jaise: Ramesh Kumar'),
};

export const addressField: FieldMeta = {
  kind: 'address',
  question: text3(
    'What is the full address (house, street or village, town)?',
    'पूरा पता क्या है (मकान, गली या गाँव, शहर)?',
    'Poora pata kya hai (makaan, gali ya gaon, shahar)?',
  ),
  label: text3('Address', 'पता', 'Pata'),
  cues: ['address is', 'address', 'mera pata', 'ghar ka pata', 'पता है', 'पता:', 'मेरा पता', 'घर का पता'],
  // a bare "pata" only where it opens a part ("jati Yadav, pata makan 12 …"): "pata nahi" is "I don't know"
  clauseCues: ['pata', 'पता'],
  // "naukri ke liye" answers the purpose early: said so, or the citizen sends it again
  misreadNote: (text) =>
    purposeForAddress(text) ? catalogueText('offline.form.address_is_purpose') : undefined,
  example: text3(
    'For example: House 12, Gandhi Nagar, Bareilly',
    'जैसे: मकान 12, गांधी नगर, बरेली',
    'Jaise: Makaan 12, Gandhi Nagar, Bareilly',
  ),
};

export const districtField: FieldMeta = {
  kind: 'district',
  question: text3('Which district?', 'कौन सा ज़िला?', 'Kaun sa zila?'),
  label: text3('District', 'ज़िला', 'Zila'),
  cues: ['district', 'distt', 'zila', 'jila', 'जिला', 'ज़िला', 'जनपद'],
  example: text3('For example: Lucknow', 'जैसे: लखनऊ', 'Jaise: Lucknow'),
};

export const pinField: FieldMeta = {
  kind: 'pin',
  question: text3('What is the 6-digit PIN code?', '6 अंकों का पिन कोड क्या है?', '6 ankon ka PIN code kya hai?'),
  label: text3('PIN code', 'पिन कोड', 'PIN code'),
  cues: ['pin', 'pincode', 'पिन'],
  example: text3('For example: 226001', 'जैसे: 226001', 'Jaise: 226001'),
};

export const purposeField: FieldMeta = {
  kind: 'free_text',
  question: text3(
    'What do you need the certificate for (school admission, a job, a scheme…)?',
    'प्रमाण पत्र किस काम के लिए चाहिए (स्कूल में दाख़िला, नौकरी, कोई योजना…)?',
    'Certificate kis kaam ke liye chahiye (school admission, naukri, koi yojana…)?',
  ),
  label: text3('Purpose', 'उद्देश्य', 'Uddeshya'),
  cues: ['purpose', 'for admission', 'ke liye chahiye', 'के लिए चाहिए', 'uddeshya', 'उद्देश्य'],
  example: text3('For example: college admission', 'जैसे: कॉलेज में दाख़िला', 'Jaise: college admission'),
};

/** Apply, review, approve, issue: the revenue office's certificate workflow. */
export function certificateWorkflow(reviewDays: number): Workflow {
  return {
    initial: 'submitted',
    needsPayment: ['approved', 'certificate_issued'],
    states: {
      submitted: {
        label: text3('Submitted', 'जमा हो गया', 'Jama ho gaya'),
        notice: text3(
          'Your application is with the office; an officer will review it.',
          'आपका आवेदन कार्यालय में है; एक अधिकारी इसकी जाँच करेंगे।',
          'Aapka aavedan office mein hai; ek adhikari iski jaanch karenge.',
        ),
        slaDays: reviewDays,
        next: ['under_review', 'rejected'],
      },
      under_review: {
        label: text3('Under review', 'जाँच चल रही है', 'Jaanch chal rahi hai'),
        notice: text3(
          'An officer is checking your application.',
          'एक अधिकारी आपके आवेदन की जाँच कर रहे हैं।',
          'Ek adhikari aapke aavedan ki jaanch kar rahe hain.',
        ),
        slaDays: reviewDays,
        next: ['approved', 'rejected'],
      },
      approved: {
        label: text3('Approved', 'स्वीकृत', 'Sweekrit'),
        notice: text3(
          'Approved: the certificate is being prepared.',
          'स्वीकृत: प्रमाण पत्र तैयार किया जा रहा है।',
          'Sweekrit: certificate taiyaar kiya ja raha hai.',
        ),
        slaDays: 3,
        next: ['certificate_issued'],
      },
      certificate_issued: {
        label: text3('Certificate issued', 'प्रमाण पत्र जारी', 'Certificate jaari'),
        notice: text3(
          'The certificate has been issued; collect it at the office with your reference.',
          'प्रमाण पत्र जारी हो गया है; अपना संदर्भ संख्या लेकर कार्यालय से लें।',
          'Certificate jaari ho gaya hai; apna reference lekar office se le lijiye.',
        ),
        slaDays: null,
        next: [],
      },
      rejected: {
        label: text3('Rejected', 'अस्वीकृत', 'Asweekrit'),
        notice: text3(
          'The application was rejected; the reason is in the message the office sent.',
          'आवेदन अस्वीकृत हुआ; कारण कार्यालय के संदेश में है।',
          'Aavedan asweekrit hua; kaaran office ke sandesh mein hai.',
        ),
        slaDays: null,
        next: [],
      },
    },
  };
}
