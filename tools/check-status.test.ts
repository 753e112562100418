import { describe, expect, it } from 'vitest';
import { transitionCase } from '../src/cases/transition-case.js';
import { type Db, openDatabase } from '../src/db/open-database.js';
import { applyBirthCertificate } from './apply-birth-certificate.js';
import { checkStatus } from './check-status.js';
import { fileHospitalComplaint } from './file-hospital-complaint.js';
import { toolContext } from './test-context.js';

const MINE = '919876543210';
const THEIRS = '919123456789';
const day1 = new Date('2026-06-10T04:30:00Z');
const day2 = new Date('2026-06-12T04:30:00Z');
const now = new Date('2026-06-15T04:30:00Z');

const birth = {
  childName: 'Anaya',
  sex: 'female' as const,
  dateOfBirth: '2026-06-01',
  placeOfBirthType: 'hospital' as const,
  placeOfBirth: 'District Hospital Sitapur',
  motherName: 'Sunita Devi',
  fatherName: 'Ramesh Kumar',
  address: 'Ward 4, Station Road, Sitapur',
  district: 'Sitapur',
  pinCode: '261001',
  informantName: null,
};

async function seed(db: Db) {
  await applyBirthCertificate.run(birth, toolContext(db, { waId: MINE, now: day1 })); // BC-2026-000001
  await applyBirthCertificate.run(birth, toolContext(db, { waId: THEIRS, now: day1 })); // BC-2026-000002
  await fileHospitalComplaint.run(
    {
      hospitalName: 'CHC Biswan',
      district: 'Sitapur',
      category: 'cleanliness',
      description: 'Toilets in the ward are dirty.',
      incidentDate: null,
      anonymous: false,
    },
    toolContext(db, { waId: MINE, now: day2 }),
  ); // HC-2026-000001
  transitionCase(db, {
    type: 'application',
    id: 1,
    to: 'under_review',
    actorUserId: 7,
    note: null,
    now: day2,
  });
}

const run = (db: Db, reference: string | null, o: { waId?: string; lang?: 'en' | 'hi' | 'hinglish' } = {}) =>
  checkStatus.run({ reference }, toolContext(db, { waId: o.waId ?? MINE, lang: o.lang, now }));

describe('check_status', () => {
  it("lists all of the sender's records, newest first, in their language", async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    expect(await run(db, null, { lang: 'hi' })).toEqual({
      ok: true,
      data: {
        total: 2,
        records: [
          {
            reference: 'HC-2026-000001',
            type: 'complaint',
            service: 'hospital_complaint',
            serviceName: 'अस्पताल की शिकायत',
            status: 'received',
            statusAt: '2026-06-12',
            statusLabel: 'प्राप्त हुई',
            nextStep: 'आपकी शिकायत जल्द ही किसी अधिकारी को सौंपी जाएगी।',
          },
          {
            reference: 'BC-2026-000001',
            type: 'application',
            service: 'birth_certificate',
            serviceName: 'जन्म प्रमाण पत्र',
            status: 'under_review',
            statusAt: '2026-06-12',
            statusLabel: 'जाँच चल रही है',
            nextStep: 'रजिस्ट्रार जानकारी जाँच रहे हैं; फ़ैसला होते ही हम आपको बताएँगे।',
          },
        ],
      },
    });
  });

  it('finds a reference however it is typed', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    for (const typed of ['BC-2026-000001', 'bc 2026 1', 'bc2026000001']) {
      expect(await run(db, typed)).toMatchObject({
        ok: true,
        data: { total: 1, records: [{ reference: 'BC-2026-000001', statusLabel: 'Under review' }] },
      });
    }
    // digits only: the number matches both of my records numbered 1
    expect(await run(db, '000001')).toMatchObject({
      ok: true,
      data: { total: 2, records: [{ reference: 'HC-2026-000001' }, { reference: 'BC-2026-000001' }] },
    });
  });

  it("another citizen's reference is indistinguishable from one that does not exist", async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const someoneElses = await run(db, 'BC-2026-000002');
    const nonexistent = await run(db, 'BC-2026-000999');
    const digitsOfTheirs = await run(db, '2');
    expect(someoneElses).toEqual({
      ok: false,
      error: {
        code: 'not_found',
        message:
          'I could not find that reference among your applications, complaints or payments. Please check the number; it looks like BC-2026-000123.',
      },
    });
    expect(nonexistent).toEqual(someoneElses);
    expect(digitsOfTheirs).toEqual(someoneElses);
    // the owner does see it
    expect(await run(db, 'BC-2026-000002', { waId: THEIRS })).toMatchObject({ ok: true, data: { total: 1 } });
  });

  it('says so when nothing is filed', async () => {
    const db = openDatabase({ path: ':memory:' });
    expect(await run(db, null, { lang: 'hinglish' })).toEqual({
      ok: true,
      data: {
        records: [],
        total: 0,
        note: 'Aapne abhi tak mere zariye koi application ya shikayat nahi ki hai.',
      },
    });
  });
});
