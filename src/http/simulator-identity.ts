import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const SIM_COOKIE = 'sahayak_sim';
const TOKEN = /^[A-Za-z0-9_-]{24,64}$/;

/**
 * A simulator citizen's id, derived from a random secret the browser holds in an HttpOnly
 * cookie: knowing (or guessing) an id gives no way to write as that citizen or read their
 * conversation, and a caller cannot pick one. 12 digits keep it a valid `sim…` wa_id.
 */
export function simIdFor(token: string): string {
  const h = createHash('sha256').update(`sahayak-sim:${token}`).digest();
  return `sim${(h.readBigUInt64BE(0) % 10n ** 12n).toString().padStart(12, '0')}`;
}

function issue(c: Context): string {
  const token = randomBytes(18).toString('base64url');
  setCookie(c, SIM_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    path: '/chat',
    maxAge: 30 * 24 * 60 * 60,
  });
  return simIdFor(token);
}

/** This browser's simulator id; a new one (and its cookie) when it has none and `create`. */
export function simulatorIdentity(c: Context, { create }: { create: boolean }): string | null {
  const token = getCookie(c, SIM_COOKIE);
  if (token && TOKEN.test(token)) return simIdFor(token);
  return create ? issue(c) : null;
}

/** Starts over as a new citizen (the page's "new chat"). */
export const newSimulatorIdentity = (c: Context) => issue(c);
