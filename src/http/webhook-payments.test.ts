import { describe, expect, it } from 'vitest';
import { applyBirthCertificate } from '../../tools/apply-birth-certificate.js';
import { createPaymentQr } from '../../tools/create-payment-qr.js';
import { toolContext } from '../../tools/test-context.js';
import { type Db, openDatabase } from '../db/open-database.js';
import { citizens } from '../db/schema.js';
import type { PaymentRow } from '../payments/confirm-payment.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { signBody } from '../whatsapp/signature.js';
import { createPaymentWebhook } from './webhook-payments.js';

const SECRET = 'test-payment-secret';
const WA = '919876543210';
const now = new Date('2026-06-15T04:30:00Z');
const paidAt = new Date('2026-06-15T06:00:00Z');

async function setup() {
  const db = openDatabase({ path: ':memory:' });
  db.insert(citizens).values({ waId: WA, language: 'hi' }).run();
  await applyBirthCertificate.run(
    {
      childName: 'Anaya',
      sex: 'female',
      dateOfBirth: '2026-05-10',
      placeOfBirthType: 'hospital',
      placeOfBirth: 'District Hospital Sitapur',
      motherName: 'Sunita Devi',
      fatherName: 'Ramesh Kumar',
      address: 'Ward 4, Station Road, Sitapur',
      district: 'Sitapur',
      pinCode: '261001',
      informantName: null,
    },
    toolContext(db, { waId: WA, now }),
  );
  await createPaymentQr.run({ forReference: 'BC-2026-000001' }, toolContext(db, { waId: WA, now }));
  const paid: PaymentRow[] = [];
  const app = createPaymentWebhook({
    store: sqliteStore(db),
    secret: SECRET,
    simulated: true,
    onPaid: (p) => paid.push(p),
    now: () => paidAt,
  });
  return { db, app, paid };
}

const confirmation = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    paymentReference: 'PAY-2026-000001',
    providerTxnId: 'UPI-77881',
    amountPaise: 5000,
    status: 'success',
    ...over,
  });

const post = (
  app: ReturnType<typeof createPaymentWebhook>,
  body: string,
  signature: string | null = signBody(body, SECRET),
) =>
  app.request('/webhook/payments', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'x-signature': signature } : {}) },
    body,
  });

const state = (db: Db) => ({
  payments: db.$client.prepare('select status, paid_at, provider_txn_id from payments').all(),
  receipts: db.$client
    .prepare("select wa_id, kind, text, send_status, sent_by from messages where direction = 'out'")
    .all(),
});

const unpaid = { payments: [{ status: 'pending', paid_at: null, provider_txn_id: null }], receipts: [] };

describe('POST /webhook/payments', () => {
  it('marks the payment paid once and queues one receipt in the citizen language', async () => {
    const { db, app, paid } = await setup();
    const first = await post(app, confirmation());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ status: 'paid', reference: 'PAY-2026-000001', duplicate: false });
    const again = await post(app, confirmation());
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'paid', reference: 'PAY-2026-000001', duplicate: true });

    expect(state(db)).toEqual({
      payments: [{ status: 'paid', paid_at: paidAt.getTime(), provider_txn_id: 'UPI-77881' }],
      receipts: [
        {
          wa_id: WA,
          kind: 'text',
          text: 'भुगतान मिल गया, धन्यवाद। आवेदन BC-2026-000001 के विलंब पंजीकरण शुल्क के लिए ₹50। रसीद संख्या: PAY-2026-000001; UPI लेन-देन: UPI-77881; तारीख़: 15/06/2026।',
          send_status: 'simulated',
          sent_by: 'system',
        },
      ],
    });
    expect(paid.map((p) => p.reference)).toEqual(['PAY-2026-000001']);
  });

  it('refuses another transaction for an already paid payment', async () => {
    const { db, app } = await setup();
    await post(app, confirmation());
    const res = await post(app, confirmation({ providerTxnId: 'UPI-99999' }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'paid_with_another_transaction' });
    expect(state(db).receipts).toHaveLength(1);
  });

  it('401s a bad or missing signature and changes nothing', async () => {
    const { db, app } = await setup();
    const body = confirmation();
    expect((await post(app, body, signBody(body, 'wrong-secret'))).status).toBe(401);
    expect((await post(app, body, null)).status).toBe(401);
    expect((await post(app, body, 'sha256=zz')).status).toBe(401);
    expect(state(db)).toEqual(unpaid);
  });

  it('401s everything when no secret is configured', async () => {
    const { db } = await setup();
    const app = createPaymentWebhook({ store: sqliteStore(db), secret: undefined, simulated: true });
    const res = await post(app, confirmation());
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'unauthorized' });
  });

  it('409s an amount mismatch and leaves the payment pending', async () => {
    const { db, app } = await setup();
    const res = await post(app, confirmation({ amountPaise: 500 }));
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: 'amount_mismatch', expectedPaise: 5000 });
    expect(state(db)).toEqual(unpaid);
  });

  it('400s bad JSON and bad shapes, 404s unknown references', async () => {
    const { db, app } = await setup();
    const statuses = await Promise.all([
      post(app, '{not json'),
      post(app, confirmation({ amountPaise: '50.00' })),
      post(app, confirmation({ status: 'maybe' })),
      post(app, confirmation({ paymentReference: 'PAY-2026-000999' })),
    ]);
    expect(statuses.map((r) => r.status)).toEqual([400, 400, 400, 404]);
    expect(state(db)).toEqual(unpaid);
  });

  it('an expired QR: a success and a failure are both 409 expired, and the payment stays expired', async () => {
    const { db, app, paid } = await setup();
    db.$client.prepare("update payments set status = 'expired'").run();
    for (const status of ['failure', 'success']) {
      const res = await post(app, confirmation({ status }));
      expect({ status: res.status, body: await res.json() }).toEqual({
        status: 409,
        body: { error: 'expired' },
      });
    }
    expect(state(db).payments).toEqual([{ status: 'expired', paid_at: null, provider_txn_id: null }]);
    expect(paid).toEqual([]);
  });

  it('money paid on an expired QR is kept for staff and the citizen told once, however often it is retried', async () => {
    const { db, app } = await setup();
    db.$client.prepare("update payments set status = 'expired'").run();
    for (let i = 0; i < 3; i++) expect((await post(app, confirmation())).status).toBe(409);
    const audit = db.$client
      .prepare("select target_type, detail from audit_log where action = 'payment.paid_after_expiry'")
      .all() as { target_type: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]?.target_type).toBe('payment');
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toEqual({
      reference: 'PAY-2026-000001',
      providerTxnId: 'UPI-77881',
      amountPaise: 5000,
    });
    const told = state(db).receipts as { text: string; sent_by: string }[];
    expect(told).toHaveLength(1);
    expect(told[0]?.sent_by).toBe('system');
    // the citizen's language is Hindi: the amount, the transaction and that the money is not lost
    expect(told[0]?.text).toContain('₹50');
    expect(told[0]?.text).toContain('UPI-77881');
    expect(told[0]?.text).toContain('पैसा खोया नहीं है');
    // a second transaction on the same expired QR is money too: recorded and told again
    expect((await post(app, confirmation({ providerTxnId: 'UPI-99000' }))).status).toBe(409);
    expect(state(db).receipts).toHaveLength(2);
  });

  it('a failed attempt keeps the QR payable', async () => {
    const { db, app } = await setup();
    const res = await post(app, confirmation({ status: 'failure' }));
    expect(await res.json()).toEqual({ status: 'pending', reference: 'PAY-2026-000001' });
    expect(state(db)).toEqual(unpaid);
    expect((await post(app, confirmation())).status).toBe(200);
  });
});
