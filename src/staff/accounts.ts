import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open-database.js';
import { staffUsers } from '../db/schema.js';
import { hashPassword } from './auth/password.js';

/** The account rules in words, shown before anything is asked (the CLI) and beside the form. */
export const ACCOUNT_RULES = [
  'username: 2–40 letters, digits, dot, dash or underscore (stored lower-case; "Asha" and "asha" are one account)',
  'role: reviewer, officer or admin',
  'password: at least 10 characters, at most 200',
].join('\n');

export const roleSchema = z.enum(['reviewer', 'officer', 'admin']);
export const newUserSchema = z.object({
  username: z
    .string()
    .trim()
    // one account per name whatever its case: stored lower-case, looked up by lower(username)
    .toLowerCase()
    .regex(/^[a-z0-9._-]{2,40}$/i, 'username: 2–40 letters, digits, dot, dash or underscore'),
  role: roleSchema,
  password: z.string().min(10, 'password: at least 10 characters').max(200),
  displayName: z.string().trim().max(80).optional(),
});
export type NewUser = z.infer<typeof newUserSchema>;

export class UsernameTakenError extends Error {
  override name = 'UsernameTakenError';
}

/** Creates a staff account; throws UsernameTakenError when the name exists. Returns the new id. */
export async function createStaffUser(
  db: Db,
  input: NewUser,
  now: number,
  hashParams?: Parameters<typeof hashPassword>[1],
): Promise<number> {
  const u = newUserSchema.parse(input);
  const taken = db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(sql`lower(${staffUsers.username}) = ${u.username}`)
    .get();
  if (taken) {
    throw new UsernameTakenError(`username "${u.username}" is taken`);
  }
  const passwordHash = await hashPassword(u.password, hashParams);
  const row = db
    .insert(staffUsers)
    .values({
      username: u.username,
      role: u.role,
      passwordHash,
      displayName: u.displayName || null,
      createdAt: now,
    })
    .returning({ id: staffUsers.id })
    .get();
  return row.id;
}
