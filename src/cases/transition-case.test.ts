import { describe, expect, it } from 'vitest';
import { applyBirthCertificate } from '../../tools/apply-birth-certificate.js';
import { fileHospitalComplaint } from '../../tools/file-hospital-complaint.js';
import { toolContext } from '../../tools/test-context.js';
import { type Db, openDatabase } from '../db/open-database.js';
import { caseStatusLabel, nextStepText } from './case-labels.js';
import {
  allowedTransitions,
  applicationStatuses,
  complaintStatuses,
  paymentStatuses,
} from './case-workflow.js';
import { defaultCatalogue } from './default-catalogue.js';
import { CaseNotFoundError, InvalidTransitionError, transitionCase } from './transition-case.js';

const t0 = new Date('2026-06-15T04:30:00Z');
const later = (h: number) => new Date(t0.getTime() + h * 3_600_000);

async function complaint(db: Db) {
  await fileHospitalComplaint.run(
    {
      hospitalName: 'CHC Biswan',
      district: 'Sitapur',
      category: 'staff_behaviour',
      description: 'The nurse shouted at my mother.',
      incidentDate: null,
      anonymous: false,
    },
    toolContext(db, { now: t0 }),
  );
  return 1;
}

const events = (db: Db) =>
  db.$client
    .prepare(
      // every case's history is kept under case_type 'case', birth and complaint too
      "select from_status, to_status, actor_user_id, note from case_events where case_type = 'case' order by id",
    )
    .all();

describe('case workflow', () => {
  it('lists the allowed moves', () => {
    expect(allowedTransitions('application', 'submitted')).toEqual(['under_review', 'rejected']);
    expect(allowedTransitions('application', 'certificate_issued')).toEqual([]);
    expect(allowedTransitions('complaint', 'resolved')).toEqual(['closed', 'reopened']);
    expect(allowedTransitions('complaint', 'closed')).toEqual(['reopened']);
    expect(allowedTransitions('complaint', 'reopened')).toEqual(['assigned', 'rejected']);
    expect(allowedTransitions('complaint', 'nonsense')).toEqual([]);
  });

  it('walks a complaint through assignment, resolution, reopening, with events', async () => {
    const db = openDatabase({ path: ':memory:' });
    const id = await complaint(db);
    const assigned = transitionCase(db, {
      type: 'complaint',
      id,
      to: 'assigned',
      actorUserId: 3,
      assignTo: 9,
      now: later(1),
    });
    expect(assigned).toMatchObject({
      status: 'assigned',
      assignedTo: 9,
      statusAt: later(1).getTime(),
      slaDueAt: later(1 + 7 * 24).getTime(),
    });
    transitionCase(db, {
      type: 'complaint',
      id,
      to: 'resolved',
      actorUserId: 9,
      note: 'Nurse counselled',
      now: later(2),
    });
    const reopened = transitionCase(db, {
      type: 'complaint',
      id,
      to: 'reopened',
      actorUserId: 3,
      note: 'Citizen says it happened again',
      now: later(3),
    });
    expect(reopened).toMatchObject({ status: 'reopened', statusAt: later(3).getTime() });
    expect(events(db)).toEqual([
      { from_status: null, to_status: 'received', actor_user_id: null, note: null },
      { from_status: 'received', to_status: 'assigned', actor_user_id: 3, note: null },
      { from_status: 'assigned', to_status: 'resolved', actor_user_id: 9, note: 'Nurse counselled' },
      {
        from_status: 'resolved',
        to_status: 'reopened',
        actor_user_id: 3,
        note: 'Citizen says it happened again',
      },
    ]);
  });

  it('refuses moves outside the workflow and rejections without a reason', async () => {
    const db = openDatabase({ path: ':memory:' });
    const id = await complaint(db);
    expect(() =>
      transitionCase(db, { type: 'complaint', id, to: 'closed', actorUserId: 1, now: later(1) }),
    ).toThrow(InvalidTransitionError);
    expect(() =>
      transitionCase(db, { type: 'complaint', id, to: 'rejected', actorUserId: 1, note: ' ', now: later(1) }),
    ).toThrow(/needs a reason/);
    expect(() =>
      transitionCase(db, { type: 'application', id: 42, to: 'approved', actorUserId: 1, now: later(1) }),
    ).toThrow(CaseNotFoundError);
    const rejected = transitionCase(db, {
      type: 'complaint',
      id,
      to: 'rejected',
      actorUserId: 1,
      note: 'Duplicate of HC-2026-000002',
      now: later(1),
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Duplicate of HC-2026-000002',
      slaDueAt: null,
    });
    expect(events(db)).toHaveLength(2);
  });

  it('does not approve a late birth registration while its fee is unpaid; a complaint id is not an application', async () => {
    const db = openDatabase({ path: ':memory:' });
    const complaintId = await complaint(db);
    const filed = await applyBirthCertificate.run(
      {
        childName: 'Ravi',
        sex: 'male',
        dateOfBirth: '2026-05-01',
        placeOfBirthType: 'home',
        placeOfBirth: 'House 12, Gandhi Nagar',
        motherName: 'Sunita Devi',
        fatherName: 'Ramesh Kumar',
        address: 'House 12, Gandhi Nagar, Sitapur',
        district: 'Sitapur',
        pinCode: '261001',
        informantName: null,
      },
      toolContext(db, { now: t0 }),
    );
    expect(filed).toMatchObject({ ok: true, data: { feePaise: 5000 } });
    const id = complaintId + 1;
    expect(() =>
      transitionCase(db, { type: 'complaint', id, to: 'assigned', actorUserId: 1, now: later(1) }),
    ).toThrow(CaseNotFoundError);
    transitionCase(db, { type: 'application', id, to: 'under_review', actorUserId: 1, now: later(1) });
    expect(() =>
      transitionCase(db, { type: 'application', id, to: 'approved', actorUserId: 1, now: later(2) }),
    ).toThrow(/fee of ₹50 is unpaid/);
    db.$client
      .prepare(
        `insert into payments (reference, wa_id, for_reference, purpose, amount_paise, status, upi_uri, media_token, created_at)
         values ('PAY-1', ?, 'BC-2026-000001', 'late_fee', 5000, 'paid', 'upi://pay', 'tok', 0)`,
      )
      .run(toolContext(db, { now: t0 }).waId);
    expect(
      transitionCase(db, { type: 'application', id, to: 'approved', actorUserId: 1, now: later(3) }),
    ).toMatchObject({ reference: 'BC-2026-000001', status: 'approved', childName: 'Ravi' });
  });

  it('labels statuses and next steps in each language', () => {
    expect(
      ['en', 'hi', 'hinglish'].map((l) => caseStatusLabel('application', 'certificate_issued', l as 'en')),
    ).toEqual(['Certificate issued', 'प्रमाण पत्र जारी', 'Certificate jaari ho gaya']);
    expect(nextStepText('payment', 'paid', 'en')).toBe('The payment is confirmed; nothing more to do.');
  });

  it('has a label and a next step for every status', () => {
    const catalogue = defaultCatalogue();
    const keys = [
      ...applicationStatuses.map((s) => `case.application.${s}`),
      ...complaintStatuses.map((s) => `case.complaint.${s}`),
      ...paymentStatuses.map((s) => `case.payment.${s}`),
    ].flatMap((k) => [k, `${k}.next`]);
    expect(keys.filter((k) => !catalogue.has(k))).toEqual([]);
  });
});
