import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import { exec, lockKey, type Op, type Q, rows } from '../../storage/operation.js';

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
// per username: guessing one account; per IP: a wider limit so one office behind a NAT is not locked out
export const THROTTLE_LIMITS = { user: 5, ip: 20 } as const;
// a login_attempts key carries what the visitor typed: bounded, so a huge username stores little
const MAX_KEY_CHARS = 80;

export const throttleKeys = (username: string, ip: string) => ({
  user: `user:${username.trim().toLowerCase()}`.slice(0, MAX_KEY_CHARS),
  ip: `ip:${ip}`.slice(0, MAX_KEY_CHARS),
});

function* failuresSinceLastSuccess({ db, t }: Q, key: string, now: number) {
  const attempts = yield* rows(
    db
      .select({ success: t.loginAttempts.success })
      .from(t.loginAttempts)
      .where(and(eq(t.loginAttempts.key, key), gt(t.loginAttempts.at, now - THROTTLE_WINDOW_MS)))
      .orderBy(desc(t.loginAttempts.at), desc(t.loginAttempts.id)),
  );
  let n = 0;
  for (const r of attempts) {
    if (r.success) break;
    n++;
  }
  return n;
}

/** Rows counted as failures until the password check settles them. */
export type AttemptTicket = { ids: number[] };

// Parallel guesses for one key must see each other's rows: on PostgreSQL READ COMMITTED alone
// would let two count the same rows, so each key is locked for the transaction (Dialect.keyLock).

/**
 * Decides and counts in one transaction (run it with store.transaction), before the (slow,
 * awaited) password check: an attempt is recorded as a failure up front and turned into a
 * success only when the password is right. So N guesses sent in parallel see each other's
 * rows and at most the limit of them reach the password check. Returns null when throttled.
 */
export const reserveAttempt = (username: string, ip: string, now: number): Op<AttemptTicket | null> =>
  function* (q) {
    const k = throttleKeys(username, ip);
    yield* lockKey(q, k.user);
    yield* lockKey(q, k.ip);
    if (
      (yield* failuresSinceLastSuccess(q, k.user, now)) >= THROTTLE_LIMITS.user ||
      (yield* failuresSinceLastSuccess(q, k.ip, now)) >= THROTTLE_LIMITS.ip
    )
      return null;
    const inserted = yield* rows(
      q.db
        .insert(q.t.loginAttempts)
        .values([
          { key: k.user, success: false, at: now },
          { key: k.ip, success: false, at: now },
        ])
        .returning({ id: q.t.loginAttempts.id }),
    );
    return { ids: inserted.map((r) => r.id) };
  };

/** The password was right: the reserved rows become a success, which resets both counts. */
export const settleSuccess = (ticket: AttemptTicket): Op<void> =>
  function* ({ db, t }) {
    yield* exec(
      db.update(t.loginAttempts).set({ success: true }).where(inArray(t.loginAttempts.id, ticket.ids)),
    );
  };
