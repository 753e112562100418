// A citizen reopening a complaint at the moment an officer moves it (PostgreSQL, where the two
// run at once): the officer's move stands, nothing of the reopening is written, and the citizen
// is told what happened instead of the turn failing.
import { describe, expect, it } from 'vitest';
import { exec, rows } from '../src/storage/operation.js';
import type { PgStore } from '../src/storage/pg-store.js';
import { pgSkipNote, pgTestServer } from '../src/testing/pg-test-database.js';
import { useStore } from '../src/testing/store-dialects.js';
import { defaultFeeSchedule } from './fee-schedule.js';
import { reopenComplaint } from './reopen-complaint.js';
import type { ToolContext } from './tool.js';

const WA = '919876500001';
const NOW = new Date('2026-06-05T04:30:00Z');

describe.skipIf(!pgTestServer.available)(`reopen_complaint racing an officer${pgSkipNote}`, () => {
  const store = useStore('postgres');

  it('the officer moves it first: the citizen is told, and no reopening is written', async () => {
    const s = store() as PgStore;
    const at = NOW.getTime() - 60_000;
    const id = await s.transaction(function* ({ db, t }) {
      const [row] = yield* rows(
        db
          .insert(t.cases)
          .values({
            service: 'hospital_complaint',
            reference: 'HC-2026-000001',
            waId: WA,
            status: 'resolved',
            language: 'en',
            fields: { hospitalName: 'CHC Biswan', district: 'Sitapur', category: 'other' },
            statusAt: at,
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: t.cases.id }),
      );
      if (!row) throw new Error('no case');
      yield* exec(
        db
          .insert(t.caseEvents)
          .values({ caseType: 'case', caseId: row.id, toStatus: 'resolved', createdAt: at }),
      );
      return row.id;
    });
    const ctx: ToolContext = {
      store: s,
      waId: WA,
      lang: 'en',
      now: NOW,
      inboundId: 0,
      conversationId: null,
      publicBaseUrl: 'https://sahayak.example',
      upi: { payeeVpa: 'health.dept@sbi', payeeName: 'District Health Office' },
      fees: defaultFeeSchedule,
    };
    // the officer's move holds the row; the citizen's reopening reads "resolved" and waits on it
    const officer = await s.db.$client.connect();
    try {
      await officer.query('begin');
      await officer.query(`update cases set status = 'closed' where id = $1`, [id]);
      const reopening = reopenComplaint.run({ reference: 'HC-2026-000001', reason: null }, ctx);
      await new Promise((r) => setTimeout(r, 300));
      await officer.query('commit');
      const r = await reopening;
      expect(r).toMatchObject({ ok: false, error: { code: 'changed' } });
      if (!r.ok) expect(r.error.message).toContain('HC-2026-000001');
    } finally {
      officer.release();
    }
    const after = await s.read(function* ({ db, t }) {
      const c = yield* rows(db.select({ status: t.cases.status }).from(t.cases));
      const events = yield* rows(db.select({ to: t.caseEvents.toStatus }).from(t.caseEvents));
      const audit = yield* rows(db.select({ action: t.auditLog.action }).from(t.auditLog));
      return { c, events, audit };
    });
    expect(after.c).toEqual([{ status: 'closed' }]);
    expect(after.events).toEqual([{ to: 'resolved' }]);
    expect(after.audit).toEqual([]);
  });
});
