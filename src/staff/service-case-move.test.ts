// Moving a case from its service page (/staff/services/<service>/<id>): what the citizen is
// told, what the audit says, and two officers at once; on either database.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newPseudonym } from '../privacy/erase-citizen.js';
import { first, type Op, rows } from '../storage/operation.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { seedCaseOp as seedCase } from '../testing/seed-case.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { auditTrail, consoleOnStore, outboundTo, seedCitizenOp } from './console-on-store.js';
import { T0 } from './test-support.js';

const WA = '919800000021';

/** A case as filed (its first event included), in English, at T0. */
const seedCaseOp = (o: {
  service: string;
  waId: string;
  status: string;
  fields: object;
  reference?: string;
}) =>
  seedCase({
    ...o,
    reference: o.reference ?? (o.service === 'hospital_complaint' ? 'HC-2026-000007' : 'CC-2026-000007'),
    language: 'en',
    at: T0,
  });

const caste = { applicantName: 'Ramesh Kumar', caste: 'Kurmi', category: 'obc' };
const complaint = {
  hospitalName: 'CHC Biswan',
  district: 'Sitapur',
  category: 'cleanliness',
  description: 'The ward was not cleaned for days.',
  incidentDate: null,
  anonymous: false,
};

const caseState = (id: number) =>
  function* ({ db, t }: Parameters<Op<unknown>>[0]) {
    return yield* first(
      db
        .select({ status: t.cases.status, assignedTo: t.cases.assignedTo })
        .from(t.cases)
        .where(eq(t.cases.id, id)),
    );
  };

describe.each(testDialects)(`moving a service case on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  it('the update is tagged as a status update (a template if the window closes first); the audit keeps the note', async () => {
    const s = store();
    const { ids, asha } = await consoleOnStore(s);
    await s.transaction(seedCitizenOp({ waId: WA, language: 'en' }));
    const id = await s.transaction(
      seedCaseOp({ service: 'caste_certificate', waId: WA, status: 'submitted', fields: caste }),
    );
    const res = await asha.post(`/staff/services/caste_certificate/${id}/transition`, {
      to: 'rejected',
      note: 'The caste certificate of the father is missing',
    });
    expect(res.status).toBe(303);
    const out = await s.read(outboundTo(WA));
    expect(out.map((m) => [m.kind, m.purpose, m.sentBy])).toEqual([
      ['text', 'status_update', `staff:${ids.asha}`],
    ]);
    expect(out[0]?.text).toContain('Reason: The caste certificate of the father is missing');
    const moves = (await s.read(auditTrail())).filter((a) => a.action === 'case.transition');
    expect(moves.map((a) => a.detail)).toEqual([
      {
        reference: 'CC-2026-000007',
        from: 'submitted',
        to: 'rejected',
        note: 'The caste certificate of the father is missing',
        outbox: [expect.any(Number)],
      },
    ]);
  });

  it('a citizen who erased their data is sent nothing, and the officer is told so', async () => {
    const s = store();
    const { asha } = await consoleOnStore(s);
    const pseudonym = newPseudonym();
    const id = await s.transaction(
      seedCaseOp({ service: 'caste_certificate', waId: pseudonym, status: 'submitted', fields: caste }),
    );
    const res = await asha.post(`/staff/services/caste_certificate/${id}/transition`, { to: 'under_review' });
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toContain(
      'the citizen erased their data and cannot be notified',
    );
    expect(await s.read(outboundTo(pseudonym))).toEqual([]);
    expect(await s.read(caseState(id))).toEqual({ status: 'under_review', assignedTo: null });
  });

  it('a complaint moved to "assigned" from its service page has an officer', async () => {
    const s = store();
    const { ids, asha } = await consoleOnStore(s);
    await s.transaction(seedCitizenOp({ waId: WA }));
    const id = await s.transaction(
      seedCaseOp({ service: 'hospital_complaint', waId: WA, status: 'received', fields: complaint }),
    );
    expect(
      (await asha.post(`/staff/services/hospital_complaint/${id}/transition`, { to: 'assigned' })).status,
    ).toBe(303);
    expect(await s.read(caseState(id))).toEqual({ status: 'assigned', assignedTo: ids.asha });
  });

  it('two officers move one case at once, on either page: one move, the other a 409 (never a 500 or a 404)', async () => {
    const s = store();
    const { asha, ravi } = await consoleOnStore(s);
    await s.transaction(seedCitizenOp({ waId: WA }));
    for (const [n, page] of ['services/hospital_complaint', 'complaints'].entries()) {
      const id = await s.transaction(
        seedCaseOp({
          service: 'hospital_complaint',
          waId: WA,
          status: 'received',
          fields: complaint,
          reference: `HC-2026-00001${n}`,
        }),
      );
      const path = `/staff/${page}/${id}/transition`;
      const statuses = await Promise.all([
        asha.post(path, { to: 'assigned' }),
        ravi.post(path, { to: 'assigned' }),
      ]);
      expect(statuses.map((r) => r.status).sort(), page).toEqual([303, 409]);
      const events = await s.read(function* ({ db, t }) {
        return yield* rows(db.select().from(t.caseEvents).where(eq(t.caseEvents.caseId, id)));
      });
      // the filing's event and one move, not two
      expect(
        events.map((e) => e.toStatus),
        page,
      ).toEqual(['received', 'assigned']);
    }
  });
});
