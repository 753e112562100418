import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedSahayak, serveSahayak } from '../testing/serve-sahayak.js';
import { addUsers, consoleFixture, login, seedHindiCase } from './test-support.js';

const audits = (db: ReturnType<typeof consoleFixture>['db']) =>
  db.$client.prepare('select user_id, action, target_type, detail from audit_log order by id').all() as {
    user_id: number | null;
    action: string;
    target_type: string;
    detail: string;
  }[];

describe('staff search with NUL and other control characters', () => {
  it.each(['%00%00', '%00', '%00abc%01', '%7F%1B%5B2J', '%C2%85%00%00%00'])(
    '?q=%s is a 200, not a 500',
    async (q) => {
      const f = consoleFixture();
      await addUsers(f.db);
      seedHindiCase(f.db);
      const reviewer = await login(f.app, 'reviewer');
      const res = await reviewer.get(`/staff/conversations?q=${q}`);
      expect(res.status).toBe(200);
    },
  );

  it('a control character inside real words still finds them', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    seedHindiCase(f.db);
    const reviewer = await login(f.app, 'reviewer');
    const page = await (
      await reviewer.get(`/staff/conversations?q=${encodeURIComponent('जन्म\u0000')}`)
    ).text();
    expect(page).toContain('/staff/conversations/1');
  });
});

describe('audit rows for every list and search of personal data', () => {
  it('conversation list and search, case lists and the handoff queue each write one row', async () => {
    const f = consoleFixture();
    const users = await addUsers(f.db);
    seedHindiCase(f.db);
    const officer = await login(f.app, 'officer');
    for (const path of [
      '/staff/conversations',
      `/staff/conversations?q=${encodeURIComponent('प्रमाण')}`,
      '/staff/applications',
      '/staff/complaints?status=received',
      '/staff/handoffs',
    ])
      expect((await officer.get(path)).status).toBe(200);
    const rows = audits(f.db).filter((r) => r.action !== 'login');
    expect(rows.map((r) => [r.user_id, r.action])).toEqual([
      [users.officer, 'conversation.list'],
      [users.officer, 'conversation.search'],
      [users.officer, 'case.list'],
      [users.officer, 'case.list'],
      [users.officer, 'handoff.list'],
    ]);
    expect(JSON.parse(rows[1].detail)).toEqual({ query: { q: 'प्रमाण' } });
    expect(JSON.parse(rows[3].detail)).toEqual({ query: { status: 'received' } });
  });
});

describe('audit rows for /api reads (real server)', () => {
  let s: ServedSahayak;
  beforeAll(async () => {
    s = await serveSahayak({ STAFF_API_TOKEN: 'api-token' });
  });
  afterAll(() => s.close());

  it('each successful read is one api.read row; refused ones write nothing', async () => {
    const auth = { authorization: 'Bearer api-token' };
    expect((await fetch(`${s.base}/api/applications?phone=919876545678`, { headers: auth })).status).toBe(
      200,
    );
    expect((await fetch(`${s.base}/api/conversations/919876545678/messages`, { headers: auth })).status).toBe(
      200,
    );
    expect((await fetch(`${s.base}/api/complaints`)).status).toBe(401);
    const rows = s.sahayak.db.$client
      .prepare('select user_id, action, target_id, detail from audit_log order by id')
      .all() as { user_id: null; action: string; target_id: string; detail: string }[];
    expect(rows.map((r) => [r.action, r.target_id])).toEqual([
      ['api.read', '/api/applications'],
      ['api.read', '/api/conversations/919876545678/messages'],
    ]);
    expect(JSON.parse(rows[0].detail)).toMatchObject({ query: { phone: '919876545678' } });
  });
});
