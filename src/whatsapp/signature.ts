import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` against an HMAC-SHA256 of the raw
 * request bytes (never of re-serialised JSON: any re-encoding changes the digest).
 * Constant time: both sides are 32-byte digests before timingSafeEqual compares them.
 */
export function verifySignature(rawBody: Uint8Array, header: string | undefined, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const value = header.trim();
  if (value.length !== PREFIX.length + 64 || value.slice(0, PREFIX.length).toLowerCase() !== PREFIX)
    return false;
  const hex = value.slice(PREFIX.length);
  if (!HEX_SHA256.test(hex)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/** The header value Meta would send for a body; for tests, the benchmark and the simulator. */
export function signBody(rawBody: Uint8Array | string, appSecret: string): string {
  return `${PREFIX}${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}
