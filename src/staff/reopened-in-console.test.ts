import { describe, expect, it } from 'vitest';
import { reopenComplaint } from '../../tools/reopen-complaint.js';
import { toolContext } from '../../tools/test-context.js';
import { transitionCase } from '../cases/transition-case.js';
import { addUsers, consoleFixture, login, seedComplaint, T0 } from './test-support.js';

// Issue 10: a complaint the citizen reopens is in front of staff: in the open queue as
// reopened, with the citizen's reason in the case history.
describe('a complaint reopened by its citizen, in the staff console', () => {
  it('is listed as reopened in the open queue, and its history says the citizen reopened it and why', async () => {
    const f = consoleFixture();
    const users = await addUsers(f.db);
    const waId = '919812345678';
    const id = seedComplaint(f.db, waId).id;
    for (const to of ['assigned', 'resolved']) {
      transitionCase(f.db, { type: 'complaint', id, to, actorUserId: users.officer, now: new Date(T0) });
    }
    const r = await reopenComplaint.run(
      { reference: null, reason: 'ward abhi bhi gandi hai' },
      toolContext(f.db, { waId, lang: 'hinglish', now: new Date(T0 + 86_400_000) }),
    );
    expect(r.ok).toBe(true);
    const officer = await login(f.app, 'officer');
    const queue = await (await officer.get('/staff/complaints?status=open')).text();
    // the row of the case itself, not the status filter's options
    const row = /<tr[^>]*>(?:(?!<\/tr>)[\s\S])*HC-2026-000001[\s\S]*?<\/tr>/.exec(queue)?.[0] ?? '';
    expect(row).toMatch(/reopened/i);
    const page = await (await officer.get(`/staff/complaints/${id}`)).text();
    expect(page).toContain('Reopened by the citizen: ward abhi bhi gandi hai');
  });
});
