import { z } from 'zod';
import { birthFee } from '../../../tools/birth-fee.js';
import { placeOfBirthTypes, sexes } from '../../domain/enums.js';
import {
  addressField,
  addressText,
  certificateWorkflow,
  districtField,
  districtName,
  fatherOrHusbandField,
  freeText,
  isoDateField,
  personName,
  pinCode,
  pinField,
} from '../_fields/common-fields.js';
import { countedBackNote } from '../_fields/register-date.js';
import { type FeeOutcome, type ServiceDefinition, text3 } from '../types.js';
import { readAgeAtDeath } from './age-at-death.js';
import { deathOpening } from './death-opening.js';
import { informantSelfNote } from './informant-self.js';
import { readPlaceOfDeath } from './place-of-death.js';
import { pointsAtAddressNote } from './place-points-back.js';

const schema = z.object({
  deceasedName: personName('Full name.'),
  sex: z.enum(sexes).describe("The deceased's sex."),
  dateOfDeath: isoDateField('YYYY-MM-DD, not in the future.'),
  ageAtDeath: z.number().int().min(0).max(130).describe('In whole years.'),
  placeOfDeathType: z.enum(placeOfBirthTypes).describe('hospital (or another institution), home or other.'),
  placeOfDeath: freeText("The institution's name, or the address of the house or place.", 2),
  fatherOrHusbandName: personName("The deceased's father's or husband's name."),
  address: addressText(),
  district: districtName(),
  pinCode: pinCode(),
  informantName: personName('Who reports the death.'),
});

/**
 * Form 2's delay rules are the birth's (RBD Act s.13): within 21 days free, then a late fee,
 * after a year only on a First-Class Magistrate's order — explained, never submitted.
 */
function deathFee(
  dateOfDeath: string | undefined,
  now: Date,
  fees: Parameters<typeof birthFee>[2],
): FeeOutcome {
  if (!dateOfDeath) return { kind: 'payable', feePaise: 0, feeRule: 'free' };
  const fee = birthFee(dateOfDeath, now, fees);
  if (fee.kind === 'future') {
    return {
      kind: 'refused',
      code: 'date_in_future',
      message: text3(
        'The date of death cannot be in the future. Please send the correct date.',
        'मृत्यु की तारीख़ आगे की नहीं हो सकती। कृपया सही तारीख़ भेजें।',
        'Mrityu ki tareekh aage ki nahi ho sakti. Kripya sahi tareekh bhejiye.',
      ),
    };
  }
  if (fee.kind === 'magistrate_order') {
    return {
      kind: 'refused',
      code: 'magistrate_order_required',
      message: text3(
        `This death was ${fee.daysSinceBirth} days ago. A death more than one year old can only be registered on the order of a First-Class Magistrate (or the SDM) under section 13(3) of the Registration of Births and Deaths Act, which I cannot give over chat. Please take proof of the death (a hospital slip or a cremation/burial receipt), an affidavit and your ID to the SDM office of your district. I have not submitted anything.`,
        `यह मृत्यु ${fee.daysSinceBirth} दिन पहले हुई थी। एक साल से पुरानी मृत्यु का पंजीकरण केवल प्रथम श्रेणी मजिस्ट्रेट (या SDM) के आदेश से हो सकता है (जन्म और मृत्यु पंजीकरण अधिनियम, धारा 13(3)), जो मैं चैट पर नहीं दे सकता। कृपया मृत्यु का प्रमाण (अस्पताल की पर्ची या अंतिम संस्कार की रसीद), शपथ-पत्र और अपना पहचान पत्र लेकर अपने ज़िले के SDM कार्यालय जाएँ। मैंने कुछ भी जमा नहीं किया है।`,
        `Yeh mrityu ${fee.daysSinceBirth} din pehle hui thi. Ek saal se purani mrityu ka panjikaran sirf First-Class Magistrate (ya SDM) ke aadesh se ho sakta hai (Janm aur Mrityu Panjikaran Adhiniyam, dhara 13(3)), jo main chat par nahi de sakta. Kripya mrityu ka saboot (hospital ki parchi ya antim sanskar ki raseed), shapath-patra aur apna ID lekar apne zile ke SDM office jaiye. Maine kuch bhi jama nahi kiya hai.`,
      ),
    };
  }
  if (fee.feeRule === 'free') {
    return {
      kind: 'payable',
      feePaise: 0,
      feeRule: 'free',
      note: text3(
        `Registration within ${fees.freeWithinDays} days is free.`,
        `${fees.freeWithinDays} दिन के भीतर पंजीकरण निःशुल्क है।`,
        `${fees.freeWithinDays} din ke andar panjikaran muft hai.`,
      ),
    };
  }
  return {
    kind: 'payable',
    feePaise: fee.feePaise,
    feeRule: fee.feeRule,
    note: text3(
      `Late fee: {amount} (more than ${fees.freeWithinDays} days after the death)${fee.feeRule === 'late_fee_affidavit' ? '; an affidavit is also needed' : ''}.`,
      `विलंब शुल्क: {amount} (मृत्यु के ${fees.freeWithinDays} दिन से ज़्यादा बाद)${fee.feeRule === 'late_fee_affidavit' ? '; एक शपथ-पत्र भी लगेगा' : ''}।`,
      `Late fee: {amount} (mrityu ke ${fees.freeWithinDays} din se zyada baad)${fee.feeRule === 'late_fee_affidavit' ? '; ek shapath-patra bhi lagega' : ''}.`,
    ),
  };
}

const choice = (en: string, hi: string, hinglish: string, words: string[]) => ({
  title: text3(en, hi, hinglish),
  words,
});

/** Registration of a death and its certificate (RBD Act Form 2). */
export const deathCertificate: ServiceDefinition<typeof schema> = {
  id: 'death_certificate',
  toolName: 'apply_death_certificate',
  prefix: 'DC',
  names: text3('Death certificate', 'मृत्यु प्रमाण पत्र', 'Mrityu praman patra'),
  description:
    "Register a death and apply for its certificate (RBD Act Form 2). Not for deaths over a year ago: they need a magistrate's order.",
  schema,
  fields: {
    deceasedName: {
      kind: 'person_name',
      question: text3(
        'I am sorry for your loss. What was the full name of the person who passed away?',
        'आपके दुख में हम आपके साथ हैं। जिनका निधन हुआ, उनका पूरा नाम क्या था?',
        'Aapke dukh mein hum aapke saath hain. Jinka nidhan hua, unka poora naam kya tha?',
      ),
      label: text3("Deceased's name", 'मृतक का नाम', 'Mritak ka naam'),
      cues: ["deceased's name", 'deceased', 'mritak', 'मृतक', 'unka naam', 'उनका नाम', 'naam tha', 'name was'],
      example: text3('For example: Ram Lal Gupta', 'जैसे: राम लाल गुप्ता', 'Jaise: Ram Lal Gupta'),
    },
    sex: {
      kind: 'choice',
      question: text3(
        'Were they male, female or transgender?',
        'वे पुरुष थे, महिला या ट्रांसजेंडर?',
        'Woh purush the, mahila ya transgender?',
      ),
      label: text3('Sex', 'लिंग', 'Ling'),
      // "sex male", "ling purush" in a message of labelled parts (unlabelled, "papa" could be anyone's)
      cues: ['sex', 'gender', 'ling', 'लिंग'],
      choices: {
        male: choice('Male', 'पुरुष', 'Purush', [
          'male',
          'man',
          'him',
          'gent',
          'gents',
          'mard',
          'grandfather',
          'uncle',
          'purush',
          'aadmi',
          'पुरुष',
          'आदमी',
          'father',
          'papa',
          'dada',
          'husband',
          'pati',
          'पिता',
          'पति',
          'दादा',
        ]),
        female: choice('Female', 'महिला', 'Mahila', [
          'female',
          'woman',
          'she',
          'her',
          'lady',
          'ladies',
          'grandmother',
          'aunt',
          'mahila',
          'aurat',
          'stri',
          'महिला',
          'औरत',
          'स्त्री',
          'mother',
          'maa',
          'mummy',
          'dadi',
          'wife',
          'patni',
          'माँ',
          'मां',
          'दादी',
          'पत्नी',
        ]),
        transgender: choice('Transgender', 'ट्रांसजेंडर', 'Transgender', [
          'transgender',
          'kinnar',
          'किन्नर',
          'ट्रांसजेंडर',
        ]),
      },
    },
    dateOfDeath: {
      kind: 'date',
      question: text3(
        'On what date did they pass away?',
        'निधन किस तारीख़ को हुआ?',
        'Nidhan kis tareekh ko hua?',
      ),
      label: text3('Date of death', 'मृत्यु की तिथि', 'Mrityu ki tithi'),
      cues: [
        'date of death',
        'died on',
        'passed away on',
        'death on',
        'expired on',
        'nidhan',
        'निधन',
        'mrityu',
        'मृत्यु',
        'dod',
      ],
      example: text3('For example: 12/11/2026', 'जैसे: 12/11/2026', 'Jaise: 12/11/2026'),
      // "ek mahina pehle", "last week tuesday": no day for the register; asked again, with why
      registerDate: true,
      misreadNote: countedBackNote,
    },
    ageAtDeath: {
      kind: 'age',
      question: text3('How old were they (in years)?', 'उनकी उम्र कितने साल थी?', 'Unki umar kitne saal thi?'),
      label: text3('Age at death', 'मृत्यु के समय उम्र', 'Mrityu ke samay umar'),
      cues: ['age', 'aged', 'umar', 'umr', 'उम्र', 'आयु', 'years old', 'saal ke', 'साल के', 'साल की'],
      // whole years only: "6 mahine" is 0 (shown as 0 in the summary), never 6; "65-70" or
      // "lagbhag 70" is asked again, never stored as exact
      read: (text) => readAgeAtDeath(text),
      example: text3(
        'For example: 67. Please write the exact age in completed years; for a baby under one year, write 0.',
        'जैसे: 67। कृपया पूरे हुए वर्षों में सही उम्र लिखें; एक साल से छोटे बच्चे के लिए 0 लिखें।',
        'Jaise: 67. Kripya poore hue saalon mein sahi umar likhiye; ek saal se chhote bachche ke liye 0 likhiye.',
      ),
    },
    placeOfDeathType: {
      kind: 'choice',
      question: text3('Where did the death take place?', 'मृत्यु कहाँ हुई?', 'Mrityu kahan hui?'),
      label: text3('Place of death', 'मृत्यु का स्थान', 'Mrityu ka sthan'),
      // "died at home": the kind of place; "died at" is the place's label too (each reads what it can)
      cues: [
        'place of death',
        'died at',
        'death at',
        'mrityu ka sthan',
        'mrityu sthan',
        'मृत्यु का स्थान',
        'मृत्यु स्थान',
      ],
      choices: {
        hospital: choice('Hospital', 'अस्पताल', 'Hospital', [
          'hospital',
          'aspatal',
          'अस्पताल',
          'हॉस्पिटल',
          'medical college',
          'nursing home',
          'chc',
          'phc',
        ]),
        home: choice('Home', 'घर', 'Ghar', ['home', 'house', 'ghar', 'घर', 'makaan', 'मकान']),
        other: choice('Elsewhere', 'कहीं और', 'Kahin aur', [
          'other',
          'elsewhere',
          'road',
          'rasta',
          'sadak',
          'सड़क',
          'कहीं और',
          'kahin aur',
          'accident',
        ]),
      },
    },
    placeOfDeath: {
      kind: 'free_text',
      question: text3(
        'Name of the hospital, or the address of the place of death?',
        'अस्पताल का नाम, या मृत्यु के स्थान का पता?',
        'Hospital ka naam, ya mrityu ki jagah ka pata?',
      ),
      label: text3('Hospital / place', 'अस्पताल / स्थान', 'Hospital / jagah'),
      cues: ['hospital name', 'hospital ka naam', 'अस्पताल का नाम', 'died at', 'death at'],
      // "died at home" gives the kind of place, not the place: its address is asked
      read(text, now) {
        return readPlaceOfDeath(this, text, now);
      },
      misreadNote: pointsAtAddressNote,
      example: text3(
        'For example: District Hospital, Sitapur',
        'जैसे: ज़िला अस्पताल, सीतापुर',
        'Jaise: District Hospital, Sitapur',
      ),
    },
    fatherOrHusbandName: fatherOrHusbandField,
    address: addressField,
    district: districtField,
    pinCode: pinField,
    informantName: {
      kind: 'person_name',
      question: text3(
        'Your name, please (the person reporting the death)?',
        'कृपया अपना नाम बताइए (मृत्यु की सूचना देने वाले)?',
        'Kripya apna naam bataiye (mrityu ki soochna dene wale)?',
      ),
      label: text3('Informant', 'सूचना देने वाले', 'Soochna dene wale'),
      cues: ['my name is', 'mera naam', 'मेरा नाम', 'informant', 'reported by'],
      // "main khud": the speaker, whose name is asked for, not "main khud" as a name
      misreadNote: (text, again) => informantSelfNote(text, again),
      example: text3('For example: Suresh Gupta', 'जैसे: सुरेश गुप्ता', 'Jaise: Suresh Gupta'),
    },
  },
  fee: (args, now, fees) => deathFee(args.dateOfDeath, now, fees),
  // "papa ki death 5 november ko KGMU hospital mein hui": the facts told with the death itself
  readOpening: deathOpening,
  workflow: certificateWorkflow(7),
  texts: {
    start: text3(
      'I will help you register the death and apply for the death certificate.',
      'मैं मृत्यु के पंजीकरण और मृत्यु प्रमाण पत्र के आवेदन में आपकी मदद करूँगा।',
      'Main mrityu ke panjikaran aur mrityu praman patra ke aavedan mein aapki madad karunga.',
    ),
    submitted: text3(
      'The death registration is submitted. Reference: {reference}. {fee} The registrar usually decides within 7 days; ask me the status any time.',
      'मृत्यु का पंजीकरण जमा हो गया। संदर्भ संख्या: {reference}। {fee} रजिस्ट्रार आमतौर पर 7 दिन में निर्णय करते हैं; स्थिति कभी भी पूछिए।',
      'Mrityu ka panjikaran jama ho gaya. Reference: {reference}. {fee} Registrar aam taur par 7 din mein faisla karte hain; status kabhi bhi puchhiye.',
    ),
    cancelled: text3(
      'I have cancelled the death registration; nothing was submitted.',
      'मैंने मृत्यु पंजीकरण रद्द कर दिया; कुछ भी जमा नहीं हुआ।',
      'Maine mrityu panjikaran radd kar diya; kuch bhi jama nahi hua.',
    ),
  },
  intentPhrases: [
    'death certificate',
    'death certficate',
    'death cert',
    'death registration',
    'register a death',
    'register the death',
    'register death',
    'mrityu praman patra',
    'mirtyu praman patra',
    'mrityu pramanpatra',
    'mrityu certificate',
    'mrityu ka certificate',
    'death ka certificate',
    'maut ka certificate',
    'मृत्यु प्रमाण पत्र',
    'मृत्यु प्रमाणपत्र',
    'मृत्यु का प्रमाण पत्र',
    'मृत्यु पंजीकरण',
    'डेथ सर्टिफिकेट',
  ],
  intentWords: [
    ['register', 'death'],
    ['registration', 'death'],
    ['death', 'panjikaran'],
    ['mrityu', 'panjikaran'],
    ['मृत्यु', 'पंजीकरण'],
    ['मृत्यु', 'प्रमाण'],
    ['mrityu', 'praman'],
    ['died', 'certificate'],
    ['passed', 'away', 'certificate'],
    ['death', 'praman'],
    ['निधन', 'प्रमाण'],
    ['देहांत', 'प्रमाण'],
  ],
  storage: 'cases',
};
