import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createReadReceipts } from './read-receipt.js';

// A Graph stand-in that holds every request until release(): what is on the wire is visible.
async function holdingGraph() {
  const held: { body: { message_id: string }; res: ServerResponse<IncomingMessage> }[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => held.push({ body: JSON.parse(raw), res }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held,
    release() {
      for (const h of held.splice(0)) h.res.end('{"success":true}');
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe('read receipts under a burst', () => {
  let close: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of close) await c();
    close = [];
  });

  it('keeps at most maxInFlight on the wire and sends one mark per citizen, for the newest message', async () => {
    const graph = await holdingGraph();
    const receipts = createReadReceipts({
      logger: { debug: () => {} },
      apiUrl: graph.url,
      phoneNumberId: '106540352242922',
      accessToken: 't',
      maxInFlight: 1,
    });
    close.push(async () => receipts.close(), graph.close);
    let id = 0;
    // what the webhook hands on for each message it stored
    const store = (waId: string, wamid: string) => ({ id: ++id, waId, wamid });
    const a1 = store('919800000001', 'wamid.a1');
    receipts.markRead([a1]);
    await expect.poll(() => graph.held.length).toBe(1);
    // while a1's mark is on the wire: b writes once, a twice more
    receipts.markRead([store('919800000002', 'wamid.b1')]);
    receipts.markRead([store('919800000001', 'wamid.a2')]);
    receipts.markRead([store('919800000001', 'wamid.a3')]);
    await new Promise((r) => setTimeout(r, 50));
    expect(graph.held.map((h) => h.body.message_id)).toEqual(['wamid.a1']);
    const sent: string[] = [];
    for (let i = 0; i < 3 && sent.length < 3; i++) {
      await expect.poll(() => graph.held.length).toBe(1);
      sent.push(graph.held[0].body.message_id);
      graph.release();
    }
    // b first (it wrote first among those waiting), then a's newest only: a2 is never sent
    expect(sent).toEqual(['wamid.a1', 'wamid.b1', 'wamid.a3']);
    await new Promise((r) => setTimeout(r, 50));
    expect(graph.held).toEqual([]);
  });

  it('drops a mark that waited longer than maxWaitMs: "typing…" after the reply would be wrong', async () => {
    const graph = await holdingGraph();
    const receipts = createReadReceipts({
      logger: { debug: () => {} },
      apiUrl: graph.url,
      phoneNumberId: '106540352242922',
      accessToken: 't',
      maxInFlight: 1,
      maxWaitMs: 30,
    });
    close.push(async () => receipts.close(), graph.close);
    let id = 0;
    // what the webhook hands on for each message it stored
    const store = (waId: string, wamid: string) => ({ id: ++id, waId, wamid });
    receipts.markRead([store('919800000001', 'wamid.a1')]);
    await expect.poll(() => graph.held.length).toBe(1);
    receipts.markRead([store('919800000002', 'wamid.b1')]);
    await new Promise((r) => setTimeout(r, 80));
    graph.release();
    receipts.markRead([store('919800000003', 'wamid.c1')]);
    await expect.poll(() => graph.held.map((h) => h.body.message_id)).toEqual(['wamid.c1']);
    graph.release();
  });
});
