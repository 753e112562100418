import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/open-database.js';
import { applyBirthCertificate, type BirthCertificateArgs } from './apply-birth-certificate.js';
import { toolContext } from './test-context.js';

const now = new Date('2026-06-15T04:30:00Z');
const daysAgo = (n: number) =>
  new Date(Date.parse('2026-06-15T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);

const args = (over: Partial<BirthCertificateArgs> = {}): BirthCertificateArgs => ({
  childName: 'Anaya',
  sex: 'female',
  dateOfBirth: daysAgo(5),
  placeOfBirthType: 'hospital',
  placeOfBirth: 'District Hospital Sitapur',
  motherName: 'Sunita Devi',
  fatherName: 'Ramesh Kumar',
  address: 'Ward 4, Station Road, Sitapur',
  district: 'Sitapur',
  pinCode: '261001',
  informantName: null,
  ...over,
});

function rows(db: ReturnType<typeof openDatabase>) {
  return db.$client
    .prepare(
      "select reference, status, fee_paise, fee_rule, wa_id from cases where service = 'birth_certificate'",
    )
    .all();
}

describe('apply_birth_certificate', () => {
  it.each([
    [0, 0, 'free'],
    [21, 0, 'free'],
    [22, 5000, 'late_fee'],
    [30, 5000, 'late_fee'],
    [31, 5000, 'late_fee_affidavit'],
    [365, 5000, 'late_fee_affidavit'],
  ])('at %i days: fee %i, rule %s', async (days, feePaise, feeRule) => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { now });
    const a = args({ dateOfBirth: daysAgo(days) });
    expect(applyBirthCertificate.schema.safeParse(a).success).toBe(true);
    expect(applyBirthCertificate.precheck!(a, ctx)).toBeNull();
    const result = await applyBirthCertificate.run(a, ctx);
    expect(result).toMatchObject({
      ok: true,
      data: { reference: 'BC-2026-000001', status: 'submitted', feePaise, feeRule },
    });
    expect(rows(db)).toEqual([
      {
        reference: 'BC-2026-000001',
        status: 'submitted',
        fee_paise: feePaise,
        fee_rule: feeRule,
        wa_id: ctx.waId,
      },
    ]);
    const events = db.$client.prepare('select case_type, from_status, to_status from case_events').all();
    expect(events).toEqual([{ case_type: 'case', from_status: null, to_status: 'submitted' }]);
  });

  it('at 366 days explains the magistrate order and submits nothing', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { now, lang: 'hi' });
    const a = args({ dateOfBirth: daysAgo(366) });
    const pre = await applyBirthCertificate.precheck!(a, ctx);
    expect(pre).toMatchObject({
      ok: false,
      error: { code: 'magistrate_order_required' },
      data: { daysSinceBirth: 366 },
    });
    expect(pre?.ok === false && pre.error.message).toContain('मजिस्ट्रेट');
    expect(await applyBirthCertificate.run(a, ctx)).toEqual(pre);
    expect(rows(db)).toEqual([]);
  });

  it('refuses a date of birth in the future', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { now });
    const a = args({ dateOfBirth: '2026-06-16' });
    expect(applyBirthCertificate.precheck!(a, ctx)).toMatchObject({
      ok: false,
      error: { code: 'date_in_future' },
    });
    expect(await applyBirthCertificate.run(a, ctx)).toMatchObject({
      ok: false,
      error: { code: 'date_in_future' },
    });
    expect(rows(db)).toEqual([]);
  });

  it('rejects impossible dates and malformed PIN codes in the schema', () => {
    const bad = [
      args({ dateOfBirth: '2026-02-30' }),
      args({ pinCode: '061001' }),
      args({ pinCode: '26100' }),
    ];
    expect(bad.map((a) => applyBirthCertificate.schema.safeParse(a).success)).toEqual([false, false, false]);
  });

  it('a replayed confirming message returns the same record instead of a second one', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { now });
    const first = await applyBirthCertificate.run(args(), ctx);
    const again = await applyBirthCertificate.run(args(), ctx);
    expect(again).toEqual(first);
    expect(rows(db)).toHaveLength(1);
    const next = await applyBirthCertificate.run(args(), toolContext(db, { now }));
    expect(next).toMatchObject({ ok: true, data: { reference: 'BC-2026-000002' } });
  });

  it('stores a blank child name as null and tells the next step in the citizen language', async () => {
    const db = openDatabase({ path: ':memory:' });
    const result = await applyBirthCertificate.run(
      args({ childName: '  ', dateOfBirth: daysAgo(25) }),
      toolContext(db, { now, lang: 'hinglish' }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        reference: 'BC-2026-000001',
        status: 'submitted',
        feePaise: 5000,
        feeRule: 'late_fee',
        nextStep:
          'Aapka application BC-2026-000001 submit ho gaya hai. Kripya ₹50 late fee bhariye: main aapko iske liye UPI QR code bhej sakta hoon. Registrar 7 din mein application ki jaanch karenge.',
      },
    });
    expect(
      db.$client
        .prepare(
          "select json_extract(fields, '$.childName') as child_name, language, sla_due_at, status_at from cases where service = 'birth_certificate'",
        )
        .get(),
    ).toEqual({
      child_name: null,
      language: 'hinglish',
      sla_due_at: now.getTime() + 7 * 86_400_000,
      status_at: now.getTime(),
    });
  });

  it('summarizes every field and the fee that will apply', () => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { now });
    expect(
      applyBirthCertificate.summarize!(args({ dateOfBirth: daysAgo(40), childName: null }), 'en', ctx),
    ).toBe(
      [
        "Child's name: (not named yet)",
        'Sex: Female',
        'Date of birth: 06/05/2026',
        'Place of birth: Hospital: District Hospital Sitapur',
        "Mother's name: Sunita Devi",
        "Father's name: Ramesh Kumar",
        "Parents' address at the time of birth: Ward 4, Station Road, Sitapur",
        'District: Sitapur',
        'PIN code: 261001',
        'Fee: ₹50 late fee, plus an affidavit and the permission of the prescribed authority (40 days after birth)',
      ].join('\n'),
    );
    expect(applyBirthCertificate.summarize!(args(), 'hi', ctx)).toContain('शुल्क: निःशुल्क');
  });
});
