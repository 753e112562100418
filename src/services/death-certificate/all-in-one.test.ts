import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { itFillsEachField } from '../../testing/all-in-one-message.js';

// One message giving every field of the death form, as labelled parts split by commas, "।" or
// line breaks: each part fills its own field with what was written for it. "Died at home" is the
// kind of place; the house's address is then asked, never "home" stored as the place.
const NOW = new Date('2026-11-24T06:30:00Z');

const PARTS = {
  hi: {
    ask: 'मृत्यु प्रमाण पत्र बनवाना है।',
    parts: [
      'मृतक का नाम राम लाल',
      'लिंग पुरुष',
      'मृत्यु का स्थान घर',
      'मृत्यु की तारीख 10 नवंबर 2026',
      'उम्र 70 साल',
      'पिता का नाम श्याम लाल',
      'पता मकान 12 शिवपुरी कॉलोनी',
      'जिला पटना',
      'पिन 800001',
      'मेरा नाम सुरेश',
    ],
    fields: {
      deceasedName: 'राम लाल',
      fatherOrHusbandName: 'श्याम लाल',
      address: 'मकान 12 शिवपुरी कॉलोनी',
      informantName: 'सुरेश',
    },
  },
  hinglish: {
    ask: 'mrityu praman patra banwana hai.',
    parts: [
      'mritak ka naam Ram Lal',
      'ling purush',
      'mrityu ka sthan ghar',
      'mrityu 10 november 2026',
      'umar 70 saal',
      'pita Shyam Lal',
      'pata makan 12 Shivpuri Colony',
      'Patna zila',
      'pin 800001',
      'mera naam Suresh',
    ],
    fields: {
      deceasedName: 'Ram Lal',
      fatherOrHusbandName: 'Shyam Lal',
      address: 'makan 12 Shivpuri Colony',
      informantName: 'Suresh',
    },
  },
  en: {
    ask: 'I need a death certificate.',
    parts: [
      "deceased's name Ram Lal",
      'sex male',
      'died at home',
      'date of death 10 November 2026',
      'age 70',
      "father's name Shyam Lal",
      'address House 12 Shivpuri Colony',
      'district Patna',
      'PIN 800001',
      'my name is Suresh',
    ],
    fields: {
      deceasedName: 'Ram Lal',
      fatherOrHusbandName: 'Shyam Lal',
      address: 'House 12 Shivpuri Colony',
      informantName: 'Suresh',
    },
  },
} as const;

const SAME = {
  sex: 'male',
  placeOfDeathType: 'home',
  dateOfDeath: '2026-11-10',
  ageAtDeath: 70,
  district: 'Patna',
  pinCode: '800001',
};

describe('death certificate: every field in one message', () => {
  // the house where the death took place is asked: "home" names only its kind
  itFillsEachField(
    Object.fromEntries(
      Object.entries(PARTS).map(([l, m]) => [l, { ...m, fields: { ...SAME, ...m.fields } }]),
    ),
    'placeOfDeath',
    NOW,
  );

  it('"died at District Hospital, Sitapur" gives the kind of place and the place', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.send(
      "I need a death certificate. deceased's name Ram Lal; died at District Hospital Sitapur; sex male",
    );
    expect(formOf(d).fields).toEqual({
      deceasedName: 'Ram Lal',
      sex: 'male',
      placeOfDeathType: 'hospital',
      placeOfDeath: 'District Hospital Sitapur',
    });
  });
});
