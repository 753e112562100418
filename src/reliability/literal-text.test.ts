import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook } from '../http/webhook-whatsapp.js';
import { textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { createHarness } from './harness.js';

const SECRET = 'literal-secret';

const payloads: [string, string][] = [
  ['10,000 characters', 'मेरी शिकायत: '.concat('अस्पताल में बहुत गंदगी थी। '.repeat(400)).slice(0, 10_000)],
  ['emoji only', '🙏🙏👶🏽🏥😡💉📄✅'],
  ['SQL', "'; DROP TABLE messages; --"],
  ['SQL in a LIKE and a quote soup', `%' OR '1'='1' /* "); DELETE FROM citizens; -- \\ ' "`],
  ['HTML', '<script>alert(1)</script><img src=x onerror=alert(2)>'],
  ['zero-width and combining marks', 'ज़\u200dरूरी\u200c क़ि\u0301 NUL\u0000after'],
  ['lone surrogate pair halves in JSON escapes', 'a\ud83d\ude4fb'],
];

describe('citizen text is processed and stored literally', () => {
  it.each(payloads)('%s', async (_name, text) => {
    const h = createHarness();
    const webhook = createWhatsAppWebhook({
      db: h.db,
      config: { appSecret: SECRET },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      now: () => Date.now(),
      onAccepted: (ids) => {
        for (const id of ids) h.pipeline.kick(id);
      },
    });
    const wa = '919899900001';
    const body = JSON.stringify(textDelivery({ waId: wa, wamid: 'wamid.LITERAL', text }));
    const res = await webhook.request('/webhook/whatsapp', {
      method: 'POST',
      body,
      headers: { 'x-hub-signature-256': signBody(body, SECRET) },
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setImmediate(r));
    await h.pipeline.idle();

    const row = h.db.$client
      .prepare(
        `select id, text, payload, process_status as status from messages where wamid = 'wamid.LITERAL'`,
      )
      .get() as { id: number; text: string; payload: string; status: string };
    expect(Buffer.from(row.text, 'utf8').equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(JSON.parse(row.payload)).toEqual({ kind: 'text', text });
    expect(row.status).toBe('done');
    expect(h.repliesTo(row.id).join('').length).toBeGreaterThan(0);
    // the tables the payload names are still there
    expect(h.db.$client.prepare('select count(*) as n from citizens').get()).toEqual({ n: 1 });
  });
});
