import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open-database.js';
import { loginAttempts } from '../../db/schema.js';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
// per username: guessing one account; per IP: a wider limit so one office behind a NAT is not locked out
export const THROTTLE_LIMITS = { user: 5, ip: 20 } as const;
// a login_attempts key carries what the visitor typed: bounded, so a huge username stores little
const MAX_KEY_CHARS = 80;

export const throttleKeys = (username: string, ip: string) => ({
  user: `user:${username.trim().toLowerCase()}`.slice(0, MAX_KEY_CHARS),
  ip: `ip:${ip}`.slice(0, MAX_KEY_CHARS),
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

/** Rows counted as failures until the password check settles them. */
export type AttemptTicket = { ids: number[] };

/**
 * Decides and counts in one transaction, before the (slow, awaited) password check: an
 * attempt is recorded as a failure up front and turned into a success only when the
 * password is right. So N guesses sent in parallel see each other's rows and at most the
 * limit of them reach the password check. Returns null when throttled (nothing written).
 */
export function reserveAttempt(db: Db, username: string, ip: string, now: number): AttemptTicket | null {
  const k = throttleKeys(username, ip);
  return db.transaction((tx) => {
    const t = tx as unknown as Db;
    if (
      failuresSinceLastSuccess(t, k.user, now) >= THROTTLE_LIMITS.user ||
      failuresSinceLastSuccess(t, k.ip, now) >= THROTTLE_LIMITS.ip
    )
      return null;
    const rows = tx
      .insert(loginAttempts)
      .values([
        { key: k.user, success: false, at: now },
        { key: k.ip, success: false, at: now },
      ])
      .returning({ id: loginAttempts.id })
      .all();
    return { ids: rows.map((r) => r.id) };
  });
}

/** The password was right: the reserved rows become a success, which resets both counts. */
export function settleSuccess(db: Db, ticket: AttemptTicket): void {
  db.update(loginAttempts).set({ success: true }).where(inArray(loginAttempts.id, ticket.ids)).run();
}
