import { describe, expect, it } from 'vitest';
import { addUsers, consoleFixture, login, seedComplaint, seedHindiCase } from './test-support.js';

describe('birth applications and complaints in the per-service pages', () => {
  it('lists them at /staff/services/<id> and shows the same case at both its URLs', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const { waId, applicationId } = seedHindiCase(f.db);
    const complaint = seedComplaint(f.db, waId);
    const officer = await login(f.app, 'officer');

    const births = await (await officer.get('/staff/services/birth_certificate')).text();
    expect(births).toContain('BC-2026-000001');
    expect(births).not.toContain('HC-2026-000001');
    const complaints = await (await officer.get('/staff/services/hospital_complaint')).text();
    expect(complaints).toContain('HC-2026-000001');
    expect(complaints).not.toContain('BC-2026-000001');

    // one case, one id: the old page and the service page show the same record
    const old = await (await officer.get(`/staff/applications/${applicationId}`)).text();
    const page = await officer.get(`/staff/services/birth_certificate/${applicationId}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    for (const text of ['BC-2026-000001', 'सीमा देवी', '261001']) {
      expect(old).toContain(text);
      expect(html).toContain(text);
    }
    // a complaint's id is not a birth application
    expect((await officer.get(`/staff/services/birth_certificate/${complaint.id}`)).status).toBe(404);
    expect((await officer.get(`/staff/applications/${complaint.id}`)).status).toBe(404);
  });
});
