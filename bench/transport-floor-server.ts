import { createServer } from 'node:http';
import { sendsInFlight } from '../src/outbox/outbox-worker.js';
import { createGraphSender } from '../src/whatsapp/graph-sender.js';
import { verifySignature } from '../src/whatsapp/signature.js';

/**
 * The transport floor of a turn (`bench/transport-floor.ts`): what any server speaking Meta's
 * protocol over node:http must do, and nothing else. Each POST to the webhook is read,
 * its signature checked and its JSON parsed, then answered 200; each text message in it gets
 * one reply sent through the real server's Graph client (`createGraphSender`, the same
 * keep-alive agent and sends in flight). No database, no engine, no queue: the server's CPU a
 * turn above this is Sahayak's own work.
 */
const env = process.env;
const secret = env.WHATSAPP_APP_SECRET ?? '';
const sender = createGraphSender({
  apiUrl: env.WHATSAPP_API_URL ?? '',
  phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID ?? '',
  accessToken: env.WHATSAPP_ACCESS_TOKEN ?? '',
  timeoutMs: 10_000,
  maxSockets: sendsInFlight(Number(env.WHATSAPP_SEND_RATE ?? 80)),
});

type Payload = {
  entry?: { changes?: { value?: { messages?: { from: string; text?: { body?: string } }[] } }[] }[];
};
const REPLY = 'Dhanyavaad. Aapka sandesh mil gaya hai; kripya agla jawab bhejein.';

// counted here, read by the bench at the warm-up mark and at the end (GET /counts)
const counts = { posts: 0, sends: 0 };

createServer((req, res) => {
  if (req.method === 'GET') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(counts));
    return;
  }
  counts.posts++;
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    const signature = req.headers['x-hub-signature-256'];
    if (!verifySignature(raw, typeof signature === 'string' ? signature : undefined, secret)) {
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"bad_signature"}');
      return;
    }
    const payload = JSON.parse(raw.toString('utf8')) as Payload;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': 11 }).end('{"ok":true}');
    for (const e of payload.entry ?? [])
      for (const c of e.changes ?? [])
        for (const m of c.value?.messages ?? []) {
          counts.sends++;
          sender.send(m.from, { kind: 'text', text: REPLY }).catch(() => undefined);
        }
  });
}).listen(Number(env.PORT), env.HOST ?? '127.0.0.1');
