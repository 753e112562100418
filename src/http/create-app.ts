import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Logger } from '../logging/create-logger.js';
import { bodyLimits } from './body-limit.js';
import { databaseUnavailable } from './database-unavailable.js';

/**
 * The HTTP surface: each area is its own Hono app, built by src/main.ts with its
 * dependencies and mounted here; one onError turns unexpected failures into JSON 500s
 * (or the status an HTTPException carries) without leaking internals.
 */
export function createApp({
  routes,
  logger,
  home = '/chat',
}: {
  // biome-ignore lint/suspicious/noExplicitAny: sub-apps carry their own env types
  routes: Hono<any>[];
  logger: Logger;
  /** where `/` leads: the chat simulator where it is mounted, else the staff console */
  home?: string;
}): Hono {
  const app = new Hono();
  app.use('*', bodyLimits());
  app.get('/', (c) => c.redirect(home));
  for (const r of routes) app.route('/', r);
  // a path that exists, asked with another method: 405 and what it allows, not "not found"
  const allowed = methodsByPath(app);
  app.notFound((c) => {
    const allow = allowed(c.req.path);
    if (allow.length === 0) return c.json({ error: 'not_found' }, 404);
    c.header('Allow', allow.join(', '));
    return c.json({ error: 'method_not_allowed', allow }, 405);
  });
  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const res = err.getResponse();
      return res.headers.get('content-type') ? res : c.json({ error: err.message || 'error' }, err.status);
    }
    const unavailable = databaseUnavailable(err);
    if (unavailable) {
      // another process holds the write lock (or the file is read-only): the caller retries
      logger.warn({ code: unavailable, path: c.req.path }, 'database unavailable');
      c.header('Retry-After', '5');
      return c.json({ error: 'database_unavailable', message: 'the database is busy; retry shortly' }, 503);
    }
    logger.error({ err, path: c.req.path }, 'unhandled error');
    return c.json({ error: 'internal_error' }, 500);
  });
  return app;
}

/**
 * The methods each mounted route answers, by path: Hono has no 405 of its own. Paths are
 * matched as Hono writes them (":param" one segment, "*" the rest); middleware ("ALL") is no route.
 */
function methodsByPath(app: Hono): (path: string) => string[] {
  let compiled: { re: RegExp; method: string }[] | null = null;
  return (path) => {
    // built on first use: every route is mounted by then
    compiled ??= app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        re: new RegExp(
          `^${r.path
            .split('/')
            .map((seg) =>
              seg === '*' ? '.*' : seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
            )
            .join('/')}/?$`,
        ),
      }));
    const methods = new Set(compiled.filter((r) => r.re.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}
