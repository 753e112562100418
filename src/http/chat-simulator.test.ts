import { afterEach, describe, expect, it } from 'vitest';
import { type ServedSahayak, serveSahayak } from '../testing/serve-sahayak.js';

const served: ServedSahayak[] = [];
afterEach(async () => {
  for (const s of served.splice(0)) await s.close();
});
async function start(env: Record<string, string>) {
  const s = await serveSahayak(env);
  served.push(s);
  return s;
}
const PRODUCTION = { NODE_ENV: 'production', WHATSAPP_APP_SECRET: 'app-secret' };

const send = (base: string, waId?: string, cookie?: string) =>
  fetch(`${base}/chat/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ ...(waId ? { waId } : {}), message: { kind: 'text', text: 'namaste' } }),
  });

/** A browser's simulator session: its cookie and the id the server derived from it. */
async function session(base: string) {
  const res = await fetch(`${base}/chat/api/me`);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  const { waId } = (await res.json()) as { waId: string };
  return { cookie, waId };
}

describe('/chat simulator mounting (real server)', () => {
  it('is not there when NODE_ENV=production: 404, nothing stored', async () => {
    const s = await start(PRODUCTION);
    expect((await fetch(`${s.base}/chat`)).status).toBe(404);
    expect((await fetch(`${s.base}/chat/api/messages?waId=sim9100000001`)).status).toBe(404);
    expect((await send(s.base, 'sim9100000001')).status).toBe(404);
    const upload = new FormData();
    upload.append('file', new Blob(['x'], { type: 'image/png' }), 'x.png');
    expect((await fetch(`${s.base}/chat/api/upload`, { method: 'POST', body: upload })).status).toBe(404);
    // `/` leads to the staff console, not to the missing simulator
    expect((await fetch(`${s.base}/`, { redirect: 'manual' })).headers.get('location')).toBe('/staff');
    const n = s.sahayak.db.$client.prepare('select count(*) n from messages').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('is there in production only when CHAT_SIMULATOR_ENABLED=true', async () => {
    const s = await start({ ...PRODUCTION, CHAT_SIMULATOR_ENABLED: 'true' });
    expect((await fetch(`${s.base}/chat`)).status).toBe(200);
    expect((await fetch(`${s.base}/`, { redirect: 'manual' })).headers.get('location')).toBe('/chat');
  });

  it('is there by default in development, and can be switched off', async () => {
    const dev = await start({ NODE_ENV: 'development' });
    expect((await fetch(`${dev.base}/chat`)).status).toBe(200);
    const off = await start({ NODE_ENV: 'development', CHAT_SIMULATOR_ENABLED: 'false' });
    expect((await fetch(`${off.base}/chat`)).status).toBe(404);
  });

  it('a body that is not JSON is said to be so (it was "invalid_message: expected object, received null")', async () => {
    const s = await start({ NODE_ENV: 'development' });
    const res = await fetch(`${s.base}/chat/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{bad',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_json' });
  });

  it('rate-limits per client address: a new identity per message does not reset it', async () => {
    const s = await start({ CHAT_SIMULATOR_RATE_PER_MINUTE: '5' });
    const statuses: number[] = [];
    // no cookie: each message is a fresh simulator citizen, the closest to picking a new id
    for (let i = 0; i < 8; i++) statuses.push((await send(s.base)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    await s.sahayak.pipeline.idle();
    const n = s.sahayak.db.$client
      .prepare(`select count(*) n from messages where direction = 'in'`)
      .get() as { n: number };
    expect(n.n).toBe(5);
  });

  it('a caller cannot choose a simulator id: writing or reading another browser’s conversation is refused', async () => {
    const s = await start({});
    const victim = await session(s.base);
    expect((await send(s.base, undefined, victim.cookie)).status).toBe(202);
    const attacker = await session(s.base);
    expect(attacker.waId).not.toBe(victim.waId);
    expect((await send(s.base, victim.waId, attacker.cookie)).status).toBe(403);
    expect((await send(s.base, victim.waId)).status).toBe(403);
    const read = await fetch(`${s.base}/chat/api/messages?waId=${victim.waId}`, {
      headers: { cookie: attacker.cookie },
    });
    expect(read.status).toBe(403);
    expect((await fetch(`${s.base}/chat/api/messages?waId=${victim.waId}`)).status).toBe(401);
    const own = await fetch(`${s.base}/chat/api/messages`, { headers: { cookie: victim.cookie } });
    const { items } = (await own.json()) as { items: { direction: string; text: string }[] };
    expect(items.filter((m) => m.direction === 'in').map((m) => m.text)).toEqual(['namaste']);
    const mine = await fetch(`${s.base}/chat/api/messages`, { headers: { cookie: attacker.cookie } });
    expect(((await mine.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
