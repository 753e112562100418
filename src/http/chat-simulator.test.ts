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

const send = (base: string, waId: string) =>
  fetch(`${base}/chat/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ waId, message: { kind: 'text', text: 'namaste' } }),
  });

describe('/chat simulator mounting (real server)', () => {
  it('is not there when NODE_ENV=production: 404, nothing stored', async () => {
    const s = await start(PRODUCTION);
    expect((await fetch(`${s.base}/chat`)).status).toBe(404);
    expect((await fetch(`${s.base}/chat/api/messages?waId=sim9100000001`)).status).toBe(404);
    expect((await send(s.base, 'sim9100000001')).status).toBe(404);
    const n = s.sahayak.db.$client.prepare('select count(*) n from messages').get() as { n: number };
    expect(n.n).toBe(0);
  });

  it('is there in production only when CHAT_SIMULATOR_ENABLED=true', async () => {
    const s = await start({ ...PRODUCTION, CHAT_SIMULATOR_ENABLED: 'true' });
    expect((await fetch(`${s.base}/chat`)).status).toBe(200);
  });

  it('is there by default in development, and can be switched off', async () => {
    const dev = await start({ NODE_ENV: 'development' });
    expect((await fetch(`${dev.base}/chat`)).status).toBe(200);
    const off = await start({ NODE_ENV: 'development', CHAT_SIMULATOR_ENABLED: 'false' });
    expect((await fetch(`${off.base}/chat`)).status).toBe(404);
  });

  it('rate-limits per client address: a new sim id per message does not reset it', async () => {
    const s = await start({ CHAT_SIMULATOR_RATE_PER_MINUTE: '5' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await send(s.base, `sim91000000${10 + i}`)).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429, 429]);
    await s.sahayak.pipeline.idle();
    const n = s.sahayak.db.$client
      .prepare(`select count(*) n from messages where direction = 'in'`)
      .get() as { n: number };
    expect(n.n).toBe(5);
  });
});
