import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServedSahayak, serveSahayak } from '../testing/serve-sahayak.js';
import { statusDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from './signature.js';

const SECRET = 'status-secret';
let s: ServedSahayak;
beforeAll(async () => {
  s = await serveSahayak({ WHATSAPP_APP_SECRET: SECRET });
});
afterAll(() => s.close());

const A = '919811100001';
const B = '919811100002';

function postStatus(body: unknown) {
  const raw = JSON.stringify(body);
  return fetch(`${s.base}/webhook/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(raw, SECRET) },
    body: raw,
  });
}
const statusOf = (wamid: string) =>
  (
    s.sahayak.db.$client.prepare('select send_status from messages where wamid = ?').get(wamid) as {
      send_status: string;
    }
  ).send_status;

describe('delivery statuses are matched to their recipient (real server)', () => {
  it('a status naming recipient A does not mark citizen B’s message failed; B’s own status does', async () => {
    s.sahayak.db.$client
      .prepare(
        `insert into messages (wa_id, direction, kind, text, wamid, send_status, created_at)
         values (?, 'out', 'text', 'आपका आवेदन मिल गया', 'wamid.B1', 'sent', 1)`,
      )
      .run(B);
    const forged = await postStatus(
      statusDelivery({
        wamid: 'wamid.B1',
        status: 'failed',
        recipientId: A,
        errors: [{ code: 131026, title: 'Message undeliverable' }],
      }),
    );
    expect(forged.status).toBe(200);
    expect(statusOf('wamid.B1')).toBe('sent');
    expect(
      (await postStatus(statusDelivery({ wamid: 'wamid.B1', status: 'delivered', recipientId: B }))).status,
    ).toBe(200);
    expect(statusOf('wamid.B1')).toBe('delivered');
  });
});
