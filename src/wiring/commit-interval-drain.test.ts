import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { type CommitParticipant, iterationCommit } from '../pipeline/iteration-commit.js';
import { signedTextDelivery } from '../reliability/deliver.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { createSahayak } from './create-sahayak.js';

const SECRET = 'app-secret';
let dir: string | undefined;
let graph: FakeGraphServer | undefined;

afterEach(async () => {
  await graph?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Under SQLITE_COMMIT_INTERVAL_MS a write may still wait for its commit when the drain
// begins: what was acknowledged or sent is kept all the same.
it('a drain under a long commit interval records the send that was in flight as sent', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-commit-interval-'));
  const path = join(dir, 'sahayak.db');
  // Graph answers slowly: the send's outcome comes after stop() began
  graph = await startFakeGraphServer({ behaviour: () => ({ kind: 'ok', delayMs: 300 }) });
  const sahayak = createSahayak(
    loadConfig({
      DATABASE_PATH: path,
      SQLITE_COMMIT_INTERVAL_MS: '1000',
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: 'graph-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: graph.url,
    }),
    { logger: createLogger({ level: 'silent' }) },
  );
  sahayak.start();
  const d = signedTextDelivery({ waId: '919812300007', wamid: 'wamid.ci1', text: 'hello', secret: SECRET });
  const res = await sahayak.app.request('/webhook/whatsapp', { method: 'POST', ...d });
  expect(res.status).toBe(200);
  await expect
    .poll(() => graph?.requests.filter((r) => r.to === '919812300007').length, { timeout: 5_000 })
    .toBeGreaterThan(0);
  await sahayak.stop();

  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare(`select send_status as status, wamid from messages where direction = 'out' order by id`)
      .all() as { status: string; wamid: string | null }[];
    expect(rows.length).toBeGreaterThan(0);
    // nothing left 'sending' (re-sent on the next start) or 'queued' behind the one in flight
    const inFlight = rows.filter((r) => r.status !== 'queued');
    expect(inFlight.length).toBeGreaterThan(0);
    for (const r of inFlight) {
      expect(r.status).toBe('sent');
      expect(r.wamid).toMatch(/^wamid\./);
    }
  } finally {
    db.close();
  }
});

it('closing the database writes what waits for the spaced commit, before the file closes', async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-commit-interval-'));
  const path = join(dir, 'sahayak.db');
  const sahayak = createSahayak(loadConfig({ DATABASE_PATH: path, SQLITE_COMMIT_INTERVAL_MS: '1000' }), {
    logger: createLogger({ level: 'silent' }),
  });
  const commit = iterationCommit(sahayak.db);
  const events: string[] = [];
  const writer = (name: string): CommitParticipant => ({
    write: () => sahayak.db.$client.prepare(`insert into counters (name, value) values (?, 1)`).run(name),
    committed: () => events.push(`${name} committed`),
    failed: (e) => events.push(`${name} failed: ${(e as Error).message}`),
  });
  commit.join(writer('first')); // after a quiet spell: committed in the next iteration
  await new Promise((r) => setImmediate(r));
  commit.join(writer('second')); // waits up to a second for its commit…
  await sahayak.stop(); // …which the drain, with nothing else running, does not wait for
  expect(events).toEqual(['first committed', 'second committed']);

  const db = new Database(path, { readonly: true });
  try {
    expect(
      db.prepare(`select name from counters where name in ('first', 'second') order by name`).pluck().all(),
    ).toEqual(['first', 'second']);
  } finally {
    db.close();
  }
});
