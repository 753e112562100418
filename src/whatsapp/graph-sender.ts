import { toGraphPayload } from './graph-payload.js';
import type { OutboundMessage } from './outbound-message.js';
import { createPostJson, type JsonResponse, type PostJson } from './post-json.js';

/** What the outbox needs from WhatsApp: send one message, get Meta's wamid back. */
export interface GraphSender {
  send(to: string, m: OutboundMessage): Promise<{ wamid: string }>;
}

// Graph error codes worth a retry: throughput (130429, 80007, 4), the per-recipient pair
// rate (131056), and Meta's transient/unknown/unavailable errors. Everything else in 4xx
// (131047 outside the 24 h window, 131026 undeliverable, 100 invalid parameter, 190 bad
// token…) will fail the same way again.
const RETRYABLE_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131001, 131002, 131016, 131056, 133004]);

/** A send that Graph refused or that never got an answer. `status` 0: network error or timeout. */
export class GraphApiError extends Error {
  override name = 'GraphApiError';
  readonly status: number;
  readonly code?: number;
  readonly retryable: boolean;
  /** from a Retry-After header, when Graph sent one */
  readonly retryAfterMs?: number;

  constructor(o: {
    status: number;
    code?: number;
    message: string;
    retryable?: boolean;
    retryAfterMs?: number;
  }) {
    super(o.message);
    this.status = o.status;
    this.code = o.code;
    this.retryable = o.retryable ?? isRetryable(o.status, o.code);
    this.retryAfterMs = o.retryAfterMs;
  }
}

export function isRetryable(status: number, code?: number): boolean {
  if (code !== undefined && RETRYABLE_CODES.has(code)) return true;
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

export interface GraphSenderOptions {
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs: number;
  /** connections kept to Graph: at least the outbox's sends in flight, or sends queue in the agent */
  maxSockets?: number;
  /** send through this fetch instead of node:http (proxies, instrumentation, tests) */
  fetch?: typeof globalThis.fetch;
}

type GraphErrorBody = { error?: { message?: string; code?: number; error_data?: { details?: string } } };

/**
 * The Cloud API sender: `POST {apiUrl}/{phoneNumberId}/messages` with a Bearer token.
 * Failures throw GraphApiError, classified for the outbox's retry policy.
 */
export function createGraphSender(o: GraphSenderOptions): GraphSender & { close(): void } {
  const url = new URL(`${o.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(o.phoneNumberId)}/messages`);
  const headers = { authorization: `Bearer ${o.accessToken}` };
  const nodePost = o.fetch ? undefined : createPostJson({ maxSockets: o.maxSockets });
  const post: PostJson = nodePost ?? fetchPost(o.fetch!);

  return {
    async send(to, m) {
      let res: JsonResponse;
      try {
        res = await post(url, headers, JSON.stringify(toGraphPayload(to, m)), o.timeoutMs);
      } catch (err) {
        const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
        throw new GraphApiError({
          status: 0,
          message: timedOut
            ? `Graph API timed out after ${o.timeoutMs} ms`
            : `Graph API unreachable: ${errorText(err)}`,
        });
      }
      if (res.status < 200 || res.status > 299) {
        const e = (res.body as GraphErrorBody | undefined)?.error;
        const details = e?.error_data?.details;
        const text = [e?.message ?? `HTTP ${res.status}`, details].filter(Boolean).join(': ');
        throw new GraphApiError({
          status: res.status,
          code: typeof e?.code === 'number' ? e.code : undefined,
          message: text.slice(0, 500),
          retryAfterMs: retryAfter(res.retryAfter),
        });
      }
      const wamid = (res.body as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
      if (typeof wamid !== 'string' || wamid === '') {
        // Graph accepted the request: sending again could deliver it twice
        throw new GraphApiError({
          status: res.status,
          message: 'Graph API answered without a message id',
          retryable: false,
        });
      }
      return { wamid };
    },
    close() {
      nodePost?.close();
    },
  };
}

function fetchPost(doFetch: typeof globalThis.fetch): PostJson {
  return async (url, headers, body, timeoutMs) => {
    const res = await doFetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const parsed = await res.json().catch(() => undefined);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: parsed };
  };
}

function retryAfter(h: string | null): number | undefined {
  if (!h) return undefined;
  const s = Number(h);
  return Number.isFinite(s) && s >= 0 ? Math.min(s * 1000, 3_600_000) : undefined;
}

function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    return cause ? `${err.message} (${cause})` : err.message;
  }
  return String(err);
}
