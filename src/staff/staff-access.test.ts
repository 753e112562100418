import { describe, expect, it } from 'vitest';
import { addUsers, consoleFixture, login, seedHindiCase } from './test-support.js';

const auditActions = (db: ReturnType<typeof consoleFixture>['db']) =>
  (db.$client.prepare('select action from audit_log order by id').all() as { action: string }[]).map(
    (r) => r.action,
  );

describe('staff access', () => {
  it('sends a visitor without a session to the login page', async () => {
    const { app } = consoleFixture();
    const res = await app.request('/staff/conversations');
    expect([res.status, res.headers.get('location')]).toEqual([303, '/staff/login']);
  });

  it('logs in with an HttpOnly SameSite cookie (Secure when configured) and stores only its hash', async () => {
    const { app, db } = consoleFixture({ secureCookies: true });
    await addUsers(db);
    const form = await app.request('/staff/login');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1];
    const loginCookie = form.headers.getSetCookie()[0].split(';')[0];
    const res = await app.request('/staff/login', {
      method: 'POST',
      headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, username: 'officer', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('sahayak_staff='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(session).toMatch(/Secure/);
    const token = session.split(';')[0].split('=')[1];
    const stored = db.$client.prepare('select token_hash from staff_sessions').all() as {
      token_hash: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0].token_hash).not.toBe(token);
    expect(auditActions(db)).toEqual(['login']);
  });

  it('answers an unknown username like a wrong password', async () => {
    const { app, db } = consoleFixture();
    await addUsers(db);
    expect((await login(app, 'nobody')).status).toBe(401);
    expect((await login(app, 'officer', 'not the password')).status).toBe(401);
  });

  it('refuses a login POST without the CSRF token', async () => {
    const { app, db } = consoleFixture();
    await addUsers(db);
    const res = await app.request('/staff/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ username: 'officer', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(403);
  });

  it('throttles a username after 5 failures in 15 minutes, even with the right password, then lets it in', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(f.app, 'officer', 'wrong password!')).status);
    statuses.push((await login(f.app, 'officer')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    f.clock.now += 15 * 60 * 1000 + 1;
    expect((await login(f.app, 'officer')).status).toBe(303);
    expect(auditActions(f.db).filter((a) => a.startsWith('login'))).toEqual([
      ...Array(5).fill('login.failed'),
      'login.throttled',
      'login',
    ]);
  });

  it('refuses any console POST without the session CSRF token (403) and changes nothing', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { applicationId } = seedHindiCase(f.db);
    const officer = await login(f.app, 'officer');
    const res = await officer.post(
      `/staff/applications/${applicationId}/transition`,
      { to: 'under_review' },
      false,
    );
    expect(res.status).toBe(403);
    const bad = await officer.post(
      `/staff/applications/${applicationId}/transition`,
      { to: 'under_review', _csrf: 'forged' },
      false,
    );
    expect(bad.status).toBe(403);
    expect(
      f.db.$client.prepare("select status from cases where service = 'birth_certificate'").get(),
    ).toEqual({ status: 'submitted' });
  });

  it('masks phone numbers for reviewers and shows them to officers, auditing both views', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { conversationId, applicationId } = seedHindiCase(f.db);
    const reviewer = await login(f.app, 'reviewer');
    const list = await (await reviewer.get('/staff/conversations')).text();
    expect(list).toContain('91••••••5678');
    expect(list).not.toContain('919876545678');
    const asReviewer = await (await reviewer.get(`/staff/conversations/${conversationId}`)).text();
    expect(asReviewer).toContain('91••••••5678');
    expect(asReviewer).not.toContain('919876545678');
    const caseAsReviewer = await (await reviewer.get(`/staff/applications/${applicationId}`)).text();
    expect(caseAsReviewer).toContain('91••••••5678');
    expect(caseAsReviewer).not.toContain('919876545678');
    const officer = await login(f.app, 'officer');
    expect(await (await officer.get(`/staff/conversations/${conversationId}`)).text()).toContain(
      '+919876545678',
    );
    expect(auditActions(f.db).filter((a) => !a.startsWith('login'))).toEqual([
      'conversation.list',
      'transcript.view',
      'case.view',
      'transcript.view.full_phone',
    ]);
  });

  it('lets only admins manage accounts and read the audit log', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const officer = await login(f.app, 'officer');
    expect((await officer.get('/staff/audit')).status).toBe(403);
    expect(
      (await officer.post('/staff/users', { username: 'x1', role: 'admin', password: 'longenough1' })).status,
    ).toBe(403);
    const admin = await login(f.app, 'admin');
    const created = await admin.post('/staff/users', {
      username: 'meera',
      role: 'reviewer',
      password: 'longenough1',
    });
    expect(created.status).toBe(303);
    const page = await (await admin.get('/staff/audit')).text();
    expect(page).toContain('account.create');
    expect((await login(f.app, 'meera', 'longenough1')).status).toBe(303);
  });

  it('ends the session at logout', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const officer = await login(f.app, 'officer');
    expect((await officer.post('/staff/logout', {})).status).toBe(303);
    expect((await officer.get('/staff')).status).toBe(303);
    expect(auditActions(f.db)).toEqual(['login', 'logout']);
  });
});
