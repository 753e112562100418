import { and, desc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/open-database.js';
import { loginAttempts } from '../../db/schema.js';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
// per username: guessing one account; per IP: a wider limit so one office behind a NAT is not locked out
const LIMITS = { user: 5, ip: 20 } as const;

export const throttleKeys = (username: string, ip: string) => ({
  user: `user:${username.trim().toLowerCase()}`,
  ip: `ip:${ip}`,
});

function failuresSinceLastSuccess(db: Db, key: string, now: number): number {
  const rows = db
    .select({ success: loginAttempts.success })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.at, now - THROTTLE_WINDOW_MS)))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .all();
  let n = 0;
  for (const r of rows) {
    if (r.success) break;
    n++;
  }
  return n;
}

/** True when either key has used up its failures inside the window. */
export function isThrottled(db: Db, username: string, ip: string, now: number): boolean {
  const k = throttleKeys(username, ip);
  return (
    failuresSinceLastSuccess(db, k.user, now) >= LIMITS.user ||
    failuresSinceLastSuccess(db, k.ip, now) >= LIMITS.ip
  );
}

export function recordAttempt(db: Db, username: string, ip: string, success: boolean, now: number): void {
  const k = throttleKeys(username, ip);
  db.insert(loginAttempts)
    .values([
      { key: k.user, success, at: now },
      { key: k.ip, success, at: now },
    ])
    .run();
}
