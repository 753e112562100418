import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { payments } from '../db/schema.js';
import { deathCertificate } from '../services/death-certificate/definition.js';
import { onSqlite } from '../storage/sqlite-store.js';
import { insertCase } from './case-store.js';
import { InvalidTransitionError } from './transition-case.js';
import { assignServiceCase, blockedBecause, transitionServiceCase } from './transition-service-case.js';

const NOW = new Date('2026-11-24T06:30:00Z');
const fields = {
  deceasedName: 'Ram Sahai',
  sex: 'male',
  dateOfDeath: '2026-10-01',
  ageAtDeath: 80,
  placeOfDeathType: 'home',
  placeOfDeath: 'Village Belwa',
  fatherOrHusbandName: 'Shiv Sahai',
  address: 'Village Belwa, Pratapgarh',
  district: 'Pratapgarh',
  pinCode: '230204',
  informantName: 'Mahesh Sahai',
};

function seed(feePaise: number) {
  const db = openDatabase({ path: ':memory:' });
  const row = onSqlite(
    db,
    insertCase({
      service: deathCertificate,
      waId: '919800000001',
      language: 'hi',
      fields,
      feePaise,
      feeRule: feePaise ? 'late_fee' : 'free',
      sourceMessageId: 1,
      now: NOW,
    }),
  );
  return { db, row };
}
const move = (db: ReturnType<typeof seed>['db'], id: number, to: string, note?: string) =>
  transitionServiceCase(db, deathCertificate, { id, to, actorUserId: 1, note: note ?? null, now: NOW });

describe('a registry case along its workflow', () => {
  it('refuses fields its schema refuses, on write', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(() =>
      onSqlite(
        db,
        insertCase({
          service: deathCertificate,
          waId: '91',
          language: 'en',
          fields: { ...fields, pinCode: '012345' },
          feePaise: 0,
          feeRule: 'free',
          sourceMessageId: 2,
          now: NOW,
        }),
      ),
    ).toThrow();
  });

  it('cannot be approved while its fee is unpaid; can once paid', () => {
    const { db, row } = seed(5000);
    move(db, row.id, 'under_review');
    expect(
      onSqlite(db, blockedBecause(deathCertificate, { ...row, status: 'under_review' }, 'approved')),
    ).toContain('unpaid');
    expect(() => move(db, row.id, 'approved')).toThrow(InvalidTransitionError);
    db.insert(payments)
      .values({
        reference: 'PAY-2026-000001',
        waId: row.waId,
        forReference: row.reference,
        purpose: 'late_fee',
        amountPaise: 5000,
        status: 'paid',
        upiUri: 'upi://pay',
        mediaToken: 't',
        createdAt: NOW.getTime(),
      })
      .run();
    expect(move(db, row.id, 'approved').status).toBe('approved');
  });

  it('a free case moves freely; rejection needs a reason; moves outside the workflow are refused', () => {
    const { db, row } = seed(0);
    expect(() => move(db, row.id, 'certificate_issued')).toThrow(InvalidTransitionError);
    expect(() => move(db, row.id, 'rejected')).toThrow(InvalidTransitionError);
    expect(move(db, row.id, 'rejected', 'duplicate').rejectionReason).toBe('duplicate');
  });

  it('assigning does not move the status', () => {
    const { db, row } = seed(0);
    assignServiceCase(db, row.id, 7, NOW.getTime());
    const after = db.$client.prepare('select status, assigned_to from cases').get();
    expect(after).toEqual({ status: 'submitted', assigned_to: 7 });
  });
});
