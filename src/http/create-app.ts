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
  app.notFound((c) => c.json({ error: 'not_found' }, 404));
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
