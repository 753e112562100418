import { describe, expect, it } from 'vitest';
import { transitionCase } from '../src/cases/transition-case.js';
import { type Db, openDatabase } from '../src/db/open-database.js';
import { auditLog } from '../src/db/schema.js';
import { caseEvents, caseRow, listCases } from '../src/staff/case-queries.js';
import { fileHospitalComplaint } from './file-hospital-complaint.js';
import { reopenComplaint } from './reopen-complaint.js';
import { toolContext } from './test-context.js';

const MINE = '919876543210';
const THEIRS = '919123456789';
const DAY = 24 * 60 * 60 * 1000;
const filedAt = new Date('2026-06-01T04:30:00Z');
const resolvedAt = new Date('2026-06-05T04:30:00Z');
const sinceResolved = (ms: number) => new Date(resolvedAt.getTime() + ms);

const complaint = {
  hospitalName: 'CHC Biswan',
  district: 'Sitapur',
  category: 'bribery_or_fees' as const,
  description: 'The ward boy asked for 500 rupees.',
  incidentDate: null,
  anonymous: false,
};

/** Files a complaint for waId and walks it to `to` (resolved by officer 7); returns its case id. */
async function filed(db: Db, waId: string, to: 'received' | 'resolved' | 'closed' = 'resolved') {
  const r = await fileHospitalComplaint.run(complaint, toolContext(db, { waId, now: filedAt }));
  if (!r.ok) throw new Error('not filed');
  const id = Number(
    db.$client.prepare('select id from cases where reference = ?').pluck().get(r.data.reference),
  );
  if (to === 'received') return id;
  transitionCase(db, { type: 'complaint', id, to: 'assigned', actorUserId: 7, now: filedAt });
  transitionCase(db, { type: 'complaint', id, to: 'resolved', actorUserId: 7, now: resolvedAt });
  if (to === 'closed')
    transitionCase(db, { type: 'complaint', id, to: 'closed', actorUserId: 7, now: resolvedAt });
  return id;
}

const args = (reference: string | null, reason: string | null = null) => ({ reference, reason });

describe('reopen_complaint', () => {
  it('reopens the citizen’s resolved complaint: status, citizen case event, SLA from the workflow, audit, queue', async () => {
    const db = openDatabase({ path: ':memory:' });
    const id = await filed(db, MINE);
    const now = sinceResolved(3 * DAY);
    const ctx = toolContext(db, { waId: MINE, now, lang: 'hinglish' });
    expect(await reopenComplaint.precheck?.(args(null), ctx)).toBeNull();
    expect(await reopenComplaint.summarize?.(args(null), 'en', ctx)).toContain('HC-2026-000001');
    const r = await reopenComplaint.run(args(null, 'abhi bhi paise maang rahe'), ctx);
    expect(r).toMatchObject({ ok: true, data: { reference: 'HC-2026-000001', status: 'reopened' } });
    if (!r.ok) return;
    expect(String(r.data.nextStep)).toContain('phir se khul gayi');
    const row = caseRow(db, 'complaint', id);
    // a bribe demanded is chased in 3 days, counted from the reopening
    expect(row).toMatchObject({
      status: 'reopened',
      status_at: now.getTime(),
      sla_due_at: now.getTime() + 3 * DAY,
    });
    expect(caseEvents(db, 'complaint', id).at(-1)).toMatchObject({
      fromStatus: 'resolved',
      toStatus: 'reopened',
      actor: null,
      note: 'Reopened by the citizen: abhi bhi paise maang rahe',
    });
    expect(db.select().from(auditLog).all()).toEqual([
      expect.objectContaining({
        action: 'complaint.reopened_by_citizen',
        targetType: 'case',
        targetId: String(id),
      }),
    ]);
    const queue = listCases(db, 'complaint', { status: 'open' }, 7, now.getTime());
    expect(queue.map((c) => [c.reference, c.status])).toEqual([['HC-2026-000001', 'reopened']]);
  });

  it('reopens a closed complaint by its number', async () => {
    const db = openDatabase({ path: ':memory:' });
    const id = await filed(db, MINE, 'closed');
    const r = await reopenComplaint.run(args('1'), toolContext(db, { waId: MINE, now: sinceResolved(DAY) }));
    expect(r.ok).toBe(true);
    expect(caseRow(db, 'complaint', id)).toMatchObject({ status: 'reopened' });
  });

  it('is allowed up to exactly COMPLAINT_REOPEN_DAYS after resolution, not a moment later', async () => {
    for (const [days, ms, ok] of [
      [30, 30 * DAY, true],
      [30, 30 * DAY + 1, false],
      [10, 10 * DAY, true],
      [10, 10 * DAY + 1, false],
    ] as const) {
      const db = openDatabase({ path: ':memory:' });
      const id = await filed(db, MINE);
      const ctx = {
        ...toolContext(db, { waId: MINE, now: sinceResolved(ms) }),
        ...(days === 30 ? {} : { complaintReopenDays: days }),
      };
      const pre = (await reopenComplaint.precheck?.(args('HC-2026-000001'), ctx)) ?? null;
      const r = await reopenComplaint.run(args('HC-2026-000001'), ctx);
      expect([days, ms, r.ok, pre === null]).toEqual([days, ms, ok, ok]);
      if (!ok) {
        expect(r).toMatchObject({ ok: false, error: { code: 'reopen_period_over' } });
        if (!r.ok) expect(r.error.message).toContain(`more than ${days} days ago`);
        expect(caseRow(db, 'complaint', id)).toMatchObject({ status: 'resolved' });
      }
    }
  });

  it('counts the period from the resolution, not from a later close', async () => {
    for (const [closedAfter, attemptAfter, ok] of [
      [20 * DAY, 29 * DAY, true],
      [20 * DAY, 31 * DAY, false],
      [0, 31 * DAY, false],
    ] as const) {
      const db = openDatabase({ path: ':memory:' });
      const id = await filed(db, MINE);
      transitionCase(db, {
        type: 'complaint',
        id,
        to: 'closed',
        actorUserId: 7,
        now: sinceResolved(closedAfter),
      });
      const ctx = toolContext(db, { waId: MINE, now: sinceResolved(attemptAfter) });
      const r = await reopenComplaint.run(args('HC-2026-000001'), ctx);
      expect([closedAfter, attemptAfter, r.ok]).toEqual([closedAfter, attemptAfter, ok]);
      if (!r.ok) {
        expect(r.error.code).toBe('reopen_period_over');
        // the date told is the resolution's
        expect(r.error.message).toContain('05/06/2026');
      }
    }
  });

  it('a complaint reopened and resolved again counts from the second resolution', async () => {
    const db = openDatabase({ path: ':memory:' });
    const id = await filed(db, MINE);
    const reopenedAt = sinceResolved(10 * DAY);
    const r1 = await reopenComplaint.run(args(null), toolContext(db, { waId: MINE, now: reopenedAt }));
    expect(r1.ok).toBe(true);
    const second = sinceResolved(40 * DAY);
    transitionCase(db, { type: 'complaint', id, to: 'assigned', actorUserId: 7, now: reopenedAt });
    transitionCase(db, { type: 'complaint', id, to: 'resolved', actorUserId: 7, now: second });
    const ctx = toolContext(db, { waId: MINE, now: new Date(second.getTime() + 29 * DAY) });
    expect(await reopenComplaint.precheck?.(args(null), ctx)).toBeNull();
  });

  it('refuses someone else’s reference as not found, and leaves their complaint alone', async () => {
    const db = openDatabase({ path: ':memory:' });
    const theirs = await filed(db, THEIRS);
    await filed(db, MINE);
    const ctx = toolContext(db, { waId: MINE, now: sinceResolved(DAY), lang: 'hi' });
    const r = await reopenComplaint.run(args('HC-2026-000001'), ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await reopenComplaint.precheck?.(args('HC-2026-000001'), ctx)).toMatchObject({ ok: false });
    expect(caseRow(db, 'complaint', theirs)).toMatchObject({ status: 'resolved' });
    expect(db.select().from(auditLog).all()).toEqual([]);
  });

  it('says why a complaint that is not resolved or closed cannot be reopened', async () => {
    const db = openDatabase({ path: ':memory:' });
    const id = await filed(db, MINE, 'received');
    const r = await reopenComplaint.run(args(null), toolContext(db, { waId: MINE, now: sinceResolved(DAY) }));
    expect(r).toMatchObject({ ok: false, error: { code: 'not_reopenable' } });
    if (!r.ok) expect(r.error.message).toContain('Received');
    expect(caseRow(db, 'complaint', id)).toMatchObject({ status: 'received' });
  });

  it('asks which when the citizen has several complaints and names none', async () => {
    const db = openDatabase({ path: ':memory:' });
    await filed(db, MINE);
    await filed(db, MINE, 'received');
    const r = await reopenComplaint.run(args(null), toolContext(db, { waId: MINE, now: sinceResolved(DAY) }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'which_complaint' },
      data: { references: ['HC-2026-000002', 'HC-2026-000001'] },
    });
  });

  it('has nothing to reopen for a citizen without complaints', async () => {
    const db = openDatabase({ path: ':memory:' });
    const r = await reopenComplaint.run(args(null), toolContext(db, { waId: MINE, now: sinceResolved(DAY) }));
    expect(r).toMatchObject({ ok: false, error: { code: 'no_complaint' } });
  });
});
