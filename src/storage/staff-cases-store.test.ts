// The case queue, dashboard and JSON API operations, written once, on SQLite and a real PostgreSQL.
import { describe, expect, it } from 'vitest';
import { listCaseItems } from '../http/api-cases.js';
import { conversationMessages, listApplications, listComplaints, listPayments } from '../http/api-queries.js';
import { services } from '../services/registry.js';
import { addStaffUser } from '../staff/accounts.js';
import { auditPage } from '../staff/audit.js';
import { addCaseNote, assignCase } from '../staff/case-actions.js';
import { activeOfficers, caseEventsOf, caseNotesOf, caseQueue } from '../staff/case-queries.js';
import type { StaffDeps } from '../staff/context.js';
import { dashboardStats } from '../staff/dashboard-stats.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { seedCaseOp } from '../testing/seed-case.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { exec, rows } from './operation.js';

const T0 = Date.parse('2026-11-20T10:00:00+05:30');
const DAY = 24 * 60 * 60 * 1000;

const birth = (childName: string, district: string) => ({
  childName,
  sex: 'female',
  dateOfBirth: '2026-11-01',
  placeOfBirthType: 'hospital',
  placeOfBirth: 'District Hospital',
  motherName: 'Sita',
  fatherName: 'Ram',
  address: 'Ward 4',
  district,
  pinCode: '800001',
});

const addCase = seedCaseOp;

describe.each(testDialects)(`case queue, dashboard and API on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  async function seed() {
    const s = store();
    const officer = await addStaffUser(
      s,
      { username: 'asha', role: 'officer', password: 'long enough pw' },
      T0,
      {
        N: 1024,
      },
    );
    const overdue = await s.read(
      addCase({
        service: 'birth_certificate',
        reference: 'BC-2026-000001',
        waId: '915000000001',
        status: 'submitted',
        fields: birth('Anaya', 'Patna'),
        at: T0 - 3 * DAY,
        slaDueAt: T0 - DAY,
        assignedTo: officer,
      }),
    );
    const later = await s.read(
      addCase({
        service: 'birth_certificate',
        reference: 'BC-2026-000002',
        waId: '915000000002',
        status: 'under_review',
        fields: birth('Veer', 'Gaya'),
        at: T0 - DAY,
        slaDueAt: T0 + 5 * DAY,
      }),
    );
    const noSla = await s.read(
      addCase({
        service: 'birth_certificate',
        reference: 'BC-2026-000003',
        waId: '915000000001',
        status: 'certificate_issued',
        fields: birth('Mira', 'patna rural'),
        at: T0 - 2 * DAY,
      }),
    );
    await s.read(
      addCase({
        service: 'hospital_complaint',
        reference: 'HC-2026-000001',
        waId: '915000000003',
        status: 'received',
        fields: { hospitalName: 'PMCH', district: 'Patna', category: 'staff_behaviour', description: 'rude' },
        at: T0 - DAY,
        slaDueAt: T0 - 1,
      }),
    );
    return { officer, overdue, later, noSla };
  }

  it('case queue: overdue first, then nearest due, no SLA last; filters; JSON fields read per dialect', async () => {
    const s = store();
    const { officer, overdue, later, noSla } = await seed();
    const queue = await s.read(caseQueue('application', {}, officer, T0));
    expect(queue.map((r) => r.id)).toEqual([overdue, later, noSla]);
    expect(queue[0]).toMatchObject({
      reference: 'BC-2026-000001',
      summary: 'Anaya · 2026-11-01',
      district: 'Patna',
      assignee: 'asha',
      slaDueAt: T0 - DAY,
      createdAt: T0 - 3 * DAY,
    });
    const ids = async (f: Parameters<typeof caseQueue>[1]) =>
      (await s.read(caseQueue('application', f, officer, T0))).map((r) => r.id);
    expect(await ids({ status: 'open' })).toEqual([overdue, later]);
    expect(await ids({ assigned: 'me' })).toEqual([overdue]);
    expect(await ids({ assigned: 'unassigned' })).toEqual([later, noSla]);
    expect(await ids({ overdue: true })).toEqual([overdue]);
    // district whatever the case, as SQLite's LIKE matched it
    expect(await ids({ q: 'PATNA' })).toEqual([overdue, noSla]);
    expect(await ids({ q: '000002' })).toEqual([later]);
    expect(await ids({ q: '100%' })).toEqual([]);
    expect((await s.read(caseQueue('complaint', {}, officer, T0)))[0]?.summary).toBe(
      'PMCH · staff_behaviour',
    );
    expect((await s.read(caseEventsOf(overdue))).map((e) => e.toStatus)).toEqual(['submitted']);
    expect(await s.read(activeOfficers())).toEqual([{ id: officer, username: 'asha', displayName: null }]);
  });

  it('dashboard: counts per IST day, rates, open and overdue cases, cases per service', async () => {
    const s = store();
    await seed();
    await s.read(function* ({ db, t }) {
      for (const [i, outcome] of ['completed', 'abandoned', null].entries()) {
        const [c] = yield* rows(
          db
            .insert(t.conversations)
            .values({
              waId: `91600000000${i}`,
              startedAt: T0 - i * DAY,
              lastMessageAt: T0 - i * DAY,
              language: i === 2 ? 'en' : 'hi',
              service: outcome ? 'birth_certificate' : null,
              outcome: outcome as 'completed' | null,
            })
            .returning({ id: t.conversations.id }),
        );
        const [m] = yield* rows(
          db
            .insert(t.messages)
            .values({
              waId: `91600000000${i}`,
              conversationId: c?.id,
              direction: 'in',
              kind: 'text',
              text: 'x',
              wamid: `w${i}`,
              createdAt: T0 - i * DAY,
            })
            .returning({ id: t.messages.id }),
        );
        yield* exec(
          db.insert(t.turns).values({
            inboundId: m?.id ?? 0,
            conversationId: c?.id ?? 0,
            waId: `91600000000${i}`,
            engine: 'offline',
            fellBack: i === 0,
            latencyMs: 1,
            promptTokens: 0,
            completionTokens: 0,
            steps: [],
            createdAt: T0 - i * DAY,
          }),
        );
      }
      yield* exec(db.insert(t.citizens).values({ waId: '917000000001', handoff: 'queued', createdAt: T0 }));
    });
    const d = await s.read(dashboardStats(T0, 7));
    expect(d.days).toHaveLength(7);
    expect(d.days.at(-1)).toBe('2026-11-20');
    expect(d.messagesPerDay.slice(-3)).toEqual([1, 1, 1]);
    expect(d.conversationsPerDay).toEqual([0, 0, 0, 0, 1, 1, 1]);
    expect(d.conversations).toBe(3);
    expect(d.completionRate).toBe(0.5);
    expect(d.fallbackRate).toBeCloseTo(1 / 3);
    expect(d.turns).toBe(3);
    expect(d.languages).toEqual([
      { label: 'hi', value: 2 },
      { label: 'en', value: 1 },
    ]);
    expect(d.services).toEqual([{ label: 'birth_certificate', value: 2 }]);
    expect(d.openApplications).toEqual([
      { label: 'submitted', value: 1 },
      { label: 'under_review', value: 1 },
      { label: 'approved', value: 0 },
    ]);
    expect(d.openComplaints.find((c) => c.label === 'received')?.value).toBe(1);
    expect(d.overdue).toEqual({ applications: 1, complaints: 1 });
    expect(d.handoffsWaiting).toBe(1);
    const birthCases = d.casesPerService.find(
      (c) => c.label === services.find((x) => x.id === 'birth_certificate')?.names.en,
    );
    expect(birthCases?.value).toBe(3);
  });

  it('JSON API: applications, complaints, cases and payments in the DESIGN.md shapes', async () => {
    const s = store();
    await seed();
    const apps = await s.read(listApplications({ limit: 10 }));
    expect(apps.map((a) => a.reference)).toEqual(['BC-2026-000002', 'BC-2026-000003', 'BC-2026-000001']);
    expect(apps[0]).toMatchObject({
      childName: 'Veer',
      phone: '915000000002',
      createdAt: new Date(T0 - DAY).toISOString(),
    });
    expect(
      (await s.read(listApplications({ phone: '915000000001', status: 'submitted', limit: 10 }))).length,
    ).toBe(1);
    const complaints = await s.read(listComplaints({ limit: 10 }));
    expect(complaints).toMatchObject([{ reference: 'HC-2026-000001', hospitalName: 'PMCH', photos: [] }]);
    const items = await s.read(listCaseItems({ limit: 2 }, services));
    expect(items.map((i) => i.reference)).toEqual(['HC-2026-000001', 'BC-2026-000002']);
    expect(items[1]?.fields).toMatchObject({ childName: 'Veer', district: 'Gaya' });
    await s.read(function* ({ db, t }) {
      for (const [i, status] of (['pending', 'paid'] as const).entries()) {
        yield* exec(
          db.insert(t.payments).values({
            reference: `PAY-${i}`,
            waId: '915000000001',
            purpose: 'birth_certificate_copy',
            amountPaise: 5000,
            status,
            upiUri: 'upi://pay?x',
            mediaToken: `tok${i}`,
            createdAt: T0 + i,
          }),
        );
      }
    });
    expect((await s.read(listPayments({ limit: 10 }))).map((p) => p.reference)).toEqual(['PAY-1', 'PAY-0']);
    expect(await s.read(listPayments({ status: 'paid', limit: 10 }))).toMatchObject([
      { reference: 'PAY-1', amountPaise: 5000 },
    ]);
  });

  it("JSON API transcript: the latest messages newest first, a turn's tool calls on its first reply only", async () => {
    const s = store();
    await s.read(function* ({ db, t }) {
      const waId = '918000000001';
      const [c] = yield* rows(
        db
          .insert(t.conversations)
          .values({ waId, startedAt: T0, lastMessageAt: T0 })
          .returning({ id: t.conversations.id }),
      );
      const [inbound] = yield* rows(
        db
          .insert(t.messages)
          .values({
            waId,
            conversationId: c?.id,
            direction: 'in',
            kind: 'text',
            text: 'hi',
            wamid: 'w1',
            createdAt: T0,
          })
          .returning({ id: t.messages.id }),
      );
      const [turn] = yield* rows(
        db
          .insert(t.turns)
          .values({
            inboundId: inbound?.id ?? 0,
            conversationId: c?.id ?? 0,
            waId,
            engine: 'openai',
            latencyMs: 1,
            promptTokens: 0,
            completionTokens: 0,
            steps: [
              {
                toolCalls: [
                  {
                    name: 'lookup',
                    arguments: '{"a":1}',
                    parsedArguments: { a: 1 },
                    result: { ok: true },
                    status: 'ok',
                  },
                ],
              },
            ],
            createdAt: T0,
          })
          .returning({ id: t.turns.id }),
      );
      for (const text of ['one', 'two']) {
        yield* exec(
          db.insert(t.messages).values({
            waId,
            conversationId: c?.id,
            direction: 'out',
            kind: 'text',
            text,
            turnId: turn?.id,
            createdAt: T0 + 1,
          }),
        );
      }
    });
    const items = await s.read(conversationMessages('918000000001', 10));
    expect(items.map((i) => i.text)).toEqual(['two', 'one', 'hi']);
    expect(items[1]).toMatchObject({
      engine: 'openai',
      toolCalls: [{ name: 'lookup', arguments: { a: 1 }, result: { ok: true } }],
    });
    expect(items[0]?.toolCalls).toBeUndefined();
    expect((await s.read(conversationMessages('918000000001', 2))).map((i) => i.text)).toEqual([
      'two',
      'one',
    ]);
  });

  it('case actions: assignment only to an active officer, notes; each with its audit row in one transaction', async () => {
    const s = store();
    const { officer, later } = await seed();
    const reviewer = await addStaffUser(
      s,
      { username: 'ravi', role: 'reviewer', password: 'long enough pw' },
      T0,
      {
        N: 1024,
      },
    );
    // only what the case actions use of the console's deps
    const deps = { store: s, now: () => T0 } as unknown as StaffDeps;
    const actor = { id: officer };
    await expect(
      assignCase(deps, { type: 'application', id: later, assigneeId: reviewer, actor }),
    ).rejects.toThrow(/active officer/);
    await expect(
      assignCase(deps, { type: 'complaint', id: later, assigneeId: officer, actor }),
    ).rejects.toThrow(/no complaint/);
    expect(await s.read(auditPage(Number.MAX_SAFE_INTEGER, 'case.'))).toEqual([]);
    await assignCase(deps, { type: 'application', id: later, assigneeId: officer, actor });
    expect(
      (await s.read(caseQueue('application', { assigned: 'me' }, officer, T0))).map((r) => r.id),
    ).toContain(later);
    await addCaseNote(deps, { type: 'application', id: later, body: 'called the hospital', actor });
    expect(await s.read(caseNotesOf(later))).toMatchObject([
      { body: 'called the hospital', author: 'asha', createdAt: T0 },
    ]);
    const audited = await s.read(auditPage(Number.MAX_SAFE_INTEGER, 'case.'));
    expect(audited.map((a) => a.action)).toEqual(['case.note', 'case.assign']);
    expect(JSON.parse(audited[1]?.detail ?? '{}')).toEqual({
      reference: 'BC-2026-000002',
      from: null,
      to: officer,
    });
  });
});
