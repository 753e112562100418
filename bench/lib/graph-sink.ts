import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { statusDelivery } from '../../src/testing/whatsapp-payloads.js';
import { signBody } from '../../src/whatsapp/signature.js';

export interface GraphSinkOptions {
  /** how long the fake Graph API takes to answer a send (Meta's is ~100–300 ms) */
  latencyMs?: number;
}

/** the server's webhook: once set, each send is followed by Meta's three receipts */
export interface ReceiptTarget {
  /** several: one after the other, as a load balancer in front of several instances spreads them */
  webhookUrl: string | string[];
  secret: string;
  deliveredAfterMs?: number;
  readAfterMs?: number;
}

/**
 * A minimal fake Graph API for long runs: answers every send after `latencyMs` with a fresh
 * wamid and keeps only (wamid → arrival time). As Meta does, each accepted message is then
 * reported back to the webhook three times — sent, delivered, read — signed like Meta's, so
 * the server's ingest carries the receipts a real deployment carries (about three webhook
 * calls per reply). The scriptable fake in src/testing keeps whole bodies, too slow here.
 */
export async function startGraphSink({ latencyMs = 0 }: GraphSinkOptions = {}) {
  let receipts: ReceiptTarget | undefined;
  const arrivals = new Map<string, number>();
  const receiptAgent = new Agent({ keepAlive: true, maxSockets: 256 });
  const receiptStats = { posted: 0, failed: 0 };
  // scheduled or on the wire: the run waits for these before it stops the server
  let outstanding = 0;
  let n = 0;
  let readMarks = 0;
  let nextTarget = 0;

  const postReceipt = (wamid: string, to: string, status: 'sent' | 'delivered' | 'read') => {
    outstanding--;
    if (!receipts) return;
    outstanding++;
    const done = () => outstanding--;
    const body = JSON.stringify(
      statusDelivery({ wamid, status, recipientId: to, timestamp: Math.floor(Date.now() / 1000) }),
    );
    const urls = Array.isArray(receipts.webhookUrl) ? receipts.webhookUrl : [receipts.webhookUrl];
    const req = request(
      urls[nextTarget++ % urls.length],
      {
        method: 'POST',
        agent: receiptAgent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-hub-signature-256': signBody(body, receipts.secret),
        },
      },
      (res) => {
        res.resume();
        done();
        if (res.statusCode === 200) receiptStats.posted++;
        else receiptStats.failed++;
      },
    );
    req.on('error', () => {
      done();
      receiptStats.failed++;
    });
    req.end(body);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      // a read receipt (mark as read + typing indicator) is not a message: Meta answers
      // {success:true}, gives it no wamid and reports nothing back for it
      if (raw.includes('"status":"read"') && !raw.includes('"to":')) {
        readMarks++;
        const ok = () => {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': 16 });
          res.end('{"success":true}');
        };
        if (latencyMs > 0) setTimeout(ok, latencyMs);
        else ok();
        return;
      }
      const at = performance.now() + performance.timeOrigin;
      const wamid = `wamid.SINK${++n}`;
      arrivals.set(wamid, at);
      const answer = () => {
        const body = JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: wamid }] });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        const target = receipts;
        if (!target) return;
        let to = '';
        try {
          to = String((JSON.parse(raw) as { to?: unknown }).to ?? '');
        } catch {}
        // after the answer, as Meta's come: the server must know the wamid by then
        outstanding += 3;
        setTimeout(() => postReceipt(wamid, to, 'sent'), 5);
        setTimeout(() => postReceipt(wamid, to, 'delivered'), target.deliveredAfterMs ?? 50);
        setTimeout(() => postReceipt(wamid, to, 'read'), target.readAfterMs ?? 500);
      };
      if (latencyMs > 0) setTimeout(answer, latencyMs);
      else answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v21.0`,
    arrivals,
    receipts: receiptStats,
    /** read receipts (mark as read) the server sent: not messages, not in arrivals */
    readMarks: () => readMarks,
    /** resolves when every receipt scheduled so far has been answered (or after timeoutMs) */
    async receiptsSettled(timeoutMs: number): Promise<boolean> {
      const deadline = Date.now() + timeoutMs;
      while (outstanding > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return outstanding === 0;
    },
    /** from now on, report every accepted send to this webhook (sent, delivered, read) */
    sendReceiptsTo(target: ReceiptTarget) {
      receipts = target;
    },
    close: () =>
      new Promise<void>((resolve) => {
        receiptAgent.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
