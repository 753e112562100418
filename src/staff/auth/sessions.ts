import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import { exec, first, type Op } from '../../storage/operation.js';

export const SESSION_COOKIE = 'sahayak_staff';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type Role = 'reviewer' | 'officer' | 'admin';
export type StaffUser = { id: number; username: string; displayName: string | null; role: Role };
export type StaffSession = { user: StaffUser; csrfToken: string; tokenHash: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates a session (a transaction: expired ones go first); returns the cookie value (only its hash is stored). */
export const createSession = (userId: number, now: number): Op<{ token: string; csrfToken: string }> =>
  function* ({ db, t }) {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    yield* exec(db.delete(t.staffSessions).where(lt(t.staffSessions.expiresAt, now)));
    yield* exec(
      db.insert(t.staffSessions).values({
        tokenHash: sha256(token),
        userId,
        csrfToken,
        expiresAt: now + SESSION_TTL_MS,
        createdAt: now,
      }),
    );
    return { token, csrfToken };
  };

/** The live session behind a cookie value, or null (unknown, expired, or the account was disabled). */
export const findSession = (token: string | undefined, now: number): Op<StaffSession | null> =>
  function* ({ db, t }) {
    if (!token) return null;
    const tokenHash = sha256(token);
    const row = yield* first(
      db
        .select({
          csrfToken: t.staffSessions.csrfToken,
          expiresAt: t.staffSessions.expiresAt,
          id: t.staffUsers.id,
          username: t.staffUsers.username,
          displayName: t.staffUsers.displayName,
          role: t.staffUsers.role,
          disabled: t.staffUsers.disabled,
        })
        .from(t.staffSessions)
        .innerJoin(t.staffUsers, eq(t.staffUsers.id, t.staffSessions.userId))
        .where(eq(t.staffSessions.tokenHash, tokenHash)),
    );
    if (!row || row.expiresAt <= now || row.disabled) return null;
    return {
      tokenHash,
      csrfToken: row.csrfToken,
      user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role },
    };
  };

export const deleteSession = (tokenHash: string): Op<void> =>
  function* ({ db, t }) {
    yield* exec(db.delete(t.staffSessions).where(eq(t.staffSessions.tokenHash, tokenHash)));
  };

export const deleteUserSessions = (userId: number): Op<void> =>
  function* ({ db, t }) {
    yield* exec(db.delete(t.staffSessions).where(eq(t.staffSessions.userId, userId)));
  };

const rank: Record<Role, number> = { reviewer: 1, officer: 2, admin: 3 };
export const hasRole = (user: StaffUser, min: Role) => rank[user.role] >= rank[min];
