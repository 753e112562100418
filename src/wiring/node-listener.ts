import { createServer, type IncomingMessage, type ServerOptions, type ServerResponse } from 'node:http';
import { type DeliveryAnswer, type DeliveryHandler, MAX_WEBHOOK_BYTES } from '../http/webhook-whatsapp.js';
import type { Logger } from '../logging/create-logger.js';

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The HTTP server for @hono/node-server's `serve({ createServer })`: the Hono app answers
 * every route, except Meta's POSTs to /webhook/whatsapp, read straight from Node's request
 * into the same delivery handler the Hono route calls (src/http/webhook-whatsapp.ts). They
 * are most of the traffic (a message, then three status receipts for each reply), and the
 * web Request, Hono context and web Response of each cost ~8 µs of the ~50 µs a receipt
 * takes (a bare handler: 20 µs a request through Hono's adapter, 12 µs on node:http). Same
 * answers, same 3 MB limit (413 before reading when the declared length is over it, else
 * once the bytes received pass it).
 */
export function webhookFastPath({
  deliveries,
  logger,
}: {
  deliveries: DeliveryHandler;
  logger: Pick<Logger, 'error'>;
}) {
  // the shape serve() calls it with: (serverOptions, Hono's request listener)
  const factory = (options: ServerOptions, viaHono: Listener) =>
    createServer(options, (req, res) => {
      if (isWebhookPost(req)) handle(req, res);
      else viaHono(req, res);
    });
  return factory as typeof createServer;

  function handle(req: IncomingMessage, res: ServerResponse) {
    readBody(req, MAX_WEBHOOK_BYTES).then(
      (raw) => {
        // the answer of the app's body limit (src/http/body-limit.ts), which served this before
        if (raw === null)
          return send(res, {
            status: 413,
            body: { error: 'payload_too_large', maxBytes: MAX_WEBHOOK_BYTES },
          });
        const signature = req.headers['x-hub-signature-256'];
        return deliveries(raw, Array.isArray(signature) ? signature[0] : signature).then(
          (a) => send(res, a),
          (err) => {
            logger.error({ err, path: '/webhook/whatsapp' }, 'unhandled error');
            send(res, { status: 500, body: { error: 'internal_error' } });
          },
        );
      },
      () => res.destroy(), // the client went away mid-body: nobody to answer
    );
  }
}

const isWebhookPost = (req: IncomingMessage) =>
  req.method === 'POST' &&
  (req.url === '/webhook/whatsapp' || req.url?.startsWith('/webhook/whatsapp?') === true);

function send(res: ServerResponse, a: DeliveryAnswer) {
  const body = JSON.stringify(a.body);
  res.writeHead(a.status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    ...a.headers,
  });
  res.end(body);
}

/** The body's bytes, or null past `limit` (the rest is left for Node to discard). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = req.headers['content-length'];
  if (declared !== undefined && !(Number(declared) <= limit)) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (b: Buffer) => {
      size += b.byteLength;
      if (size > limit) {
        req.off('data', onData);
        req.off('end', onEnd);
        req.resume(); // drained, not buffered
        resolve(null);
        return;
      }
      chunks.push(b);
    };
    const onEnd = () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', reject);
  });
}
