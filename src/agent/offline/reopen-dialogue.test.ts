import { describe, expect, it } from 'vitest';
import { fileHospitalComplaint } from '../../../tools/file-hospital-complaint.js';
import { toolContext } from '../../../tools/test-context.js';
import { transitionCase } from '../../cases/transition-case.js';
import type { Db } from '../../db/open-database.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import { caseEvents, caseRow } from '../../staff/case-queries.js';
import { argsOf, createDriver } from './test-driver.js';

// Issue 10: "still not resolved" reopens the citizen's own resolved complaint, after a yes,
// through the real engine, confirmation gate and tool; past the period they are told why.
const catalogue = loadCatalogue();
const DAY = 24 * 60 * 60 * 1000;
const resolvedAt = new Date('2026-11-20T04:30:00Z');
const later = (days: number) => new Date(resolvedAt.getTime() + days * DAY);

async function complaint(db: Db, waId: string, to: 'received' | 'resolved' = 'resolved'): Promise<number> {
  const filed = await fileHospitalComplaint.run(
    {
      hospitalName: 'District Hospital Sitapur',
      district: 'Sitapur',
      category: 'bribery_or_fees',
      description: 'Ward boy asked for money to give a bed.',
      incidentDate: null,
      anonymous: false,
    },
    toolContext(db, { waId, now: new Date('2026-11-10T04:30:00Z') }),
  );
  if (!filed.ok) throw new Error('not filed');
  const id = Number(
    db.$client.prepare('select id from cases where reference = ?').pluck().get(filed.data.reference),
  );
  if (to === 'resolved') {
    transitionCase(db, { type: 'complaint', id, to: 'assigned', actorUserId: 3, now: resolvedAt });
    transitionCase(db, { type: 'complaint', id, to: 'resolved', actorUserId: 3, now: resolvedAt });
  }
  return id;
}

const statusOf = (db: Db, id: number) => caseRow(db, 'complaint', id)?.status;

describe('a citizen reopens a resolved complaint', () => {
  it.each([
    ['en', 'still not resolved', 'yes'],
    ['hinglish', 'abhi bhi paise maang rahe hain', 'haan'],
    ['hi', 'समस्या अभी भी है', 'हाँ'],
  ] as const)('%s: "%s", a summary, "%s": reopened and told so', async (lang, message, yes) => {
    const d = createDriver({ now: later(2), lang: lang as Lang });
    const id = await complaint(d.db, d.waId);
    const asked = await d.send(message);
    expect(asked.summary).toBe(true);
    expect(asked.text).toContain('HC-2026-000001');
    expect(statusOf(d.db, id)).toBe('resolved');
    const turn = await d.send(yes);
    expect(turn.intent).toBe('reopen_complaint');
    expect(turn.calls.map((c) => [c.name, c.status])).toEqual([['reopen_complaint', 'ok']]);
    expect(turn.text).toBe(catalogue.t(lang, 'tools.reopen.done', { reference: 'HC-2026-000001' }));
    expect(statusOf(d.db, id)).toBe('reopened');
    expect(caseEvents(d.db, 'complaint', id).at(-1)).toMatchObject({
      toStatus: 'reopened',
      actor: null,
      note: `Reopened by the citizen: ${message}`,
    });
  });

  it('"no" at the summary leaves the complaint resolved', async () => {
    const d = createDriver({ now: later(2), lang: 'en' });
    const id = await complaint(d.db, d.waId);
    await d.send('please reopen my complaint');
    const turn = await d.send('no');
    expect(turn.calls).toEqual([]);
    expect(statusOf(d.db, id)).toBe('resolved');
  });

  it('past COMPLAINT_REOPEN_DAYS (30) the citizen is told why and offered a person; on day 30 it still reopens', async () => {
    const late = createDriver({ now: later(31), lang: 'en' });
    const lateId = await complaint(late.db, late.waId);
    const turn = await late.send('still not resolved');
    expect(turn.summary).toBe(false);
    expect(turn.text).toContain('more than 30 days ago');
    expect(turn.text).toContain(catalogue.t('en', 'offline.reopen.offer_person'));
    expect(statusOf(late.db, lateId)).toBe('resolved');

    const onTime = createDriver({ now: later(30), lang: 'en' });
    const onTimeId = await complaint(onTime.db, onTime.waId);
    expect((await onTime.send('still not resolved')).summary).toBe(true);
    await onTime.send('yes');
    expect(statusOf(onTime.db, onTimeId)).toBe('reopened');
  });

  it('a complaint still being worked on is not reopened; the citizen is told its state', async () => {
    const d = createDriver({ now: later(2), lang: 'hinglish' });
    const id = await complaint(d.db, d.waId, 'received');
    const turn = await d.send('complaint dobara kholo');
    expect(turn.summary).toBe(false);
    expect(turn.text).toContain('hal ya band nahi hui');
    expect(statusOf(d.db, id)).toBe('received');
  });

  it('with several complaints it asks which, and reopens the one tapped', async () => {
    const d = createDriver({ now: later(2), lang: 'en' });
    const first = await complaint(d.db, d.waId);
    const second = await complaint(d.db, d.waId);
    const which = await d.send('still not resolved');
    expect(which.summary).toBe(false);
    expect(which.text).toContain(catalogue.t('en', 'tools.reopen.which'));
    expect(which.text).toContain('HC-2026-000002');
    const summary = await d.tap('reopenref:HC-2026-000001', 'HC-2026-000001');
    expect(summary.summary).toBe(true);
    expect(argsOf(summary, 'reopen_complaint')).toEqual([{ reference: 'HC-2026-000001', reason: null }]);
    await d.send('yes');
    expect([statusOf(d.db, first), statusOf(d.db, second)]).toEqual(['reopened', 'resolved']);
  });

  it('with several complaints a typed answer to "which?" is read as the reference', async () => {
    const d = createDriver({ now: later(2), lang: 'en' });
    await complaint(d.db, d.waId);
    const second = await complaint(d.db, d.waId);
    await d.send('still not resolved');
    expect((await d.send('HC-2026-000002')).summary).toBe(true);
    await d.send('yes');
    expect(statusOf(d.db, second)).toBe('reopened');
  });

  it('reads a reference in the message, and refuses another citizen’s', async () => {
    const d = createDriver({ now: later(2), lang: 'en' });
    const theirs = await complaint(d.db, '919111222333');
    const mine = await complaint(d.db, d.waId);
    const refused = await d.send('HC-2026-000001 is still not resolved');
    expect(refused.summary).toBe(false);
    expect(refused.text).toContain(
      catalogue.t('en', 'tools.reopen.not_found', { reference: 'HC-2026-000001' }),
    );
    expect(statusOf(d.db, theirs)).toBe('resolved');
    expect((await d.send('HC-2026-000002 is still not resolved')).summary).toBe(true);
    await d.send('yes');
    expect(statusOf(d.db, mine)).toBe('reopened');
  });
});

describe('while a new complaint is being filled', () => {
  it('"abhi bhi paise le rahe hain" answers its question; the resolved complaint stays resolved', async () => {
    const d = createDriver({ now: later(2), lang: 'hinglish' });
    const old = await complaint(d.db, d.waId);
    for (const m of ['hospital complaint', 'District Hospital Sitapur', 'Sitapur']) await d.send(m);
    const turn = await d.send('ward boy abhi bhi paise le rahe hain');
    expect(turn.calls.map((c) => c.name)).not.toContain('reopen_complaint');
    expect(turn.summary).toBe(false);
    expect(statusOf(d.db, old)).toBe('resolved');
    expect((d.state as { form?: { service: string } | null }).form?.service).toBe('hospital_complaint');
  });
});
