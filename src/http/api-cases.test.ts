import { describe, expect, it } from 'vitest';
import { applyBirthCertificate } from '../../tools/apply-birth-certificate.js';
import { serviceTools } from '../../tools/index.js';
import { storeInbound, toolContext } from '../../tools/test-context.js';
import { type Db, openDatabase } from '../db/open-database.js';
import { createApi } from './api.js';

const TOKEN = 'staff-token-123';
const A = '919876543210';
const B = '919123456789';
const t1 = new Date('2026-06-10T04:30:00Z');
const t2 = new Date('2026-06-12T04:30:00Z');
const income = serviceTools.find((t) => t.name === 'apply_income_certificate');
if (!income) throw new Error('the income certificate tool is not generated');

async function seed(db: Db) {
  await applyBirthCertificate.run(
    {
      childName: 'Ravi',
      sex: 'male',
      dateOfBirth: '2026-06-01',
      placeOfBirthType: 'home',
      placeOfBirth: 'House 12, Gandhi Nagar',
      motherName: 'Sunita Devi',
      fatherName: 'Ramesh Kumar',
      address: 'House 12, Gandhi Nagar, Sitapur',
      district: 'Sitapur',
      pinCode: '261001',
      informantName: null,
    },
    toolContext(db, { waId: A, now: t1, lang: 'hi' }),
  );
  const args = {
    applicantName: 'Anil Verma',
    fatherOrHusbandName: 'Ram Verma',
    annualIncomeRupees: 250000,
    incomeSources: 'farming',
    address: 'Village Belwa, Pratapgarh',
    district: 'Pratapgarh',
    pinCode: '230204',
    purpose: 'scholarship',
  };
  await income?.run(
    args,
    toolContext(db, { waId: B, now: t2, lang: 'hinglish', inboundId: storeInbound(db, B) }),
  );
  return args;
}

const get = (db: Db, path: string) =>
  createApi({ db, token: TOKEN }).request(path, { headers: { Authorization: `Bearer ${TOKEN}` } });

describe('GET /api/cases', () => {
  it('lists every service, newest first, in one shape; filters by service, phone and status', async () => {
    const db = openDatabase({ path: ':memory:' });
    const args = await seed(db);
    const all = (await (await get(db, '/api/cases')).json()) as { items: Record<string, unknown>[] };
    expect(all.items.map((i) => [i.reference, i.service])).toEqual([
      ['IC-2026-000001', 'income_certificate'],
      ['BC-2026-000001', 'birth_certificate'],
    ]);
    expect(all.items[0]).toEqual({
      reference: 'IC-2026-000001',
      service: 'income_certificate',
      status: 'submitted',
      phone: B,
      language: 'hinglish',
      fields: args,
      createdAt: t2.toISOString(),
      updatedAt: t2.toISOString(),
    });
    expect(all.items[1].fields).toMatchObject({
      childName: 'Ravi',
      district: 'Sitapur',
      informantName: null,
    });
    const mine = (await (await get(db, `/api/cases?phone=${A}`)).json()) as { items: unknown[] };
    expect(mine.items).toHaveLength(1);
    const submitted = await get(db, '/api/cases?service=income_certificate&status=submitted');
    expect(((await submitted.json()) as { items: unknown[] }).items).toHaveLength(1);
    const approved = await get(db, '/api/cases?service=income_certificate&status=approved');
    expect(((await approved.json()) as { items: unknown[] }).items).toHaveLength(0);
  });

  it('refuses an unknown service or status with 400 and the allowed values; needs the token', async () => {
    const db = openDatabase({ path: ':memory:' });
    const bad = await get(db, '/api/cases?service=passport');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: 'invalid_query',
      message: expect.stringContaining('caste_certificate'),
    });
    expect((await get(db, '/api/cases?service=death_certificate&status=received')).status).toBe(400);
    expect((await createApi({ db, token: TOKEN }).request('/api/cases')).status).toBe(401);
  });
});
