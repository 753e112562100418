import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/open-database.js';
import { serviceById } from '../src/services/registry.js';
import { applyBirthCertificate } from './apply-birth-certificate.js';
import { createPaymentQr } from './create-payment-qr.js';
import { defaultFeeSchedule } from './fee-schedule.js';
import { serviceTool } from './service-tool.js';
import { toolContext } from './test-context.js';

const MINE = '919876543210';
const THEIRS = '919123456789';
const now = new Date('2026-06-15T04:30:00Z');

const birth = (dateOfBirth: string) => ({
  childName: 'Anaya',
  sex: 'female' as const,
  dateOfBirth,
  placeOfBirthType: 'home' as const,
  placeOfBirth: 'House 12, Gandhi Nagar',
  motherName: 'Sunita Devi',
  fatherName: 'Ramesh Kumar',
  address: 'House 12, Gandhi Nagar, Sitapur',
  district: 'Sitapur',
  pinCode: '261001',
  informantName: null,
});

async function seed(db: Db) {
  await applyBirthCertificate.run(birth('2026-05-10'), toolContext(db, { waId: MINE, now })); // BC-1: late fee ₹50
  await applyBirthCertificate.run(birth('2026-06-10'), toolContext(db, { waId: MINE, now })); // BC-2: free
  await applyBirthCertificate.run(birth('2026-05-10'), toolContext(db, { waId: THEIRS, now })); // BC-3
}

const paymentRows = (db: Db) =>
  db.$client
    .prepare('select reference, wa_id, for_reference, purpose, amount_paise, status from payments')
    .all();

describe('create_payment_qr', () => {
  it('makes a UPI link and a QR image for the late fee', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const ctx = toolContext(db, { waId: MINE, now });
    const result = await createPaymentQr.run({ forReference: 'bc-2026-1' }, ctx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const token = db.$client.prepare('select media_token from payments').pluck().get() as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(result).toEqual({
      ok: true,
      data: {
        reference: 'PAY-2026-000001',
        forReference: 'BC-2026-000001',
        purpose: 'late_fee',
        amountPaise: 5000,
        status: 'pending',
        upiUri:
          'upi://pay?pa=health.dept@sbi&pn=District%20Health%20Office&am=50.00&cu=INR&tn=Sahayak%20BC-2026-000001&tr=PAY-2026-000001',
      },
      messages: [
        {
          kind: 'image',
          url: `https://sahayak.example/media/qr/${token}.png`,
          caption:
            'Scan this QR code with any UPI app (BHIM, PhonePe, Google Pay, Paytm) to pay ₹50 for the late registration fee of application BC-2026-000001. Payment reference: PAY-2026-000001. You will get a receipt here once the payment is confirmed.',
        },
      ],
    });
    expect(paymentRows(db)).toEqual([
      {
        reference: 'PAY-2026-000001',
        wa_id: MINE,
        for_reference: 'BC-2026-000001',
        purpose: 'late_fee',
        amount_paise: 5000,
        status: 'pending',
      },
    ]);
  });

  it('charges a certified copy when registration was free', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const ctx = toolContext(db, { waId: MINE, now, lang: 'hi' });
    expect(await createPaymentQr.summarize!({ forReference: 'BC-2026-000002' }, 'hi', ctx)).toBe(
      'आवेदन BC-2026-000002 के जन्म प्रमाण पत्र की प्रमाणित प्रति के लिए ₹50 का UPI भुगतान QR।',
    );
    expect(await createPaymentQr.run({ forReference: 'BC-2026-000002' }, ctx)).toMatchObject({
      ok: true,
      data: { purpose: 'certified_copy', amountPaise: 5000 },
    });
  });

  it("a caste certificate's fee is named the certificate fee, not a late registration fee", async () => {
    const db = openDatabase({ path: ':memory:' });
    const caste = serviceById('caste_certificate');
    if (!caste) throw new Error('caste_certificate is in the registry');
    const fees = { ...defaultFeeSchedule, serviceFeesPaise: { caste_certificate: 3000 } };
    const ctx = { ...toolContext(db, { waId: MINE, now }), fees };
    const filed = await serviceTool(caste).run(
      {
        applicantName: 'Ramesh Kumar',
        fatherOrHusbandName: 'Suresh Prasad',
        caste: 'Yadav',
        category: 'obc',
        subCaste: null,
        address: 'Makan 12, Shivpuri Colony',
        district: 'Patna',
        pinCode: '800001',
        purpose: 'naukri ke liye',
        documents: null,
      },
      ctx,
    );
    expect(filed.ok).toBe(true);
    const reference = filed.ok ? String((filed.data as { reference: string }).reference) : '';
    const result = await createPaymentQr.run({ forReference: reference }, ctx);
    expect(result).toMatchObject({ ok: true, data: { purpose: 'certificate_fee', amountPaise: 3000 } });
    const first = result.ok ? result.messages?.[0] : undefined;
    const caption = first && 'caption' in first ? first.caption : '';
    expect(caption).toContain('₹30 for the certificate fee');
    expect(caption).not.toContain('late registration');
  });

  it("another citizen's application is not found, exactly like an unknown one", async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const ctx = toolContext(db, { waId: MINE, now });
    const theirs = await createPaymentQr.run({ forReference: 'BC-2026-000003' }, ctx);
    expect(theirs).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await createPaymentQr.run({ forReference: 'BC-2026-000999' }, ctx)).toEqual(theirs);
    expect(await createPaymentQr.precheck!({ forReference: 'BC-2026-000003' }, ctx)).toEqual(theirs);
    expect(paymentRows(db)).toEqual([]);
  });

  it('re-sends the pending QR instead of making a second, and refuses once paid', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const first = await createPaymentQr.run(
      { forReference: 'BC-2026-000001' },
      toolContext(db, { waId: MINE, now }),
    );
    const replay = await createPaymentQr.run(
      { forReference: 'BC-2026-000001' },
      toolContext(db, { waId: MINE, now }),
    );
    expect(replay).toEqual(first);
    expect(paymentRows(db)).toHaveLength(1);

    db.$client.prepare("update payments set status = 'paid', paid_at = 1").run();
    const ctx = toolContext(db, { waId: MINE, now });
    const paid = {
      ok: false,
      error: {
        code: 'already_paid',
        message: 'The fee for application BC-2026-000001 is already paid. Nothing more to pay.',
      },
    };
    expect(await createPaymentQr.precheck!({ forReference: 'BC-2026-000001' }, ctx)).toEqual(paid);
    expect(await createPaymentQr.run({ forReference: 'BC-2026-000001' }, ctx)).toEqual(paid);
    expect(paymentRows(db)).toHaveLength(1);
  });

  it('a replayed confirming message returns the same payment', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const ctx = toolContext(db, { waId: MINE, now });
    const first = await createPaymentQr.run({ forReference: 'BC-2026-000002' }, ctx);
    db.$client.prepare("update payments set status = 'paid', paid_at = 1").run();
    expect(await createPaymentQr.run({ forReference: 'BC-2026-000002' }, ctx)).toMatchObject({
      ok: true,
      data: { reference: (first.ok && first.data.reference) as string },
    });
  });

  it('expires a pending QR whose amount no longer applies and makes a new one', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    await createPaymentQr.run({ forReference: 'BC-2026-000002' }, toolContext(db, { waId: MINE, now }));
    const ctx = {
      ...toolContext(db, { waId: MINE, now }),
      fees: { ...defaultFeeSchedule, copyFeePaise: 2500 },
    };
    expect(await createPaymentQr.run({ forReference: 'BC-2026-000002' }, ctx)).toMatchObject({
      ok: true,
      data: { reference: 'PAY-2026-000002', amountPaise: 2500 },
    });
    expect(
      db.$client.prepare('select reference, amount_paise, status from payments order by id').all(),
    ).toEqual([
      { reference: 'PAY-2026-000001', amount_paise: 5000, status: 'expired' },
      { reference: 'PAY-2026-000002', amount_paise: 2500, status: 'pending' },
    ]);
  });
});
