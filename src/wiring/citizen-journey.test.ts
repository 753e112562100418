import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { buttonDelivery, textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';
import { createSahayak } from './create-sahayak.js';

const SECRET = 'test-app-secret';
const TOKEN = 'test-staff-token';
const NOW = new Date('2026-11-24T06:30:00Z');

type Running = {
  base: string;
  graph: FakeGraphServer;
  close: () => Promise<void>;
  settle: () => Promise<void>;
};
const running: Running[] = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

/** The whole service on 127.0.0.1, as `npm start` builds it, with WhatsApp pointed at a local fake Graph API. */
async function start(): Promise<Running> {
  const graph = await startFakeGraphServer({});
  const config = loadConfig({
    DATABASE_PATH: ':memory:',
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_ACCESS_TOKEN: 'graph-token',
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_API_URL: graph.url,
    WHATSAPP_SEND_RATE: '1000',
    STAFF_API_TOKEN: TOKEN,
  });
  const sahayak = createSahayak(config, { logger: createLogger({ level: 'silent' }), now: () => NOW });
  sahayak.start();
  const server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const settle = async () => {
    // the turn runs after the 200; then the outbox sends what it queued
    for (let i = 0; i < 200; i++) {
      await new Promise((r) => setTimeout(r, 10));
      await sahayak.pipeline.idle();
      const busy = sahayak.db.$client
        .prepare(
          `select count(*) n from messages where (direction = 'in' and process_status = 'pending') or send_status in ('queued', 'sending')`,
        )
        .get() as { n: number };
      if (busy.n === 0) return;
    }
    throw new Error('the service did not settle');
  };
  const r: Running = {
    base,
    graph,
    settle,
    close: async () => {
      await new Promise((done) => server.close(done));
      await sahayak.stop();
      await graph.close();
    },
  };
  running.push(r);
  return r;
}

let seq = 0;
async function deliver(r: Running, payload: unknown) {
  const body = JSON.stringify(payload);
  const res = await fetch(`${r.base}/webhook/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
    body,
  });
  expect(res.status).toBe(200);
  await r.settle();
}
const say = (r: Running, waId: string, text: string) =>
  deliver(r, textDelivery({ waId, wamid: `wamid.e2e.${++seq}`, text }));
const tap = (r: Running, waId: string, id: string, title: string) =>
  deliver(r, buttonDelivery({ waId, wamid: `wamid.e2e.${++seq}`, id, title }));

/** What the citizen has received on WhatsApp, as text. */
function received(r: Running, waId: string): string[] {
  return r.graph
    .delivered()
    .filter((d) => d.to === waId)
    .map((d) => {
      const b = d.body as { type: string; text?: { body: string }; interactive?: { body: { text: string } } };
      return b.type === 'text' ? (b.text?.body ?? '') : (b.interactive?.body.text ?? '');
    });
}

async function api(r: Running, path: string) {
  const res = await fetch(`${r.base}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { items: Record<string, unknown>[] };
}

describe('a citizen applies for a birth certificate over WhatsApp, end to end', () => {
  it('in Hindi: Devanagari replies, and the JSON API shows the application', async () => {
    const r = await start();
    const waId = '919812345678';
    await say(r, waId, 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है');
    await say(r, waId, 'बेटी का नाम अनाया है, जन्म 20 नवंबर 2026 को जिला अस्पताल सीतापुर में हुआ');
    await say(r, waId, 'माँ का नाम रेखा देवी, पिता का नाम सुरेश कुमार');
    await say(r, waId, 'पता वार्ड 4, सीतापुर, पिन 261001');
    await tap(r, waId, 'informant:mother', 'मैं माँ हूँ');
    expect(received(r, waId).at(-1)).toContain('क्या सब कुछ सही है?');
    await tap(r, waId, 'confirm:yes', 'हाँ, जमा करें');

    const { items } = await api(r, `/api/applications?phone=${waId}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'submitted',
      phone: waId,
      childName: 'अनाया',
      sex: 'female',
      dateOfBirth: '2026-11-20',
      placeOfBirthType: 'hospital',
      motherName: 'रेखा देवी',
      fatherName: 'सुरेश कुमार',
      district: 'Sitapur',
      pinCode: '261001',
      language: 'hi',
    });
    const reference = items[0].reference as string;
    expect(reference).toMatch(/^BC-2026-\d{6}$/);
    const last = received(r, waId).at(-1) ?? '';
    expect(last).toContain(reference);
    // Devanagari in, Devanagari out: the reply's letters are Devanagari, not Latin
    const letters = last.replace(/BC-\d{4}-\d{6}/g, '');
    expect((letters.match(/[\u0900-\u097F]/g) ?? []).length).toBeGreaterThan(
      (letters.match(/[A-Za-z]/g) ?? []).length,
    );
  });

  it('in English: English replies, and the JSON API shows the application', async () => {
    const r = await start();
    const waId = '919876500011';
    await say(r, waId, 'I want to apply for a birth certificate for my son');
    await say(r, waId, 'His name is Arjun, born on 15/11/2026 at home');
    await say(r, waId, 'Mother is Sunita Sharma and father is Rakesh Sharma');
    await say(r, waId, 'Address: 12 Civil Lines, Lucknow 226001');
    await tap(r, waId, 'informant:father', 'I am the father');
    expect(received(r, waId).at(-1)).toContain('Is everything correct?');
    await tap(r, waId, 'confirm:yes', 'Yes, submit');

    const { items } = await api(r, `/api/applications?phone=${waId}`);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      status: 'submitted',
      childName: 'Arjun',
      sex: 'male',
      dateOfBirth: '2026-11-15',
      placeOfBirthType: 'home',
      motherName: 'Sunita Sharma',
      fatherName: 'Rakesh Sharma',
      district: 'Lucknow',
      pinCode: '226001',
      language: 'en',
    });
    const last = received(r, waId).at(-1) ?? '';
    expect(last).toContain(items[0].reference as string);
    expect(last).not.toMatch(/[\u0900-\u097F]/);
  });

  it('the same delivery twice makes one application and one reply', async () => {
    const r = await start();
    const waId = '919800000077';
    await say(r, waId, 'I want to apply for a birth certificate for my son');
    await say(r, waId, 'His name is Arjun, born on 15/11/2026 at home');
    await say(r, waId, 'Mother is Sunita Sharma and father is Rakesh Sharma');
    await say(r, waId, 'Address: 12 Civil Lines, Lucknow 226001');
    await tap(r, waId, 'informant:father', 'I am the father');
    const yes = buttonDelivery({ waId, wamid: 'wamid.e2e.twice', id: 'confirm:yes', title: 'Yes, submit' });
    await deliver(r, yes);
    const before = r.graph.delivered().length;
    await deliver(r, yes);
    expect(r.graph.delivered().length).toBe(before);
    expect((await api(r, `/api/applications?phone=${waId}`)).items).toHaveLength(1);
  });
});
