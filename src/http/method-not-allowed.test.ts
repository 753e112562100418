import { Hono } from 'hono';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createApp } from './create-app.js';

// A tester's finding (2026-12-07): DELETE on the webhook, PUT on /healthz answered 404
// "not_found" for paths that exist; a client could not tell a typo from a wrong method.
function app() {
  const r = new Hono();
  r.get('/healthz', (c) => c.json({ ok: true }));
  r.get('/webhook/whatsapp', (c) => c.text('1'));
  r.post('/webhook/whatsapp', (c) => c.json({ ok: true }));
  r.get('/api/cases/:reference', (c) => c.json({ reference: c.req.param('reference') }));
  r.use('/api/*', async (_c, next) => next());
  return createApp({ routes: [r], logger: pino({ level: 'silent' }) });
}

describe('a wrong method on a path that exists', () => {
  it.each([
    ['DELETE', '/webhook/whatsapp', 'GET, HEAD, POST'],
    ['PUT', '/healthz', 'GET, HEAD'],
    ['POST', '/api/cases/CC-2026-000001', 'GET, HEAD'],
  ])('%s %s: 405 with Allow: %s', async (method, path, allow) => {
    const res = await app().request(path, { method });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe(allow);
    expect(await res.json()).toEqual({ error: 'method_not_allowed', allow: allow.split(', ') });
  });

  it('a path that does not exist is still 404 JSON, middleware or not', async () => {
    for (const path of ['/nope', '/api/other', '/api/cases/a/b']) {
      const res = await app().request(path, { method: 'POST' });
      expect(res.status, path).toBe(404);
      expect(await res.json()).toEqual({ error: 'not_found' });
    }
  });
});
