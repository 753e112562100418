import { describe, expect, it } from 'vitest';
import { applyBirthCertificate } from '../../tools/apply-birth-certificate.js';
import { createPaymentQr } from '../../tools/create-payment-qr.js';
import { fileHospitalComplaint } from '../../tools/file-hospital-complaint.js';
import { storeInbound, toolContext } from '../../tools/test-context.js';
import { type Db, openDatabase } from '../db/open-database.js';
import { messages, turns } from '../db/schema.js';
import { createApi } from './api.js';

const TOKEN = 'staff-token-123';
const A = '919876543210';
const B = '919123456789';
const t1 = new Date('2026-06-10T04:30:00Z');
const t2 = new Date('2026-06-12T04:30:00Z');

const birth = {
  childName: null,
  sex: 'transgender' as const,
  dateOfBirth: '2026-06-01',
  placeOfBirthType: 'home' as const,
  placeOfBirth: 'House 12, Gandhi Nagar',
  motherName: 'Sunita Devi',
  fatherName: 'Ramesh Kumar',
  address: 'House 12, Gandhi Nagar, Sitapur',
  district: 'Sitapur',
  pinCode: '261001',
  informantName: 'Kamla (grandmother)',
};

async function seed(db: Db) {
  await applyBirthCertificate.run(birth, toolContext(db, { waId: A, now: t1, lang: 'hi' }));
  await applyBirthCertificate.run(
    { ...birth, childName: 'Ravi', sex: 'male' },
    toolContext(db, { waId: B, now: t2 }),
  );
  await fileHospitalComplaint.run(
    {
      hospitalName: 'CHC Biswan',
      district: 'Sitapur',
      category: 'medicine_unavailable',
      description: 'No ORS in the pharmacy for two days.',
      incidentDate: '2026-06-09',
      anonymous: true,
    },
    toolContext(db, { waId: A, now: t2, lang: 'hinglish' }),
  );
  await createPaymentQr.run({ forReference: 'BC-2026-000001' }, toolContext(db, { waId: A, now: t2 }));
}

const get = (
  db: Db,
  path: string,
  token: string | null = TOKEN,
  configured: { token?: string } = { token: TOKEN },
) =>
  createApi({ db, token: configured.token }).request(
    path,
    token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  );

describe('JSON API', () => {
  it('401s without the token, with a wrong one, and when none is configured', async () => {
    const db = openDatabase({ path: ':memory:' });
    const missing = await get(db, '/api/applications', null);
    const wrong = await get(db, '/api/applications', 'staff-token-124');
    const unset = await get(db, '/api/applications', TOKEN, {});
    expect([missing.status, wrong.status, unset.status]).toEqual([401, 401, 401]);
    expect(await missing.json()).toEqual({
      error: 'unauthorized',
      message: 'send Authorization: Bearer <STAFF_API_TOKEN>',
    });
    expect(await unset.json()).toEqual({
      error: 'unauthorized',
      message: 'STAFF_API_TOKEN is unset: the JSON API is disabled',
    });
  });

  it('lists applications newest first with exactly the documented fields', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    const res = await get(db, '/api/applications');
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    expect(items.map((i) => i.reference)).toEqual(['BC-2026-000002', 'BC-2026-000001']);
    expect(items[1]).toEqual({
      reference: 'BC-2026-000001',
      status: 'submitted',
      phone: A,
      childName: null,
      sex: 'transgender',
      dateOfBirth: '2026-06-01',
      placeOfBirthType: 'home',
      placeOfBirth: 'House 12, Gandhi Nagar',
      motherName: 'Sunita Devi',
      fatherName: 'Ramesh Kumar',
      address: 'House 12, Gandhi Nagar, Sitapur',
      district: 'Sitapur',
      pinCode: '261001',
      language: 'hi',
      createdAt: '2026-06-10T04:30:00.000Z',
    });
    const filtered = (await (await get(db, `/api/applications?phone=${B}`)).json()) as {
      items: { phone: string }[];
    };
    expect(filtered.items.map((i) => i.phone)).toEqual([B]);
    const limited = (await (await get(db, '/api/applications?limit=1')).json()) as { items: unknown[] };
    expect(limited.items).toHaveLength(1);
  });

  it('lists complaints and payments with the documented fields', async () => {
    const db = openDatabase({ path: ':memory:' });
    await seed(db);
    expect(await (await get(db, `/api/complaints?phone=${A}`)).json()).toEqual({
      items: [
        {
          reference: 'HC-2026-000001',
          status: 'received',
          phone: A,
          hospitalName: 'CHC Biswan',
          district: 'Sitapur',
          category: 'medicine_unavailable',
          description: 'No ORS in the pharmacy for two days.',
          incidentDate: '2026-06-09',
          anonymous: true,
          language: 'hinglish',
          createdAt: '2026-06-12T04:30:00.000Z',
          photos: [],
        },
      ],
    });
    expect(await (await get(db, '/api/payments?status=pending')).json()).toEqual({
      items: [
        {
          reference: 'PAY-2026-000001',
          forReference: 'BC-2026-000001',
          purpose: 'certified_copy',
          amountPaise: 5000,
          status: 'pending',
          upiUri:
            'upi://pay?pa=health.dept@sbi&pn=District%20Health%20Office&am=50.00&cu=INR&tn=Sahayak%20BC-2026-000001&tr=PAY-2026-000001',
          createdAt: '2026-06-12T04:30:00.000Z',
        },
      ],
    });
    expect(await (await get(db, '/api/payments?status=paid')).json()).toEqual({ items: [] });
  });

  it('400s an unknown status or a bad limit', async () => {
    const db = openDatabase({ path: ':memory:' });
    const statuses = await Promise.all(
      ['/api/complaints?status=lost', '/api/applications?limit=0', '/api/payments?limit=ten'].map(
        async (p) => (await get(db, p)).status,
      ),
    );
    expect(statuses).toEqual([400, 400, 400]);
  });

  it('shows a conversation newest first, replies with their engine and tool calls (on the first reply of the turn)', async () => {
    const db = openDatabase({ path: ':memory:' });
    const inbound = storeInbound(db, A, { text: 'mera status batao BC-2026-000001', at: t1.getTime() });
    const call = {
      id: 'c1',
      name: 'check_status',
      arguments: '{"reference":"BC-2026-000001"}',
      parsedArguments: { reference: 'BC-2026-000001' },
      result: { ok: true, data: { records: [] } },
      status: 'ok',
    };
    const turnId = db
      .insert(turns)
      .values({
        inboundId: inbound,
        waId: A,
        engine: 'offline',
        steps: [
          { engine: 'offline', toolCalls: [call], latencyMs: 3 },
          { engine: 'offline', toolCalls: [], latencyMs: 1 },
        ],
        latencyMs: 4,
        createdAt: t1.getTime() + 5,
      })
      .returning({ id: turns.id })
      .get().id;
    for (const [seq, text] of ['Aapka application submit ho gaya hai.', 'Aur kuch?'].entries()) {
      db.insert(messages)
        .values({
          waId: A,
          direction: 'out',
          kind: 'text',
          text,
          inReplyTo: inbound,
          seq,
          turnId,
          sendStatus: 'simulated',
          createdAt: t1.getTime() + 10,
        })
        .run();
    }
    storeInbound(db, B, { text: 'other citizen', at: t1.getTime() });

    expect(await (await get(db, `/api/conversations/${A}/messages`)).json()).toEqual({
      items: [
        {
          direction: 'out',
          text: 'Aur kuch?',
          kind: 'text',
          engine: 'offline',
          createdAt: '2026-06-10T04:30:00.010Z',
        },
        {
          direction: 'out',
          text: 'Aapka application submit ho gaya hai.',
          kind: 'text',
          engine: 'offline',
          toolCalls: [
            {
              name: 'check_status',
              arguments: { reference: 'BC-2026-000001' },
              result: { ok: true, data: { records: [] } },
              status: 'ok',
            },
          ],
          createdAt: '2026-06-10T04:30:00.010Z',
        },
        {
          direction: 'in',
          text: 'mera status batao BC-2026-000001',
          kind: 'text',
          createdAt: '2026-06-10T04:30:00.000Z',
        },
      ],
    });
    const last = (await (await get(db, `/api/conversations/${A}/messages?limit=1`)).json()) as {
      items: { text: string }[];
    };
    expect(last.items.map((i) => i.text)).toEqual(['Aur kuch?']);
    const two = (await (await get(db, `/api/conversations/${A}/messages?limit=2`)).json()) as {
      items: { text: string; toolCalls?: unknown[] }[];
    };
    // the latest two, newest first; the tool calls stay on the turn's first reply
    expect(two.items.map((i) => [i.text, i.toolCalls?.length ?? 0])).toEqual([
      ['Aur kuch?', 0],
      ['Aapka application submit ho gaya hai.', 1],
    ]);
  });
});
