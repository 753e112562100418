import { describe, expect, it } from 'vitest';
import { complaintRows, insertLegacyCase } from '../../cases/legacy-rows.js';
import { payments } from '../../db/schema.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { argsOf, createDriver } from './test-driver.js';

const catalogue = loadCatalogue();
const t = (lang: Lang, key: string, params?: Record<string, string | number>) =>
  catalogue.t(lang, `offline.${key}`, params);
const NOW = new Date('2026-06-15T04:30:00Z');

describe('hospital complaint', () => {
  it('English: hospital, problem and photo in, category inferred, anonymity asked, filed on yes', async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    let turn = await d.send('I want to file a complaint against District Hospital Agra');
    expect(turn.text).toContain(t('en', 'ask.description'));
    turn = await d.send({ kind: 'image', mediaId: 'media-1', mimeType: 'image/jpeg' });
    expect(turn.text).toBe(`${t('en', 'photo_saved')}\n\n${t('en', 'ask.description')}`);
    turn = await d.send('The toilets in the ward were very dirty and nobody cleaned them');
    expect(turn.text).toContain(t('en', 'ask.incidentDate'));
    turn = await d.send('yesterday');
    expect(turn.text).toContain(t('en', 'ask.anonymous'));
    turn = await d.tap('anon:yes', 'Yes, keep it hidden');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'file_hospital_complaint')).toEqual([
      {
        hospitalName: 'District Hospital Agra',
        district: 'Agra',
        category: 'cleanliness',
        description: 'The toilets in the ward were very dirty and nobody cleaned them',
        incidentDate: '2026-06-14',
        anonymous: true,
      },
    ]);
    turn = await d.tap('confirm:yes', 'Yes, submit');
    expect(turn.text).toBe(
      [
        t('en', 'complaint.submitted', { reference: 'HC-2026-000001' }),
        t('en', 'complaint.photos', { count: 1 }),
        t('en', 'complaint.anonymous'),
      ].join('\n\n'),
    );
    expect(complaintRows(d.db)).toMatchObject([{ reference: 'HC-2026-000001', anonymous: true }]);
  });

  it('Hindi: the category is asked as a list when the description does not tell it', async () => {
    const d = createDriver({ now: NOW, lang: 'hi' });
    let turn = await d.send('अस्पताल की शिकायत करनी है');
    expect(turn.text).toContain(t('hi', 'ask.hospitalName'));
    turn = await d.send('सामुदायिक स्वास्थ्य केंद्र');
    expect(turn.text).toContain(t('hi', 'ask.district.complaint'));
    turn = await d.send('लखनऊ');
    expect(turn.text).toContain(t('hi', 'ask.description'));
    turn = await d.send('मेरे पिता का ऑपरेशन बिना बताए टाल दिया गया');
    expect(turn.reply.at(-1)).toMatchObject({ kind: 'list', text: t('hi', 'ask.category') });
    turn = await d.send({ kind: 'list', id: 'cat:equipment_or_facilities', title: 'उपकरण या सुविधाएँ' });
    expect(turn.text).toContain(t('hi', 'ask.incidentDate'));
    turn = await d.tap('skip', 'छोड़ें');
    expect(turn.text).toContain(t('hi', 'ask.anonymous'));
    turn = await d.send('नहीं');
    expect(argsOf(turn, 'file_hospital_complaint')).toEqual([
      {
        hospitalName: 'सामुदायिक स्वास्थ्य केंद्र',
        district: 'Lucknow',
        category: 'equipment_or_facilities',
        description: 'मेरे पिता का ऑपरेशन बिना बताए टाल दिया गया',
        incidentDate: null,
        anonymous: false,
      },
    ]);
  });

  it('Hinglish: a bribery complaint in one message', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    let turn = await d.send(
      'Jila aspatal Varanasi mein delivery ke liye nurse ne 2000 rupaye rishwat maange, shikayat karni hai',
    );
    expect(turn.lang).toBe('hinglish');
    expect(turn.text).toContain(t('hinglish', 'ask.incidentDate'));
    turn = await d.send('3 din pehle');
    expect(turn.text).toContain(t('hinglish', 'ask.anonymous'));
    turn = await d.send('haan naam gupt rakhna');
    expect(argsOf(turn, 'file_hospital_complaint')).toEqual([
      expect.objectContaining({
        district: 'Varanasi',
        category: 'bribery_or_fees',
        incidentDate: '2026-06-12',
        anonymous: true,
      }),
    ]);
  });
});

describe('status', () => {
  it("shows the citizen's own record by reference, and nothing for another citizen's", async () => {
    const d = createDriver({ now: NOW, lang: 'en' });
    await d.tap('menu:birth');
    for (const answer of [
      'Aarav',
      'sex:male',
      '10/06/2026',
      'place:hospital',
      'District Hospital Agra',
      'Sunita Devi',
    ]) {
      await (answer.includes(':') ? d.tap(answer) : d.send(answer));
    }
    for (const answer of ['Ramesh Kumar', '12 Gandhi Nagar', '282001']) await d.send(answer);
    await d.tap('skip');
    await d.tap('confirm:yes');
    let turn = await d.send('what is the status of bc-2026-000001?');
    expect(argsOf(turn, 'check_status')).toEqual([{ reference: 'BC-2026-000001' }]);
    expect(turn.text).toContain('BC-2026-000001');
    expect(turn.text).toContain('15/06/2026');

    const other = createDriver({ now: NOW, lang: 'hi', waId: '919000000001' });
    turn = await other.send('BC-2026-000001 की स्थिति बताइए');
    expect(turn.text).toBe(t('hi', 'status.not_found', { reference: 'BC-2026-000001' }));
  });
});

describe('payment', () => {
  it('Hinglish: "fees bharni hai" finds the one application, summarises, and sends the QR on yes', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    insertLegacyCase(d.db, 'application', {
      reference: 'BC-2026-000007',
      waId: d.waId,
      sex: 'female',
      dateOfBirth: '2026-05-10',
      placeOfBirthType: 'home',
      placeOfBirth: 'Rampur',
      motherName: 'Sita',
      fatherName: 'Ram',
      address: 'Rampur, Agra',
      district: 'Agra',
      pinCode: '282001',
      language: 'hinglish',
      feePaise: 5000,
      feeRule: 'late_fee_affidavit',
      statusAt: NOW.getTime(),
      slaDueAt: NOW.getTime(),
      createdAt: NOW.getTime(),
    });
    let turn = await d.send('mujhe fees bharni hai');
    expect(turn.summary).toBe(true);
    expect(argsOf(turn, 'create_payment_qr')).toEqual([{ forReference: 'BC-2026-000007' }]);
    turn = await d.send('haan');
    expect(turn.reply[0]).toMatchObject({ kind: 'image' });
    expect(turn.text).toContain(t('hinglish', 'pay.qr_sent', { amount: '₹50', reference: 'BC-2026-000007' }));
    expect(d.db.select().from(payments).all()).toMatchObject([
      { forReference: 'BC-2026-000007', amountPaise: 5000 },
    ]);
  });
});
