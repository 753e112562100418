import http from 'node:http';
import https from 'node:https';

export interface JsonResponse {
  status: number;
  retryAfter: string | null;
  /** the parsed body, or undefined when it was not JSON */
  body: unknown;
}

/** The request got no complete answer in time; the caller decides whether to retry. */
export class PostTimeoutError extends Error {
  override name = 'TimeoutError';
}

export type PostJson = (
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
) => Promise<JsonResponse>;

const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * A JSON POST over node:http(s) with a keep-alive agent. The outbox sends one request per
 * message; at hundreds a second, fetch's per-request web streams, Request/Response and
 * AbortSignal objects cost about three times the CPU of this. The timeout covers the whole
 * exchange, not just socket idleness.
 */
export function createPostJson({
  maxSockets = 64,
}: {
  maxSockets?: number;
} = {}): PostJson & { close(): void } {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  const post: PostJson = (url, headers, body, timeoutMs) =>
    new Promise((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const agent = url.protocol === 'https:' ? agents['https:'] : agents['http:'];
      const req = client.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > MAX_RESPONSE_BYTES) req.destroy(new Error('response too large'));
            else chunks.push(c);
          });
          res.on('end', () => {
            clearTimeout(timer);
            let parsed: unknown;
            try {
              parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            } catch {
              parsed = undefined;
            }
            const retryAfter = res.headers['retry-after'];
            resolve({
              status: res.statusCode ?? 0,
              retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
              body: parsed,
            });
          });
          res.on('error', fail);
        },
      );
      const timer = setTimeout(
        () => req.destroy(new PostTimeoutError(`timed out after ${timeoutMs} ms`)),
        timeoutMs,
      );
      function fail(err: Error) {
        clearTimeout(timer);
        reject(err);
      }
      req.on('error', fail);
      req.end(body);
    });
  return Object.assign(post, {
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
