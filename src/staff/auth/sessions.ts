import { createHash, randomBytes } from 'node:crypto';
import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/open-database.js';
import { staffSessions, staffUsers } from '../../db/schema.js';

export const SESSION_COOKIE = 'sahayak_staff';
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export type Role = 'reviewer' | 'officer' | 'admin';
export type StaffUser = { id: number; username: string; displayName: string | null; role: Role };
export type StaffSession = { user: StaffUser; csrfToken: string; tokenHash: string };

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Creates a session; returns the cookie value (only its hash is stored). */
export function createSession(db: Db, userId: number, now: number): { token: string; csrfToken: string } {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  db.delete(staffSessions).where(lt(staffSessions.expiresAt, now)).run();
  db.insert(staffSessions)
    .values({ tokenHash: sha256(token), userId, csrfToken, expiresAt: now + SESSION_TTL_MS, createdAt: now })
    .run();
  return { token, csrfToken };
}

/** The live session behind a cookie value, or null (unknown, expired, or the account was disabled). */
export function findSession(db: Db, token: string | undefined, now: number): StaffSession | null {
  if (!token) return null;
  const tokenHash = sha256(token);
  const row = db
    .select({
      csrfToken: staffSessions.csrfToken,
      expiresAt: staffSessions.expiresAt,
      id: staffUsers.id,
      username: staffUsers.username,
      displayName: staffUsers.displayName,
      role: staffUsers.role,
      disabled: staffUsers.disabled,
    })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.userId))
    .where(eq(staffSessions.tokenHash, tokenHash))
    .get();
  if (!row || row.expiresAt <= now || row.disabled) return null;
  return {
    tokenHash,
    csrfToken: row.csrfToken,
    user: { id: row.id, username: row.username, displayName: row.displayName, role: row.role },
  };
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(staffSessions).where(eq(staffSessions.tokenHash, tokenHash)).run();
}

export function deleteUserSessions(db: Db, userId: number): void {
  db.delete(staffSessions).where(eq(staffSessions.userId, userId)).run();
}

const rank: Record<Role, number> = { reviewer: 1, officer: 2, admin: 3 };
export const hasRole = (user: StaffUser, min: Role) => rank[user.role] >= rank[min];
