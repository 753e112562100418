import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loginForm, type ServedSahayak, serveSahayak } from '../../testing/serve-sahayak.js';
import { createStaffUser } from '../accounts.js';
import { THROTTLE_LIMITS } from './throttle.js';

const PASSWORD = 'correct horse battery';
const served: ServedSahayak[] = [];
afterEach(async () => {
  for (const x of served.splice(0)) await x.close();
});

// a fresh server and account per test, made in the hook (the account's hash is the slow part)
let s: ServedSahayak;
beforeEach(async () => {
  s = await serveSahayak();
  served.push(s);
  // the real scrypt cost: the slower the check, the wider the race it must not open
  await createStaffUser(
    s.sahayak.db,
    { username: 'officer', role: 'officer', password: PASSWORD },
    Date.now(),
  );
});

/** `n` login POSTs for one user, started 2 ms apart so they arrive in order but overlap. */
async function parallelLogins(base: string, passwords: string[], username = 'officer') {
  const { cookie, csrf } = await loginForm(base);
  return Promise.all(
    passwords.map(async (password, i) => {
      await new Promise((r) => setTimeout(r, i * 2));
      const res = await fetch(`${base}/staff/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf, username, password }),
      });
      await res.arrayBuffer();
      return res.status;
    }),
  );
}

const checked = () =>
  (
    s.sahayak.db.$client
      .prepare(`select count(*) n from audit_log where action in ('login', 'login.failed')`)
      .get() as { n: number }
  ).n;

describe('login throttle under parallel guesses (real server)', () => {
  it('40 parallel wrong guesses for one user: at most the limit reach the password check', async () => {
    const statuses = await parallelLogins(s.base, Array(40).fill('wrong password!'));
    expect(statuses.filter((x) => x === 401)).toHaveLength(THROTTLE_LIMITS.user);
    expect(statuses.filter((x) => x === 429)).toHaveLength(40 - THROTTLE_LIMITS.user);
    expect(checked()).toBe(THROTTLE_LIMITS.user);
  });

  it('19 parallel guesses with the right password at #9: it does not log in', async () => {
    const passwords = Array(19).fill('wrong password!');
    passwords[8] = PASSWORD;
    const statuses = await parallelLogins(s.base, passwords);
    expect(statuses[8]).toBe(429);
    expect(statuses).not.toContain(303);
    expect(checked()).toBeLessThanOrEqual(THROTTLE_LIMITS.user);
  });

  it('a 3,000-character username (inside the 4 KB form limit) is stored bounded', async () => {
    const statuses = await parallelLogins(s.base, ['x'], 'a'.repeat(3000));
    expect(statuses).toEqual([401]);
    const longest = s.sahayak.db.$client
      .prepare(
        'select max(length(key)) k, (select max(length(target_id)) from audit_log) t from login_attempts',
      )
      .get() as { k: number; t: number };
    expect(longest.k).toBeLessThanOrEqual(80);
    expect(longest.t).toBeLessThanOrEqual(64);
  });

  it('usernames are one account whatever the case: same lockout, no second "Officer"', async () => {
    await expect(
      createStaffUser(s.sahayak.db, { username: 'Officer', role: 'admin', password: PASSWORD }, Date.now(), {
        N: 1024,
      }),
    ).rejects.toThrow(/taken/);
    const statuses = await parallelLogins(s.base, Array(5).fill('wrong password!'), 'OFFICER');
    expect(statuses).toEqual(Array(5).fill(401));
    expect(await parallelLogins(s.base, [PASSWORD], 'officer')).toEqual([429]);
  });
});
