import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/open-database.js';
import { first, type Op, type Q, rows } from '../storage/operation.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
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

const byName = (username: string): Op<{ id: number } | undefined> =>
  function* ({ db, t }) {
    return yield* first(
      db
        .select({ id: t.staffUsers.id })
        .from(t.staffUsers)
        .where(sql`lower(${t.staffUsers.username}) = ${username}`),
    );
  };

/** The account a login names (usernames are unique whatever their case), or undefined. */
export const userForLogin = (username: string) =>
  function* ({ db, t }: Q) {
    return yield* first(
      db.select().from(t.staffUsers).where(sql`lower(${t.staffUsers.username}) = ${username.toLowerCase()}`),
    );
  };

export const listStaffUsers = () =>
  function* ({ db, t }: Q) {
    return yield* rows(db.select().from(t.staffUsers).orderBy(t.staffUsers.username));
  };

/** Creates a staff account; throws UsernameTakenError when the name exists. Returns the new id. */
export async function addStaffUser(
  store: Store,
  input: NewUser,
  now: number,
  hashParams?: Parameters<typeof hashPassword>[1],
): Promise<number> {
  const u = newUserSchema.parse(input);
  if (await store.read(byName(u.username))) throw new UsernameTakenError(`username "${u.username}" is taken`);
  const passwordHash = await hashPassword(u.password, hashParams);
  // the unique index on lower(username) refuses a twin created during the (slow) hash
  const [row] = await store.read(function* ({ db, t }) {
    return yield* rows(
      db
        .insert(t.staffUsers)
        .values({
          username: u.username,
          role: u.role,
          passwordHash,
          displayName: u.displayName || null,
          createdAt: now,
        })
        .returning({ id: t.staffUsers.id }),
    );
  });
  if (!row) throw new Error('the new account has no id');
  return row.id;
}

/** The same on the SQLite database of the code not yet on the store (CLI, tests). */
export function createStaffUser(
  db: Db,
  input: NewUser,
  now: number,
  hashParams?: Parameters<typeof hashPassword>[1],
): Promise<number> {
  return addStaffUser(sqliteStore(db), input, now, hashParams);
}
