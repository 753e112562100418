import { describe, expect, it } from 'vitest';
import { checkStatus } from '../../tools/check-status.js';
import { toolContext } from '../../tools/test-context.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { createSendPreparation } from '../outbox/send-preparation.js';
import { templateParam } from '../outbox/template-fallback.js';
import { addUsers, consoleFixture, login, seedComplaint, seedHindiCase, T0 } from './test-support.js';

const outbox = (db: ReturnType<typeof consoleFixture>['db']) =>
  (
    db.$client
      .prepare(
        "select wa_id, kind, text, payload, sent_by, send_status from messages where direction = 'out' and sent_by like 'staff:%' order by id",
      )
      .all() as {
      wa_id: string;
      kind: string;
      text: string;
      payload: string;
      sent_by: string;
      send_status: string;
    }[]
  ).map((r) => ({ ...r, payload: JSON.parse(r.payload) }));

describe('cases in the console', () => {
  it('refuses a reviewer who tries to move a case (403) and leaves it untouched', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { applicationId } = seedHindiCase(f.db);
    const reviewer = await login(f.app, 'reviewer');
    const res = await reviewer.post(`/staff/applications/${applicationId}/transition`, {
      to: 'under_review',
    });
    expect(res.status).toBe(403);
    expect(
      f.db.$client.prepare("select status from cases where service = 'birth_certificate'").get(),
    ).toEqual({ status: 'submitted' });
    expect(outbox(f.db)).toEqual([]);
  });

  it('lets an officer move an application through its workflow, notifying the citizen in Hindi each time', async () => {
    const f = consoleFixture();
    const users = await addUsers(f.db);
    const { applicationId, waId } = seedHindiCase(f.db);
    const officer = await login(f.app, 'officer');
    const skip = await officer.post(`/staff/applications/${applicationId}/transition`, { to: 'approved' });
    expect(skip.status).toBe(409);
    for (const to of ['under_review', 'approved']) {
      const res = await officer.post(`/staff/applications/${applicationId}/transition`, { to, note: '' });
      expect(res.status).toBe(303);
    }
    // the citizen asking the assistant afterwards sees the new state
    const check = await checkStatus.run(
      { reference: 'BC-2026-000001' },
      toolContext(f.db, { waId, lang: 'hi', now: new Date(T0) }),
    );
    expect(check).toMatchObject({
      ok: true,
      data: {
        records: [{ reference: 'BC-2026-000001', status: 'approved', statusLabel: 'स्वीकृत' }],
        total: 1,
      },
    });
    const sent = outbox(f.db);
    expect(sent.map((m) => [m.wa_id, m.kind, m.sent_by, m.send_status])).toEqual([
      [waId, 'text', `staff:${users.officer}`, 'simulated'],
      [waId, 'text', `staff:${users.officer}`, 'simulated'],
    ]);
    expect(sent[1].text).toContain('BC-2026-000001');
    expect(sent[1].text).toContain('“स्वीकृत”');
    expect(f.wakes.count).toBe(2);
    const events = f.db.$client
      .prepare('select from_status, to_status, actor_user_id from case_events order by id')
      .all();
    expect(events).toEqual([
      { from_status: 'submitted', to_status: 'under_review', actor_user_id: users.officer },
      { from_status: 'under_review', to_status: 'approved', actor_user_id: users.officer },
    ]);
    const audits = f.db.$client
      .prepare(
        "select action, target_id from audit_log where action like 'case.%' and action != 'case.view' order by id",
      )
      .all();
    expect(audits).toEqual([
      { action: 'case.transition', target_id: String(applicationId) },
      { action: 'case.transition', target_id: String(applicationId) },
    ]);
  });

  it('needs a reason to reject, and sends the reason to the citizen', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { applicationId } = seedHindiCase(f.db, { language: 'en' });
    const officer = await login(f.app, 'officer');
    expect(
      (await officer.post(`/staff/applications/${applicationId}/transition`, { to: 'rejected', note: '' }))
        .status,
    ).toBe(409);
    expect(
      (
        await officer.post(`/staff/applications/${applicationId}/transition`, {
          to: 'rejected',
          note: 'Hospital record does not match',
        })
      ).status,
    ).toBe(303);
    const [msg] = outbox(f.db);
    expect(msg.text).toContain('Reason: Hospital record does not match');
    expect(
      f.db.$client
        .prepare("select status, rejection_reason from cases where service = 'birth_certificate'")
        .get(),
    ).toEqual({
      status: 'rejected',
      rejection_reason: 'Hospital record does not match',
    });
  });

  it('outside the 24-hour window the update goes as the configured status-update template', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { applicationId, waId } = seedHindiCase(f.db, { lastInboundAt: T0 - 25 * 60 * 60 * 1000 });
    const officer = await login(f.app, 'officer');
    await officer.post(`/staff/applications/${applicationId}/transition`, { to: 'under_review' });
    const update =
      'आपके जन्म प्रमाण पत्र आवेदन BC-2026-000001 की नई जानकारी: अब स्थिति “जाँच चल रही है” है।\n' +
      loadCatalogue().t('hi', 'case.application.under_review.next');
    // queued as the message itself, tagged: the outbox decides at send time (README "The 24-hour window")
    const [row] = f.db.$client
      .prepare(
        "select id, kind, text, purpose from messages where direction = 'out' and wa_id = ? and sent_by like 'staff:%'",
      )
      .all(waId) as { id: number; kind: string; text: string; purpose: string }[];
    expect(row).toEqual({ id: expect.any(Number), kind: 'text', text: update, purpose: 'status_update' });
    const templates = {
      templates: { status_update: 'dept_status', payment_receipt: 'dept_receipt', reminder: 'dept_reminder' },
      templateLanguages: { hi: 'hi', en: 'en_US', hinglish: 'en_US' },
    } as const;
    const prepare = createSendPreparation({
      db: f.db,
      catalogue: loadCatalogue(),
      now: () => T0,
      settings: templates,
    });
    expect(await prepare.prepare({ id: row!.id, waId }, { kind: 'text', text: update })).toEqual({
      kind: 'template',
      name: 'dept_status',
      languageCode: 'hi',
      params: [templateParam(update)],
      text: update,
    });
  });

  it('assigns a complaint (its status does not move), keeps internal notes, and highlights overdue cases', async () => {
    const f = consoleFixture();
    const users = await addUsers(f.db);
    const { waId } = seedHindiCase(f.db);
    const complaint = seedComplaint(f.db, waId);
    const officer = await login(f.app, 'officer');
    expect(
      (await officer.post(`/staff/complaints/${complaint.id}/assign`, { assignee: String(users.officer) }))
        .status,
    ).toBe(303);
    expect(
      (await officer.post(`/staff/complaints/${complaint.id}/notes`, { body: 'Called the CMO <b>today</b>' }))
        .status,
    ).toBe(303);
    // "Assign to me" assigns; moving the case is a workflow button of its own
    expect(
      f.db.$client
        .prepare("select status, assigned_to from cases where service = 'hospital_complaint'")
        .get(),
    ).toEqual({
      status: 'received',
      assigned_to: users.officer,
    });
    expect(outbox(f.db)).toEqual([]);
    const detail = await (await officer.get(`/staff/complaints/${complaint.id}`)).text();
    expect(detail).toContain('Called the CMO &lt;b&gt;today&lt;/b&gt;');
    const queue = await (await officer.get('/staff/applications?status=open')).text();
    expect(queue).toMatch(/<tr class="overdue">[\s\S]*BC-2026-000001[\s\S]*overdue/);
    expect(await (await officer.get('/staff/applications?assigned=me')).text()).not.toContain(
      'BC-2026-000001',
    );
  });
});
