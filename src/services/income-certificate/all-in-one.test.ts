import { describe } from 'vitest';
import { itFillsEachField } from '../../testing/all-in-one-message.js';

// One message giving every field of the income form, as labelled parts split by commas, "।" or
// line breaks: each part fills its own field with what was written for it.
const NOW = new Date('2026-11-24T06:30:00Z');

const PARTS = {
  hi: {
    ask: 'मुझे आय प्रमाण पत्र चाहिए।',
    parts: [
      'मेरा नाम रमेश कुमार है',
      'पिता सुरेश प्रसाद',
      'सालाना आय 1 लाख 20 हज़ार रुपये',
      'आय का स्रोत खेती',
      'पता ग्राम रामपुर पोस्ट बिहटा',
      'पटना जिला',
      'पिन 801103',
      'उद्देश्य छात्रवृत्ति के लिए',
    ],
    fields: {
      applicantName: 'रमेश कुमार',
      fatherOrHusbandName: 'सुरेश प्रसाद',
      annualIncomeRupees: 120000,
      incomeSources: 'खेती',
      address: 'ग्राम रामपुर पोस्ट बिहटा',
      district: 'Patna',
      pinCode: '801103',
      purpose: 'छात्रवृत्ति के लिए',
    },
  },
  hinglish: {
    ask: 'aay praman patra chahiye.',
    parts: [
      'mera naam Ramesh Kumar',
      'pita Suresh Prasad',
      'saalana aay 120000 rupaye',
      'srot kheti',
      'pata gram Rampur post Bihta',
      'zila Patna',
      'pin 801103',
      'uddeshya scholarship ke liye',
    ],
    fields: {
      applicantName: 'Ramesh Kumar',
      fatherOrHusbandName: 'Suresh Prasad',
      annualIncomeRupees: 120000,
      incomeSources: 'kheti',
      address: 'gram Rampur post Bihta',
      district: 'Patna',
      pinCode: '801103',
      purpose: 'scholarship ke liye',
    },
  },
  en: {
    ask: 'I need an income certificate.',
    parts: [
      'my name is Ramesh Kumar',
      "father's name Suresh Prasad",
      'annual income Rs 120000',
      'source of income farming',
      'address Village Rampur, Post Bihta',
      'Patna district',
      'PIN 801103',
      'purpose for a scholarship',
    ],
    fields: {
      applicantName: 'Ramesh Kumar',
      fatherOrHusbandName: 'Suresh Prasad',
      annualIncomeRupees: 120000,
      incomeSources: 'farming',
      address: 'Village Rampur, Post Bihta',
      district: 'Patna',
      pinCode: '801103',
      purpose: 'for a scholarship',
    },
  },
} as const;

describe('income certificate: every field in one message', () => {
  itFillsEachField(PARTS, null, NOW);
});
