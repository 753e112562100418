import { randomBytes, timingSafeEqual } from 'node:crypto';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { userForLogin } from '../accounts.js';
import { auditOp } from '../audit.js';
import { verifyPassword } from '../auth/password.js';
import { createSession, SESSION_COOKIE, SESSION_TTL_MS } from '../auth/sessions.js';
import { reserveAttempt, settleSuccess } from '../auth/throttle.js';
import type { StaffDeps } from '../context.js';
import { Layout } from '../views/layout.js';

// Longer than any valid username (accounts.ts: 40); what is stored of a typed name is cut to this.
const MAX_USERNAME_CHARS = 64;

// Before there is a session, CSRF on the login form is a double-submit cookie.
const LOGIN_CSRF_COOKIE = 'sahayak_login_csrf';

// Verified against when the username is unknown, so a miss costs the same time as a wrong password.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export const safeEqual = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

function LoginPage(props: { csrf: string; error?: string; username?: string }) {
  return (
    <Layout title="Log in">
      <div class="card" style="max-width:380px;margin:2rem auto">
        <h1>Staff log in</h1>
        {props.error && <p class="error">{props.error}</p>}
        <form method="post" action="/staff/login" class="stack">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <div>
            <label for="username">Username</label>
            <br />
            <input
              id="username"
              name="username"
              autocomplete="username"
              required
              value={props.username ?? ''}
            />
          </div>
          <div>
            <label for="password">Password</label>
            <br />
            <input id="password" name="password" type="password" autocomplete="current-password" required />
          </div>
          <button type="submit">Log in</button>
        </form>
      </div>
    </Layout>
  );
}

export function loginRoutes(deps: StaffDeps) {
  const app = new Hono();
  const cookieOpts = { httpOnly: true, sameSite: 'Lax' as const, secure: deps.secureCookies, path: '/staff' };

  const showForm = (c: Context, status: 200 | 401 | 429, error?: string, username?: string) => {
    const csrf = randomBytes(24).toString('base64url');
    setCookie(c, LOGIN_CSRF_COOKIE, csrf, { ...cookieOpts, maxAge: 3600 });
    return c.html(<LoginPage csrf={csrf} error={error} username={username} />, status);
  };

  app.get('/staff/login', (c) => showForm(c, 200));

  app.post('/staff/login', async (c) => {
    const body = await c.req.parseBody();
    const str = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    const cookieCsrf = getCookie(c, LOGIN_CSRF_COOKIE) ?? '';
    if (!cookieCsrf || !safeEqual(cookieCsrf, str('_csrf')))
      return c.text('Forbidden: missing or bad CSRF token', 403);
    const typed = str('username').trim();
    // stored in login_attempts and audit_log: bounded, whatever was typed
    const username = typed.slice(0, MAX_USERNAME_CHARS);
    const now = deps.now();
    const ip = clientIp(c);
    // counted before the password check, in one step, so parallel guesses cannot overtake it
    const ticket = await deps.store.transaction(reserveAttempt(username, ip, now));
    if (!ticket) {
      await deps.store.read(
        auditOp({
          userId: null,
          action: 'login.throttled',
          targetType: 'staff_user',
          targetId: username,
          detail: { ip },
          now,
        }),
      );
      return showForm(c, 429, 'Too many failed attempts. Try again in 15 minutes.', username);
    }
    // usernames are unique case-insensitively: "Asha" and "asha" are one account
    const user =
      typed.length > MAX_USERNAME_CHARS ? undefined : await deps.store.read(userForLogin(username));
    const ok = await verifyPassword(str('password'), user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      await deps.store.read(
        auditOp({
          userId: user?.id ?? null,
          action: 'login.failed',
          targetType: 'staff_user',
          targetId: username,
          detail: { ip },
          now,
        }),
      );
      return showForm(c, 401, 'Wrong username or password.', username);
    }
    const { token } = await deps.store.transaction(function* (q) {
      yield* settleSuccess(ticket)(q);
      const session = yield* createSession(user.id, now)(q);
      yield* auditOp({
        userId: user.id,
        action: 'login',
        targetType: 'staff_user',
        targetId: user.id,
        detail: { ip },
        now,
      })(q);
      return session;
    });
    deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/staff' });
    setCookie(c, SESSION_COOKIE, token, { ...cookieOpts, maxAge: Math.floor(SESSION_TTL_MS / 1000) });
    return c.redirect('/staff', 303);
  });

  return app;
}
