import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../src/db/open-database.js';
import { attachments, conversations } from '../src/db/schema.js';
import { type ComplaintArgs, fileHospitalComplaint } from './file-hospital-complaint.js';
import { storeInbound, toolContext } from './test-context.js';

const now = new Date('2026-06-15T04:30:00Z');
const HOUR = 3_600_000;
const WA = '919876543210';

const args = (over: Partial<ComplaintArgs> = {}): ComplaintArgs => ({
  hospitalName: 'District Hospital Sitapur',
  district: 'Sitapur',
  category: 'bribery_or_fees',
  description: 'The ward boy asked for 500 rupees to give a bed.',
  incidentDate: '2026-06-14',
  anonymous: true,
  ...over,
});

function conversation(db: Db, waId = WA): number {
  return db
    .insert(conversations)
    .values({ waId, startedAt: now.getTime() - 2 * HOUR, lastMessageAt: now.getTime() })
    .returning({ id: conversations.id })
    .get().id;
}

function photo(db: Db, o: { waId?: string; conversationId?: number | null; at: number }): number {
  const waId = o.waId ?? WA;
  const messageId = storeInbound(db, waId, {
    kind: 'image',
    text: '',
    conversationId: o.conversationId,
    at: o.at,
  });
  return db
    .insert(attachments)
    .values({ waId, messageId, mediaId: `media-${messageId}`, mimeType: 'image/jpeg', createdAt: o.at })
    .returning({ id: attachments.id })
    .get().id;
}

const attachedTo = (db: Db) =>
  db.$client.prepare('select id, case_id from attachments order by id').all() as {
    id: number;
    case_id: number | null;
  }[];

describe('file_hospital_complaint', () => {
  it('files the complaint with the photos of this conversation and the last 24 h', async () => {
    const db = openDatabase({ path: ':memory:' });
    const conv = conversation(db);
    const old = photo(db, { conversationId: null, at: now.getTime() - 30 * HOUR });
    const inConv = photo(db, { conversationId: conv, at: now.getTime() - HOUR });
    const recent = photo(db, { conversationId: null, at: now.getTime() - 2 * HOUR });
    const someoneElse = photo(db, { waId: '919000000001', conversationId: null, at: now.getTime() - HOUR });
    const ctx = toolContext(db, { now, conversationId: conv, waId: WA });

    const result = await fileHospitalComplaint.run(args(), ctx);

    expect(result).toEqual({
      ok: true,
      data: {
        reference: 'HC-2026-000001',
        status: 'received',
        photos: 2,
        nextStep:
          'Your complaint HC-2026-000001 is registered with 2 photo(s). An officer will be assigned and you should hear back within 3 days; I will tell you here.',
      },
    });
    expect(attachedTo(db)).toEqual([
      { id: old, case_id: null },
      { id: inConv, case_id: 1 },
      { id: recent, case_id: 1 },
      { id: someoneElse, case_id: null },
    ]);
    expect(
      db.$client
        .prepare(
          `select reference, wa_id, json_extract(fields, '$.category') as category, json_extract(fields, '$.anonymous') as anonymous,
             json_extract(fields, '$.incidentDate') as incident_date, sla_due_at from cases where service = 'hospital_complaint'`,
        )
        .all(),
    ).toEqual([
      {
        reference: 'HC-2026-000001',
        wa_id: WA,
        category: 'bribery_or_fees',
        anonymous: 1,
        incident_date: '2026-06-14',
        sla_due_at: now.getTime() + 3 * 24 * HOUR,
      },
    ]);
  });

  it('a replayed message returns the same complaint and attaches nothing twice', async () => {
    const db = openDatabase({ path: ':memory:' });
    photo(db, { at: now.getTime() - HOUR });
    const ctx = toolContext(db, { now });
    const first = await fileHospitalComplaint.run(args({ category: 'cleanliness' }), ctx);
    photo(db, { at: now.getTime() });
    const again = await fileHospitalComplaint.run(args({ category: 'cleanliness' }), ctx);
    expect(again).toEqual(first);
    expect(first).toMatchObject({ data: { photos: 1 } });
    expect(
      db.$client.prepare("select count(*) as n from cases where service = 'hospital_complaint'").get(),
    ).toEqual({ n: 1 });
    // the second photo waits for the next complaint
    const second = await fileHospitalComplaint.run(args(), toolContext(db, { now }));
    expect(second).toMatchObject({ ok: true, data: { reference: 'HC-2026-000002', photos: 1 } });
  });

  it('refuses an incident date in the future', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { now });
    const a = args({ incidentDate: '2026-06-16' });
    expect(fileHospitalComplaint.precheck!(a, ctx)).toMatchObject({
      ok: false,
      error: { code: 'date_in_future' },
    });
    expect(await fileHospitalComplaint.run(a, ctx)).toMatchObject({
      ok: false,
      error: { code: 'date_in_future' },
    });
  });

  it('accepts only the seven categories', () => {
    expect(fileHospitalComplaint.schema.safeParse(args({ category: 'rudeness' as never })).success).toBe(
      false,
    );
    expect(fileHospitalComplaint.schema.safeParse(args({ incidentDate: null })).success).toBe(true);
  });

  it('summarizes in Hindi', () => {
    expect(fileHospitalComplaint.summarize!(args({ incidentDate: null }), 'hi')).toBe(
      [
        'अस्पताल: District Hospital Sitapur',
        'ज़िला: सीतापुर',
        'शिकायत का विषय: रिश्वत या अवैध शुल्क',
        'क्या हुआ: The ward boy asked for 500 rupees to give a bed.',
        'घटना की तारीख़: (नहीं बताया)',
        'अस्पताल से मेरा नाम छिपाएँ: हाँ',
      ].join('\n'),
    );
  });
});
