import { describe, expect, it } from 'vitest';
import { addUsers, consoleFixture, login, seedHindiCase, T0 } from './test-support.js';

describe('officer messages outside the 24-hour window', () => {
  it('a free-form reply is refused with the reason, and an approved template can be chosen instead', async () => {
    const f = consoleFixture();
    await addUsers(f.db);
    const seeded = seedHindiCase(f.db, { lastInboundAt: T0 - 30 * 60 * 60 * 1000 });
    const officer = await login(f.app, 'officer');
    const page = await (await officer.get(`/staff/conversations/${seeded.conversationId}`)).text();
    expect(page).toContain('more than 24 hours ago');
    expect(page).toContain(`action="/staff/conversations/${seeded.conversationId}/template"`);

    const free = await officer.post(`/staff/conversations/${seeded.conversationId}/reply`, { text: 'hello' });
    expect(free.status).toBe(409);
    expect(await free.text()).toContain('24-hour window is closed');

    const sent = await officer.post(`/staff/conversations/${seeded.conversationId}/template`, {
      purpose: 'reminder',
      text: 'आपका आवेदन BC-2026-000001 अधूरा है।\nकृपया दस्तावेज़ भेजें।',
    });
    expect(sent.status).toBe(303);
    const row = f.db.$client
      .prepare("select kind, purpose, payload from messages where direction = 'out' order by id desc limit 1")
      .get() as { kind: string; purpose: string; payload: string };
    expect(row.kind).toBe('template');
    expect(row.purpose).toBe('reminder');
    expect(JSON.parse(row.payload)).toMatchObject({
      name: 'sahayak_reminder',
      languageCode: 'hi',
      params: ['आपका आवेदन BC-2026-000001 अधूरा है। · कृपया दस्तावेज़ भेजें।'],
    });
    expect(f.wakes.count).toBe(1);
    const refused = await officer.post(`/staff/conversations/${seeded.conversationId}/template`, {
      purpose: 'anything',
      text: 'x',
    });
    expect(refused.status).toBe(400);
  });
});
