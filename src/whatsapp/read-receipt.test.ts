import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { envelope } from '../testing/whatsapp-payloads.js';
import { createSahayak } from '../wiring/create-sahayak.js';
import { signBody } from './signature.js';

const SECRET = 'app-secret';

describe('read receipt and typing indicator when a turn starts', () => {
  let graph: FakeGraphServer;
  let sahayak: ReturnType<typeof createSahayak>;
  let server: ReturnType<typeof serve>;
  let base = '';
  beforeAll(async () => {
    graph = await startFakeGraphServer({ accessToken: 'graph-token' });
    sahayak = createSahayak(
      loadConfig({
        DATABASE_PATH: ':memory:',
        WHATSAPP_APP_SECRET: SECRET,
        WHATSAPP_ACCESS_TOKEN: 'graph-token',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_API_URL: graph.url,
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

  it('marks the newest message of a delivery read, with typing_indicator text, once per citizen', async () => {
    const msg = (id: string, body: string) => ({
      from: '919812300001',
      id,
      timestamp: '1763980800',
      type: 'text',
      text: { body },
    });
    const body = JSON.stringify(
      envelope({ messages: [msg('wamid.r1', 'hello'), msg('wamid.r2', 'status please')] }),
    );
    const res = await fetch(`${base}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
      body,
    });
    expect(res.status).toBe(200);
    await expect.poll(() => graph.reads.length).toBe(1);
    expect(graph.reads).toEqual([
      {
        messaging_product: 'whatsapp',
        status: 'read',
        message_id: 'wamid.r2',
        typing_indicator: { type: 'text' },
      },
    ]);
    // the replies still arrive, and the receipt was not counted as one
    await graph.waitForDeliveries(1);
    expect(graph.delivered().every((r) => r.to === '919812300001')).toBe(true);
  });
});
