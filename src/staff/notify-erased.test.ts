import { describe, expect, it } from 'vitest';
import { eraseCitizen } from '../privacy/erase-citizen.js';
import { addUsers, consoleFixture, login, seedHindiCase, T0 } from './test-support.js';

describe('a case update for a citizen who erased their data', () => {
  it('sends nothing to the pseudonym and tells staff the citizen cannot be notified', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { waId, applicationId } = seedHindiCase(f.db);
    f.db.transaction((tx) => eraseCitizen(tx, waId, T0));
    const officer = await login(f.app, 'officer');
    const res = await officer.post(`/staff/applications/${applicationId}/transition`, {
      to: 'under_review',
      note: '',
    });
    expect(res.status).toBe(303);
    expect(decodeURIComponent(res.headers.get('location') ?? '')).toContain('cannot be notified');
    const out = f.db.$client
      .prepare(`select count(*) n from messages where direction = 'out' and wa_id like 'erased:%'`)
      .get() as { n: number };
    expect(out.n).toBe(0);
    const status = f.db.$client.prepare('select status from cases where id = ?').get(applicationId);
    expect(status).toEqual({ status: 'under_review' });
  });
});
