import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { envelope, textDelivery } from '../testing/whatsapp-payloads.js';
import { createSahayak } from '../wiring/create-sahayak.js';
import { signBody } from './signature.js';

const SECRET = 'app-secret';
const WA = '919812300077';
const COMPLAINT =
  'complaint: at Ram Manohar Lohia Hospital, district Patna, the pharmacy had no medicines, they told us to buy everything outside. this was on 20/11/2026. please keep my name secret';

describe('a reply quoting one of our messages is read against that message', () => {
  let graph: FakeGraphServer;
  let sahayak: ReturnType<typeof createSahayak>;
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    graph = await startFakeGraphServer({});
    sahayak = createSahayak(
      loadConfig({
        DATABASE_PATH: ':memory:',
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_ACCESS_TOKEN: 'graph-token',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_API_URL: graph.url,
        WHATSAPP_SEND_RATE: '1000',
      }),
      { logger: createLogger({ level: 'silent' }), now: () => new Date('2026-11-24T06:30:00Z') },
    );
    sahayak.start();
    server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await sahayak.stop();
    await graph.close();
  });

  const settle = async () => {
    for (let i = 0; i < 300; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await sahayak.pipeline.idle();
      const busy = sahayak.db.$client
        .prepare(
          "select count(*) n from messages where (direction = 'in' and process_status = 'pending') or send_status in ('queued', 'sending')",
        )
        .get() as { n: number };
      if (busy.n === 0) return;
    }
    throw new Error('did not settle');
  };
  let n = 0;
  async function deliver(payload: unknown) {
    const body = JSON.stringify(payload);
    const res = await fetch(`${base}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    await settle();
  }
  const tap = (quoted: string, id: string, title: string) =>
    deliver(
      envelope({
        messages: [
          {
            context: { from: '15550783881', id: quoted },
            from: WA,
            id: `wamid.q${++n}`,
            timestamp: '1763980800',
            type: 'interactive',
            interactive: { type: 'button_reply', button_reply: { id, title } },
          },
        ],
      }),
    );
  /** the wamid Graph gave our latest message with buttons */
  const lastSummary = () =>
    (
      sahayak.db.$client
        .prepare("select wamid from messages where wa_id = ? and kind = 'buttons' order by id desc limit 1")
        .get(WA) as { wamid: string }
    ).wamid;
  const lastTexts = (k: number) =>
    (
      sahayak.db.$client
        .prepare("select text from messages where wa_id = ? and direction = 'out' order by id desc limit ?")
        .all(WA, k) as { text: string }[]
    )
      .map((r) => r.text)
      .reverse();
  const complaints = () =>
    (
      sahayak.db.$client
        .prepare("select count(*) n from cases where service = 'hospital_complaint'")
        .get() as { n: number }
    ).n;

  it('a second tap on an old summary’s “yes” does nothing twice and says so', async () => {
    await deliver(textDelivery({ waId: WA, wamid: `wamid.q${++n}`, text: COMPLAINT }));
    const first = lastSummary();
    await tap(first, 'confirm:yes', 'Yes, submit');
    expect(complaints()).toBe(1);
    await tap(first, 'confirm:yes', 'Yes, submit');
    expect(complaints()).toBe(1);
    expect(lastTexts(1)[0]).toContain('already been dealt with');
  });

  it('a tap on a summary since replaced is answered with the current one', async () => {
    const old = lastSummary();
    await deliver(
      textDelivery({ waId: WA, wamid: `wamid.q${++n}`, text: COMPLAINT.replace('Patna', 'Gaya') }),
    );
    const current = lastSummary();
    expect(current).not.toBe(old);
    await tap(old, 'confirm:yes', 'Yes, submit');
    expect(complaints()).toBe(1);
    const [note, again] = lastTexts(2);
    expect(note).toContain('earlier message');
    expect(again).toContain('Gaya');
    // the current summary's own button still works
    await tap(current, 'confirm:yes', 'Yes, submit');
    expect(complaints()).toBe(2);
  });
});
