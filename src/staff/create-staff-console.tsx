import { Hono } from 'hono';
import { deleteCookie, getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { databaseUnavailable } from '../http/database-unavailable.js';
import { storeOf } from '../http/store-of.js';
import { auditOp } from './audit.js';
import { auditListViews } from './audit-list-views.js';
import { deleteSession, findSession, SESSION_COOKIE } from './auth/sessions.js';
import type { StaffDeps, StaffEnv } from './context.js';

export type StaffConsoleOptions = Omit<StaffDeps, 'store'> & Partial<Pick<StaffDeps, 'store'>>;

import { accountRoutes } from './routes/accounts.js';
import { caseRoutes } from './routes/cases.js';
import { conversationRoutes } from './routes/conversations.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { handoffRoutes } from './routes/handoffs.js';
import { loginRoutes, safeEqual } from './routes/login.js';
import { mediaRoutes } from './routes/media.js';
import { serviceCaseRoutes } from './routes/service-cases.js';
import { templateReplyRoutes } from './routes/template-reply.js';
import { Layout } from './views/layout.js';

export type { StaffDeps } from './context.js';

/** The staff console: everything under /staff, server-rendered; mount with `app.route('/', createStaffConsole(deps))`. */
export function createStaffConsole(options: StaffConsoleOptions): Hono<StaffEnv> {
  // given no store (today's wiring), the console runs on the SQLite adapter over the app's own connection
  const deps: StaffDeps = { ...options, store: storeOf(options) };
  const app = new Hono<StaffEnv>();

  app.use('/staff/*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header(
      'Content-Security-Policy',
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
  });
  app.use('/staff', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
    c.header('X-Frame-Options', 'DENY');
  });

  app.route('/', loginRoutes(deps));

  // Everything below needs a live session, and every POST the session's CSRF token.
  const guard = createMiddleware<StaffEnv>(async (c, next) => {
    if (c.req.path === '/staff/login') return next();
    const session = await deps.store.read(findSession(getCookie(c, SESSION_COOKIE), deps.now()));
    if (!session) {
      if (c.req.method === 'GET') return c.redirect('/staff/login', 303);
      return c.text('Unauthorized: log in first', 401);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const body = await c.req.parseBody();
      const token = typeof body._csrf === 'string' ? body._csrf : '';
      if (!token || !safeEqual(token, session.csrfToken))
        return c.text('Forbidden: missing or bad CSRF token', 403);
    }
    c.set('session', session);
    await next();
  });
  app.use('/staff', guard);
  app.use('/staff/*', guard);
  // one audit row per list or search of citizens' records (detail pages audit themselves)
  app.use('/staff/*', auditListViews(deps));

  app.post('/staff/logout', async (c) => {
    const s = c.get('session');
    const now = deps.now();
    await deps.store.transaction(function* (q) {
      yield* deleteSession(s.tokenHash)(q);
      yield* auditOp({
        userId: s.user.id,
        action: 'logout',
        targetType: 'staff_user',
        targetId: s.user.id,
        now,
      })(q);
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/staff' });
    return c.redirect('/staff/login', 303);
  });

  app.route('/', dashboardRoutes(deps));
  app.route('/', conversationRoutes(deps));
  app.route('/', caseRoutes(deps));
  app.route('/', serviceCaseRoutes(deps, deps.services));
  app.route('/', handoffRoutes(deps));
  app.route('/', accountRoutes(deps));
  app.route('/', mediaRoutes(deps));
  app.route('/', templateReplyRoutes(deps));

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const status = err.status;
      const session = c.get('session');
      return c.html(
        <Layout title={String(status)} session={session}>
          <h1>{status === 403 ? 'Not allowed' : status === 404 ? 'Not found' : 'Request refused'}</h1>
          <p>{err.message}</p>
        </Layout>,
        status,
      );
    }
    if (databaseUnavailable(err)) {
      // another process holds the write lock: nothing was changed, trying again will work
      c.header('Retry-After', '5');
      return c.text('The database is busy; nothing was changed. Try again in a few seconds.', 503);
    }
    deps.logger.error({ err, path: c.req.path }, 'staff console error');
    return c.text('Internal error', 500);
  });

  return app;
}
