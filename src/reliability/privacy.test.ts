import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook } from '../http/webhook-whatsapp.js';
import { textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { capturedLogger, catalogue, createHarness } from './harness.js';

const count = (h: ReturnType<typeof createHarness>, sql: string, ...args: unknown[]) =>
  (h.db.$client.prepare(sql).get(...args) as { n: number }).n;

describe('first-contact privacy notice', () => {
  it('comes with the first reply only, in the citizen’s language', async () => {
    const h = createHarness();
    const notice = (lang: 'hi' | 'en' | 'hinglish') => catalogue().t(lang, 'runtime.privacy_notice');
    expect(await h.say('919866600101', 'मुझे मदद चाहिए')).toContain(notice('hi'));
    expect(await h.say('919866600101', 'मुझे मदद चाहिए')).not.toContain(notice('hi'));
    expect(await h.say('919866600102', 'I need help')).toContain(notice('en'));
  });
});

describe('per-citizen rate limit', () => {
  it('answers one polite notice over the limit, then stays silent, and keeps every message', async () => {
    const h = createHarness({ settings: { rateLimitPerMinute: 5 } });
    const wa = '919866600001';
    const replies: string[] = [];
    for (let i = 0; i < 9; i++) replies.push(await h.say(wa, `namaste ${i}`));
    expect(replies.slice(0, 5).every((r) => r.length > 0)).toBe(true);
    expect(replies.slice(5)).toEqual([catalogue().t('hinglish', 'runtime.rate_limited'), '', '', '']);
    expect(
      count(
        h,
        `select count(*) as n from messages where direction = 'in' and process_status = 'done' and wa_id = ?`,
        wa,
      ),
    ).toBe(9);
    // another citizen is not affected
    expect((await h.say('919866600002', 'namaste')).length).toBeGreaterThan(0);
  });
});

describe('erasure on request (DPDP Act)', () => {
  it.each([
    ['Hinglish', 'mera data delete karo', 'haan'],
    ['Hindi', 'मेरा डेटा हटाओ', 'हाँ'],
    ['English', 'please delete my data', 'yes'],
  ])('%s: asks for confirmation, then erases the citizen’s messages', async (_lang, ask, yes) => {
    const h = createHarness();
    const wa = '919877700001';
    const other = '919877700002';
    await h.say(wa, 'namaste');
    await h.say(wa, 'beti ka janm praman patra banwana hai');
    await h.say(other, 'namaste');
    const before = count(h, 'select count(*) as n from messages where wa_id = ?', wa);

    const askId = await h.send(wa, { kind: 'text', text: ask });
    const confirmation = h.db.$client
      .prepare(
        `select payload from messages where direction = 'out' and in_reply_to = ? order by seq desc limit 1`,
      )
      .get(askId) as { payload: string };
    expect(JSON.stringify(JSON.parse(confirmation.payload))).toContain('confirm:yes');
    // nothing erased before the yes
    expect(count(h, 'select count(*) as n from messages where wa_id = ?', wa)).toBeGreaterThan(before);

    await h.send(wa, { kind: 'text', text: yes });
    expect(count(h, `select count(*) as n from messages where wa_id = ? and direction = 'in'`, wa)).toBe(0);
    expect(count(h, 'select count(*) as n from turns where wa_id = ?', wa)).toBe(0);
    expect(count(h, 'select count(*) as n from citizens where wa_id = ?', wa)).toBe(0);
    expect(count(h, 'select count(*) as n from erasures')).toBe(1);
    // only the acknowledgement of the erasure is left, waiting to be sent
    expect(
      count(h, `select count(*) as n from messages where wa_id = ? and direction = 'out'`, wa),
    ).toBeLessThanOrEqual(2);
    // the other citizen keeps everything
    expect(count(h, 'select count(*) as n from messages where wa_id = ?', other)).toBeGreaterThanOrEqual(2);
  });
});

describe('logs at info level', () => {
  it('never contain a full phone number or the text of a message', async () => {
    const { logger, lines } = capturedLogger('info');
    const wa = '919888800001';
    const secretText = 'Meri beti Anaya ka janm Safdarjung mein hua, pita Vikram Malhotra';
    const h = createHarness({ logger });
    const db = h.db;
    const webhook = createWhatsAppWebhook({
      db,
      config: { appSecret: 's3cret' },
      logger,
      now: () => Date.now(),
      onAccepted: (ids) => {
        for (const id of ids) h.pipeline.kick(id);
      },
    });
    const body = JSON.stringify(textDelivery({ waId: wa, wamid: 'wamid.LOG1', text: secretText }));
    const ok = await webhook.request('/webhook/whatsapp', {
      method: 'POST',
      body,
      headers: { 'x-hub-signature-256': signBody(body, 's3cret') },
    });
    expect(ok.status).toBe(200);
    const forged = await webhook.request('/webhook/whatsapp', {
      method: 'POST',
      body,
      headers: { 'x-hub-signature-256': 'sha256=00' },
    });
    expect(forged.status).toBe(401);
    await new Promise((r) => setImmediate(r));
    await h.pipeline.idle();
    for (const text of ['mera data delete karo', 'haan', secretText]) await h.say(wa, text);
    // an unexpected failure is logged with its error: the citizen's data must not ride along
    await h.say('919888800002', '919888800001 Vikram Malhotra');

    const all = lines();
    expect(all.length).toBeGreaterThan(3);
    // turns are logged, with the citizen masked
    expect(all.some((l) => l.includes('turn done') && l.includes('91••••••0001'))).toBe(true);
    const leaks = all.filter((l) => /9198888000\d\d|8888800001|Vikram|Safdarjung|Anaya/.test(l));
    expect(leaks).toEqual([]);
  });
});
