import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginForm, type ServedSahayak, serveSahayak } from '../testing/serve-sahayak.js';

let s: ServedSahayak;
beforeAll(async () => {
  s = await serveSahayak({ WHATSAPP_APP_SECRET: 'app-secret', PAYMENT_WEBHOOK_SECRET: 'pay-secret' });
});
afterAll(() => s.close());

const CHUNK = Buffer.alloc(64 * 1024, 'a');

/**
 * POSTs an endless chunked body (or declares `declared` bytes) and stops writing once the
 * server answers: returns the status and how many bytes had gone out by then.
 */
function flood(path: string, headers: Record<string, string>, declared?: number) {
  return new Promise<{ status: number; sent: number }>((resolve, reject) => {
    const url = new URL(path, s.base);
    let sent = 0;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: declared ? { ...headers, 'content-length': String(declared) } : headers,
    });
    req.on('response', (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sent });
      req.destroy();
    });
    req.on('error', (err) => (answered ? undefined : reject(err)));
    const pump = () => {
      // 150 MB at most, as in the report; a server that reads it all never answers in time
      while (!answered && sent < 150 * 1024 * 1024) {
        sent += CHUNK.length;
        if (!req.write(CHUNK)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

const count = (table: string) =>
  (s.sahayak.db.$client.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;

describe('body limits on every route (real server)', () => {
  it('POST /staff/login, chunked: 413 after reading about the limit, nothing stored', async () => {
    const { cookie } = await loginForm(s.base);
    const r = await flood('/staff/login', {
      cookie,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(8 * 1024 * 1024);
    expect([count('login_attempts'), count('audit_log')]).toEqual([0, 0]);
  });

  it('POST /staff/login declaring 150 MB: 413 before any of it is read', async () => {
    const { cookie } = await loginForm(s.base);
    const r = await flood(
      '/staff/login',
      { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      150 * 1024 * 1024,
    );
    expect(r.status).toBe(413);
    expect(r.sent).toBeLessThan(8 * 1024 * 1024);
    expect([count('login_attempts'), count('audit_log')]).toEqual([0, 0]);
  });

  it.each([
    ['/chat/api/messages', { 'content-type': 'application/json' }],
    ['/webhook/whatsapp', { 'content-type': 'application/json' }],
    ['/webhook/payments', { 'content-type': 'application/json' }],
    ['/staff/logout', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['/api/applications', { 'content-type': 'application/json' }],
    ['/no/such/route', { 'content-type': 'text/plain' }],
  ])('POST %s, chunked and declared: 413, memory not filled, nothing stored', async (path, headers) => {
    const rssBefore = process.memoryUsage().rss;
    for (const declared of [undefined, 150 * 1024 * 1024]) {
      const r = await flood(path, headers, declared);
      expect(r.status).toBe(413);
      expect(r.sent).toBeLessThan(12 * 1024 * 1024);
    }
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * 1024 * 1024);
    expect(count('messages')).toBe(0);
  });

  it('a body inside the limit still goes through (a chat message of a few KB)', async () => {
    const res = await fetch(`${s.base}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message: { kind: 'text', text: 'नमस्ते '.repeat(500) } }),
    });
    expect(res.status).toBe(202);
  });
});
