import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { allInOneText, itFillsEachField } from '../../testing/all-in-one-message.js';

// One message giving every field, as a list of labelled parts: each part fills its own field with
// what was written for it (the address keeps neither the district, the PIN nor the purpose), in
// Devanagari, romanized Hindi and English, the parts split by commas, "।" or line breaks.
const NOW = new Date('2026-11-24T06:30:00Z');

const PARTS = {
  hi: {
    ask: 'मुझे जाति प्रमाण पत्र चाहिए।',
    parts: [
      'मेरा नाम रमेश कुमार है',
      'पिता का नाम सुरेश प्रसाद',
      'जाति यादव',
      'पता मकान 12 शिवपुरी कॉलोनी',
      'जिला पटना',
      'पिन 800001',
      'उद्देश्य नौकरी के लिए',
    ],
    fields: {
      applicantName: 'रमेश कुमार',
      fatherOrHusbandName: 'सुरेश प्रसाद',
      caste: 'यादव',
      address: 'मकान 12 शिवपुरी कॉलोनी',
      district: 'Patna',
      pinCode: '800001',
      purpose: 'नौकरी के लिए',
    },
  },
  hinglish: {
    ask: 'jati praman patra chahiye.',
    parts: [
      'mera naam Ramesh Kumar',
      'pita Suresh Prasad',
      'jati Yadav',
      'pata makan 12 Shivpuri Colony',
      'zila Patna',
      'pin 800001',
      'uddeshya naukri ke liye',
    ],
    fields: {
      applicantName: 'Ramesh Kumar',
      fatherOrHusbandName: 'Suresh Prasad',
      caste: 'Yadav',
      address: 'makan 12 Shivpuri Colony',
      district: 'Patna',
      pinCode: '800001',
      purpose: 'naukri ke liye',
    },
  },
  en: {
    ask: 'I need a caste certificate.',
    parts: [
      'my name is Ramesh Kumar',
      "father's name Suresh Prasad",
      'caste Yadav',
      'address House 12 Shivpuri Colony',
      'Patna district',
      'PIN 800001',
      'purpose for a job',
    ],
    fields: {
      applicantName: 'Ramesh Kumar',
      fatherOrHusbandName: 'Suresh Prasad',
      caste: 'Yadav',
      address: 'House 12 Shivpuri Colony',
      district: 'Patna',
      pinCode: '800001',
      purpose: 'for a job',
    },
  },
} as const;

describe('caste certificate: every field in one message', () => {
  itFillsEachField(PARTS, 'category', NOW);

  it('the reported message: after the category and sub-caste the form is complete', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    await d.send(allInOneText(PARTS.hi));
    await d.tap('form:choice:category:obc', 'OBC');
    await d.send('छोड़ें');
    expect(formOf(d).asking).toBe('documents');
    expect(formOf(d).fields).toMatchObject({ ...PARTS.hi.fields, category: 'obc', subCaste: null });
  });

  it('"pata nahi", "mujhe pata hai": the everyday word gives no address', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('jati praman patra chahiye');
    await d.send('mujhe pata hai, naam Sunita Devi');
    expect(formOf(d).fields).toEqual({ applicantName: 'Sunita Devi' });
    await d.send('pata nahi, pita ka naam Ramesh Kumar');
    expect(formOf(d).fields.address).toBeUndefined();
    expect(formOf(d).fields.fatherOrHusbandName).toBe('Ramesh Kumar');
  });
});
