import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the fake answers one send. */
export type FakeGraphReply =
  | { kind: 'ok'; delayMs?: number }
  | { kind: 'error'; status: number; code?: number; message?: string; details?: string }
  /** never answers: the client's timeout fires */
  | { kind: 'hang' };

export type FakeGraphBehaviour = (req: { index: number; to: string; body: unknown }) => FakeGraphReply;

/** Ready-made replies, shaped like the real Graph API's. */
export const graphReplies = {
  ok: { kind: 'ok' },
  serverError: { kind: 'error', status: 500, code: 131000, message: 'Something went wrong' },
  badGateway: { kind: 'error', status: 502, message: 'Bad Gateway' },
  throughput: { kind: 'error', status: 400, code: 130429, message: 'Rate limit hit' },
  tooManyRequests: { kind: 'error', status: 429, code: 80007, message: 'Rate limit issues' },
  pairRateLimit: {
    kind: 'error',
    status: 400,
    code: 131056,
    message: '(Business Account, Consumer Account) pair rate limit hit',
  },
  reengagement: {
    kind: 'error',
    status: 400,
    code: 131047,
    message: 'Re-engagement message',
    details:
      'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
  },
  undeliverable: { kind: 'error', status: 400, code: 131026, message: 'Message Undeliverable' },
  invalidParameter: { kind: 'error', status: 400, code: 100, message: 'Invalid parameter' },
  hang: { kind: 'hang' },
} as const satisfies Record<string, FakeGraphReply>;

export interface FakeGraphRequest {
  to: string;
  body: unknown;
  at: number;
  /** HTTP status answered, or 0 for a request left hanging */
  status: number;
  /** the wamid handed out, for a successful send */
  wamid?: string;
}

/** A file the fake serves as Meta's media: `GET /{media-id}` then the download URL it names. */
export interface FakeMedia {
  bytes: Uint8Array;
  mimeType: string;
  /** what the lookup claims (default: the bytes' real sha256, hex) */
  sha256?: string;
  /** what the lookup claims (default: the real size) */
  fileSize?: number;
}

/** One WhatsApp Pay lookup answer: `GET /{phone-number-id}/payments/{configuration}/{reference}`. */
export interface FakePayment {
  status: 'captured' | 'pending' | 'failed';
  amountPaise: number;
  transactionId?: string;
}

export interface FakeGraphServer {
  url: string;
  port: number;
  /** every send received, in arrival order (failed and hanging ones too) */
  requests: FakeGraphRequest[];
  /** the sends that succeeded: what citizens would actually receive */
  delivered(): FakeGraphRequest[];
  /** resolves once at least n sends have succeeded */
  waitForDeliveries(n: number): Promise<FakeGraphRequest[]>;
  setBehaviour(fn: FakeGraphBehaviour): void;
  /** media the fake serves; `expireUrls` makes every download URL answer 404 (as after its 5 minutes) */
  media: Map<string, FakeMedia>;
  mediaOptions: { expireUrls: boolean; lookupStatus?: number };
  /** media lookups and downloads received, as `lookup:<id>` / `download:<id>` */
  mediaRequests: string[];
  /** read receipts / typing indicators received (`{status: "read", message_id, typing_indicator}`) */
  reads: unknown[];
  /** payments the lookup answers, by reference id */
  payments: Map<string, FakePayment>;
  paymentLookups: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for `POST {apiUrl}/{phone-number-id}/messages` on 127.0.0.1 (port 0),
 * scriptable per request. Set WHATSAPP_API_URL to its `url`.
 */
export async function startFakeGraphServer({
  behaviour = () => graphReplies.ok,
  accessToken,
}: {
  behaviour?: FakeGraphBehaviour;
  accessToken?: string;
} = {}): Promise<FakeGraphServer> {
  let current = behaviour;
  let counter = 0;
  const requests: FakeGraphRequest[] = [];
  const waiters: { n: number; resolve: (r: FakeGraphRequest[]) => void }[] = [];
  const delivered = () => requests.filter((r) => r.status === 200);
  const media = new Map<string, FakeMedia>();
  const mediaOptions: { expireUrls: boolean; lookupStatus?: number } = { expireUrls: false };
  const mediaRequests: string[] = [];
  const reads: unknown[] = [];
  const payments = new Map<string, FakePayment>();
  const paymentLookups: string[] = [];
  let base = '';

  const notify = () => {
    const count = delivered().length;
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (count >= waiters[i].n) waiters.splice(i, 1)[0].resolve(delivered());
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'GET') return handleGet(req, res);
    if (req.method !== 'POST' || !/\/messages\/?$/.test(req.url ?? ''))
      return send(res, 404, graphError(100, 'Unknown path'));
    if (accessToken && req.headers.authorization !== `Bearer ${accessToken}`) {
      return send(res, 401, graphError(190, 'Invalid OAuth access token'));
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      return send(res, 400, graphError(100, 'Invalid JSON'));
    }
    // a read receipt (with or without typing indicator) is not a message: no wamid, not a delivery
    if ((body as { status?: unknown }).status === 'read') {
      reads.push(body);
      return send(res, 200, { success: true });
    }
    const to = String((body as { to?: unknown }).to ?? '');
    const record: FakeGraphRequest = { to, body, at: Date.now(), status: 0 };
    const index = requests.push(record) - 1;
    const reply = current({ index, to, body });
    if (reply.kind === 'hang') return;
    if (reply.kind === 'error') {
      record.status = reply.status;
      return send(
        res,
        reply.status,
        graphError(reply.code ?? reply.status, reply.message ?? 'error', reply.details),
      );
    }
    if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
    const wamid = `wamid.FAKE${(++counter).toString().padStart(8, '0')}`;
    record.status = 200;
    record.wamid = wamid;
    send(res, 200, {
      messaging_product: 'whatsapp',
      contacts: [{ input: to, wa_id: to }],
      messages: [{ id: wamid }],
    });
    notify();
  };

  const handleGet = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (accessToken && req.headers.authorization !== `Bearer ${accessToken}`)
      return send(res, 401, graphError(190, 'Invalid OAuth access token'));
    const download = /^\/download\/([^/]+)$/.exec(url.pathname);
    if (download) {
      const id = decodeURIComponent(download[1]);
      mediaRequests.push(`download:${id}`);
      const m = media.get(id);
      if (!m || mediaOptions.expireUrls) return send(res, 404, graphError(100, 'URL expired'));
      res.writeHead(200, { 'content-type': m.mimeType, 'content-length': m.bytes.byteLength });
      return res.end(Buffer.from(m.bytes));
    }
    const pay = /^\/v21\.0\/([^/]+)\/payments\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    if (pay) {
      const reference = decodeURIComponent(pay[3]);
      paymentLookups.push(reference);
      const p = payments.get(reference);
      if (!p) return send(res, 404, graphError(100, 'Payment not found'));
      return send(res, 200, {
        payments: [
          {
            reference_id: reference,
            status: p.status,
            currency: 'INR',
            amount: { value: p.amountPaise, offset: 100 },
            transactions: p.transactionId
              ? [{ id: p.transactionId, type: 'upi', status: p.status === 'captured' ? 'success' : p.status }]
              : [],
          },
        ],
      });
    }
    const lookup = /^\/v21\.0\/([^/]+)$/.exec(url.pathname);
    if (lookup) {
      const id = decodeURIComponent(lookup[1]);
      mediaRequests.push(`lookup:${id}`);
      const m = media.get(id);
      if (mediaOptions.lookupStatus) return send(res, mediaOptions.lookupStatus, graphError(131000, 'error'));
      if (!m) return send(res, 400, graphError(100, 'Unsupported get request'));
      return send(res, 200, {
        messaging_product: 'whatsapp',
        url: `${base}/download/${encodeURIComponent(id)}`,
        mime_type: m.mimeType,
        sha256: m.sha256 ?? createHash('sha256').update(m.bytes).digest('hex'),
        file_size: m.fileSize ?? m.bytes.byteLength,
        id,
      });
    }
    return send(res, 404, graphError(100, 'Unknown path'));
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => send(res, 500, graphError(1, 'fake server error')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;

  return {
    url: `http://127.0.0.1:${port}/v21.0`,
    port,
    requests,
    delivered,
    waitForDeliveries: (n) =>
      new Promise((resolve) => {
        waiters.push({ n, resolve });
        notify();
      }),
    setBehaviour: (fn) => {
      current = fn;
    },
    media,
    mediaOptions,
    mediaRequests,
    reads,
    payments,
    paymentLookups,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function graphError(code: number, message: string, details?: string) {
  return {
    error: {
      message: `(#${code}) ${message}`,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: 'AfakeTrace',
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
