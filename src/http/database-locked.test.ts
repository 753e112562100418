import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdWriteLock } from '../testing/hold-write-lock.js';
import { type ServedSahayak, serveSahayak } from '../testing/serve-sahayak.js';
import { textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';

const SECRET = 'lock-secret';
let s: ServedSahayak;
let dir: string;
let path: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-lock-'));
  path = join(dir, 'sahayak.db');
  s = await serveSahayak({
    DATABASE_PATH: path,
    WHATSAPP_APP_SECRET: SECRET,
    DATABASE_BUSY_TIMEOUT_MS: '300',
  });
});
afterAll(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

const body = JSON.stringify(textDelivery({ waId: '919822200001', wamid: 'wamid.LOCK1', text: 'namaste' }));
const post = () =>
  fetch(`${s.base}/webhook/whatsapp`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
    body,
  });

describe('a second process holding the write lock (real server, database file)', () => {
  it('the webhook answers 503 with Retry-After (Meta retries), the server stays up, then accepts', async () => {
    const { released } = await holdWriteLock(path, 1500);
    const started = Date.now();
    const refused = await post();
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(await refused.json()).toMatchObject({ error: 'database_unavailable' });
    // the HTTP thread was held for the busy timeout, not for the whole lock
    expect(Date.now() - started).toBeLessThan(1500);
    expect((await fetch(`${s.base}/healthz`)).status).toBe(200);
    await released;
    const accepted = await post();
    expect(accepted.status).toBe(200);
    const n = s.sahayak.db.$client
      .prepare(`select count(*) n from messages where wamid = 'wamid.LOCK1'`)
      .get();
    expect(n).toEqual({ n: 1 });
  });
});
