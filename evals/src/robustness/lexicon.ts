import type { Lang } from '../../../src/lang/language.js';

// Phrases a citizen uses for the two services, in the three language forms: enough to carry
// a scripted conversation into another form (names, places and numbers pass through as they
// are). A generated suite is reviewed before it is committed, so gaps show up there.
export const PHRASES: Record<Lang, string>[] = [
  { en: 'birth certificate', hi: 'जन्म प्रमाण पत्र', hinglish: 'janm praman patra' },
  { en: 'hospital complaint', hi: 'अस्पताल की शिकायत', hinglish: 'aspatal ki shikayat' },
  {
    en: 'I want to file a complaint against a hospital',
    hi: 'मुझे अस्पताल की शिकायत करनी है',
    hinglish: 'mujhe aspatal ki shikayat karni hai',
  },
  {
    en: 'I want to apply for a birth certificate',
    hi: 'मुझे जन्म प्रमाण पत्र बनवाना है',
    hinglish: 'mujhe janm praman patra banwana hai',
  },
  { en: 'I want', hi: 'मुझे चाहिए', hinglish: 'mujhe chahiye' },
  { en: 'complaint', hi: 'शिकायत', hinglish: 'shikayat' },
  { en: 'hospital', hi: 'अस्पताल', hinglish: 'aspatal' },
  { en: 'my daughter', hi: 'मेरी बेटी', hinglish: 'meri beti' },
  { en: 'my son', hi: 'मेरा बेटा', hinglish: 'mera beta' },
  { en: 'girl', hi: 'लड़की', hinglish: 'ladki' },
  { en: 'boy', hi: 'लड़का', hinglish: 'ladka' },
  { en: 'at home', hi: 'घर पर', hinglish: 'ghar pe' },
  { en: 'born in the hospital', hi: 'अस्पताल में हुआ', hinglish: 'hospital me hua' },
  { en: 'born in the hospital', hi: 'अस्पताल में हुआ', hinglish: 'hospital mein hua' },
  { en: 'born at home', hi: 'घर पर हुआ', hinglish: 'ghar pe hua' },
  { en: 'I am the mother', hi: 'मैं माँ हूँ', hinglish: 'main maa hu' },
  { en: 'in the hospital', hi: 'अस्पताल में', hinglish: 'hospital mein' },
  { en: 'yesterday', hi: 'कल', hinglish: 'kal' },
  { en: 'today', hi: 'आज', hinglish: 'aaj' },
  {
    en: 'no, you can share my name',
    hi: 'नहीं, मेरा नाम बता सकते हैं',
    hinglish: 'nahi, mera naam bata sakte ho',
  },
  { en: 'Yes, submit', hi: 'हाँ, जमा करें', hinglish: 'Haan, submit karo' },
  { en: 'yes', hi: 'हाँ', hinglish: 'haan' },
  { en: 'no', hi: 'नहीं', hinglish: 'nahi' },
  { en: 'hello', hi: 'नमस्ते', hinglish: 'namaste' },
  {
    en: 'hello I want to apply for a birth certificate',
    hi: 'नमस्ते मुझे जन्म प्रमाण पत्र बनवाना है',
    hinglish: 'namaste mujhe janm praman patra banwana hai',
  },
  { en: 'house', hi: 'मकान', hinglish: 'makan' },
  { en: 'thank you', hi: 'धन्यवाद', hinglish: 'dhanyavaad' },
  { en: 'status', hi: 'स्थिति', hinglish: 'status' },
  { en: 'what is the status of', hi: 'की स्थिति क्या है', hinglish: 'ka status kya hai' },
  { en: 'mother', hi: 'माँ', hinglish: 'maa' },
  { en: 'father', hi: 'पिता', hinglish: 'papa' },
  { en: 'I am the mother', hi: 'मैं माँ हूँ', hinglish: 'main maa hoon' },
  { en: 'I am the father', hi: 'मैं पिता हूँ', hinglish: 'main pita hoon' },
  { en: 'the staff misbehaved', hi: 'स्टाफ़ ने बदतमीज़ी की', hinglish: 'staff ne badtameezi ki' },
  {
    en: 'the ward boy shouted at my mother and misbehaved with us',
    hi: 'वार्ड बॉय ने मेरी माँ पर चिल्लाया और हमसे बदतमीज़ी की',
    hinglish: 'ward boy ne meri maa par chillaya aur humse badtameezi ki',
  },
  { en: 'no medicine', hi: 'दवाई नहीं', hinglish: 'dawai nahi' },
  { en: 'pay the fee', hi: 'शुल्क भरना है', hinglish: 'fees bharni hai' },
  { en: 'cancel', hi: 'रद्द करो', hinglish: 'cancel karo' },
];

// Romanized Hindi is spelt many ways; each group is one word.
export const SPELLINGS: string[][] = [
  ['janm', 'janam', 'janma'],
  ['praman', 'pramaan', 'pramān'],
  ['patra', 'patr', 'pattra'],
  ['shikayat', 'shikaayat', 'shikayath'],
  ['aspatal', 'aspataal', 'haspatal'],
  ['nahi', 'nahin', 'nhi'],
  ['haan', 'han', 'ha'],
  ['hai', 'h', 'he'],
  ['mujhe', 'muje', 'mujhey'],
  ['chahiye', 'chaiye', 'chahie'],
  ['kya', 'kia'],
  ['karni', 'krni'],
  ['banwana', 'banvana', 'bnwana'],
];

// Everyday English words Hindi writers mix in (and Hindi words English writers do).
export const CODE_MIX: Record<Lang, [string, string][]> = {
  hi: [
    ['जन्म प्रमाण पत्र', 'birth certificate'],
    ['अस्पताल', 'hospital'],
    ['शिकायत', 'complaint'],
    ['स्थिति', 'status'],
    ['शुल्क', 'fees'],
  ],
  hinglish: [
    ['janm praman patra', 'birth certificate'],
    ['aspatal', 'hospital'],
    ['shikayat', 'complaint'],
    ['dawai', 'medicine'],
  ],
  en: [
    ['birth certificate', 'janm praman patra'],
    ['please', 'kripya'],
    ['thank you', 'dhanyavaad'],
  ],
};
