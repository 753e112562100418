import type { MiddlewareHandler } from 'hono';
import { readBodyLimited, TOO_LARGE } from '../whatsapp/read-body.js';

/** A route group (path prefix) and the largest body it accepts, in bytes. */
export type BodyLimitRule = { prefix: string; maxBytes: number };

const KB = 1024;
/**
 * What each group needs: the WhatsApp webhook takes Meta's batches (3 MB, DESIGN.md), the
 * payment webhook one JSON event, the login form two short fields, staff forms a reply or note (a 4,096-character Devanagari
 * reply is ~36 KB URL-encoded), the simulator one chat message. Anything else: a few KB.
 */
export const DEFAULT_BODY_LIMITS: BodyLimitRule[] = [
  { prefix: '/webhook/whatsapp', maxBytes: 3 * KB * KB },
  { prefix: '/webhook/payments', maxBytes: 64 * KB },
  // before /staff: the first matching prefix wins; a login form is a name and a password
  { prefix: '/staff/login', maxBytes: 4 * KB },
  { prefix: '/staff', maxBytes: 64 * KB },
  // before /chat: a simulator upload is one photo, PDF or voice note (WhatsApp's own image and
  // audio limits; a 100 MB document is not worth holding in memory for a simulator)
  { prefix: '/chat/api/upload', maxBytes: 16 * KB * KB },
  { prefix: '/chat', maxBytes: 16 * KB },
];
export const FALLBACK_BODY_LIMIT = 8 * KB;

const limitFor = (path: string, rules: BodyLimitRule[], fallback: number) =>
  rules.find((r) => path === r.prefix || path.startsWith(`${r.prefix}/`))?.maxBytes ?? fallback;

/**
 * Refuses a body over its group's limit with 413 while it is being read: a declared
 * Content-Length over the limit is refused before reading anything (Node's parser never
 * delivers more than the declared length); a chunked body is read up to the limit, then
 * cut off. The accepted bytes are handed on, so the route parses them as usual.
 */
export function bodyLimits(
  rules: BodyLimitRule[] = DEFAULT_BODY_LIMITS,
  fallback = FALLBACK_BODY_LIMIT,
): MiddlewareHandler {
  return async (c, next) => {
    const method = c.req.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return next();
    const max = limitFor(c.req.path, rules, fallback);
    // no "Connection: close": closing at once would reset the socket under a client still
    // sending, losing the 413; @hono/node-server discards the rest (bounded) and then closes
    const tooLarge = () => c.json({ error: 'payload_too_large', maxBytes: max }, 413);
    const declared = c.req.header('content-length');
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      const n = Number(declared);
      return !Number.isFinite(n) || n > max ? tooLarge() : next();
    }
    const body = await readBodyLimited(c.req.raw, max);
    if (body === TOO_LARGE) return tooLarge();
    c.req.raw = new Request(c.req.raw, { body: body as Uint8Array<ArrayBuffer> });
    return next();
  };
}
