import { describe, expect, it } from 'vitest';
import { applicationRows } from '../../cases/legacy-rows.js';

import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { argsOf, createDriver } from './test-driver.js';

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  catalogue.t(lang, `offline.${key}`, params);
// 10:00 in India on 15 June 2026
const NOW = new Date('2026-06-15T04:30:00Z');

const expectedArgs = {
  childName: 'Aarav',
  sex: 'male',
  dateOfBirth: '2026-06-10',
  placeOfBirthType: 'hospital',
  placeOfBirth: 'District Hospital Agra',
  motherName: 'Sunita Devi',
  fatherName: 'Ramesh Kumar',
  address: '12 Gandhi Nagar',
  district: 'Agra',
  pinCode: '282001',
  informantName: null,
};

describe('birth certificate, one question at a time', () => {
  it('English: asks each missing field, summarises, submits on yes with the free-fee rule', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    let turn = await d.send('I want to apply for a birth certificate');
    expect(turn.lang).toBe('en');
    expect(turn.text).toContain(t('en', 'ask.childName'));
    turn = await d.send('Aarav');
    expect(turn.text).toContain(t('en', 'ask.sex'));
    turn = await d.tap('sex:male', 'Boy');
    expect(turn.text).toContain(t('en', 'ask.dateOfBirth'));
    turn = await d.send('10/06/2026');
    expect(turn.text).toContain(t('en', 'ask.placeOfBirthType'));
    turn = await d.tap('place:hospital', 'Hospital');
    expect(turn.text).toContain(t('en', 'ask.placeOfBirth.hospital'));
    turn = await d.send('District Hospital Agra');
    expect(turn.text).toContain(t('en', 'ask.motherName'));
    turn = await d.send('Sunita Devi');
    expect(turn.text).toContain(t('en', 'ask.fatherName'));
    turn = await d.send('Ramesh Kumar');
    expect(turn.text).toContain(t('en', 'ask.address'));
    // the district came with the hospital's name
    turn = await d.send('12 Gandhi Nagar');
    expect(turn.text).toContain(t('en', 'ask.pinCode'));
    turn = await d.send('282001');
    expect(turn.text).toContain(t('en', 'ask.informantName'));
    turn = await d.tap('skip', 'Skip');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([expectedArgs]);
    expect(applicationRows(d.db)).toEqual([]);

    turn = await d.tap('confirm:yes', 'Yes, submit');
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([expectedArgs]);
    expect(turn.text).toBe(
      [t('en', 'birth.submitted', { reference: 'BC-2026-000001' }), t('en', 'fee.free', { days: 21 })].join(
        '\n\n',
      ),
    );
    const row = applicationRows(d.db, { reference: 'BC-2026-000001' })[0];
    expect(row).toMatchObject({
      ...expectedArgs,
      waId: d.waId,
      feeRule: 'free',
      feePaise: 0,
      language: 'en',
    });
  });

  it('Hindi: several facts in one message, the rest asked in Devanagari', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    let turn = await d.send('मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है। उसका जन्म 10 जून 2026 को हुआ।');
    expect(turn.lang).toBe('hi');
    expect(turn.text).toContain(t('hi', 'ask.childName'));
    turn = await d.tap('noname', 'अभी नाम नहीं');
    expect(turn.text).toContain(t('hi', 'ask.placeOfBirthType'));
    turn = await d.send('घर पर हुआ');
    expect(turn.text).toContain(t('hi', 'ask.placeOfBirth.home'));
    turn = await d.send('गाँव रामपुर, तहसील सदर');
    expect(turn.text).toContain(t('hi', 'ask.motherName'));
    turn = await d.send('माँ का नाम सुनीता देवी है और पिता का नाम रमेश कुमार है');
    expect(turn.text).toContain(t('hi', 'ask.address'));
    // the district is read from the address itself
    turn = await d.send('मकान 5, गाँधी नगर, आगरा');
    expect(turn.text).toContain(t('hi', 'ask.pinCode'));
    turn = await d.send('२८२००१');
    expect(turn.text).toContain(t('hi', 'ask.informantName'));
    turn = await d.tap('informant:mother', 'मैं माँ हूँ');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([
      {
        childName: null,
        sex: 'female',
        dateOfBirth: '2026-06-10',
        placeOfBirthType: 'home',
        placeOfBirth: 'गाँव रामपुर, तहसील सदर',
        motherName: 'सुनीता देवी',
        fatherName: 'रमेश कुमार',
        address: 'मकान 5, गाँधी नगर, आगरा',
        district: 'Agra',
        pinCode: '282001',
        informantName: 'सुनीता देवी',
      },
    ]);
    turn = await d.send('हाँ');
    expect(turn.text).toContain(t('hi', 'birth.submitted', { reference: 'BC-2026-000001' }));
    expect(turn.lang).toBe('hi');
  });

  it('Hinglish: answers out of order and a late registration shows the late fee', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    let turn = await d.send('beta hua hai, janm praman patra banwana hai');
    expect(turn.lang).toBe('hinglish');
    expect(turn.text).toContain(t('hinglish', 'ask.childName'));
    turn = await d.send('naam Kabir hai, 20 may 2026 ko paida hua');
    expect(turn.text).toContain(t('hinglish', 'ask.placeOfBirthType'));
    turn = await d.send('civil hospital lucknow mein');
    expect(turn.text).toContain(t('hinglish', 'ask.motherName'));
    turn = await d.send('maa ka naam Pooja Sharma, pita ka naam Anil Sharma');
    expect(turn.text).toContain(t('hinglish', 'ask.address'));
    // district and PIN code come with the address
    turn = await d.send('45 Hazratganj, Lucknow, pin 226001');
    expect(turn.text).toContain(t('hinglish', 'ask.informantName'));
    turn = await d.send('skip');
    expect(argsOf(turn, 'apply_birth_certificate')).toEqual([
      {
        childName: 'Kabir',
        sex: 'male',
        dateOfBirth: '2026-05-20',
        placeOfBirthType: 'hospital',
        placeOfBirth: expect.stringMatching(/civil hospital/i),
        motherName: 'Pooja Sharma',
        fatherName: 'Anil Sharma',
        address: expect.stringContaining('45 Hazratganj'),
        district: 'Lucknow',
        pinCode: '226001',
        informantName: null,
      },
    ]);
    turn = await d.send('haan');
    expect(turn.text).toContain(t('hinglish', 'fee.late_fee', { days: 21, amount: '₹50' }));
  });
});
