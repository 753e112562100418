import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../testing/fake-openai-server.js';
import { postDelivery, signedTextDelivery } from './deliver.js';
import { readDb } from './read-db.js';
import { type ServerProcess, spawnServer } from './spawn-server.js';

const SECRET = 'drain-test-secret';
const MODEL_MS = 1_000;

let dir: string | undefined;
let fake: FakeOpenAIServer | undefined;
let server: ServerProcess | undefined;

afterEach(async () => {
  if (server && server.child.exitCode === null && server.child.signalCode === null)
    server.child.kill('SIGKILL');
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// A real server process with a slow model; bounded by MODEL_MS, not by polling loops.
it('finishes the turns in flight on SIGTERM, commits their replies and exits 0', {
  timeout: 20_000,
}, async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-drain-'));
  const dbPath = join(dir, 'sahayak.db');
  fake = await startFakeOpenAIServer({
    latencyMs: MODEL_MS,
    handler: () => ({ reply: 'Ji, main aapki madad karunga. Aapko kaun si seva chahiye?' }),
  });
  server = await spawnServer({
    env: {
      DATABASE_PATH: dbPath,
      WHATSAPP_APP_SECRET: SECRET,
      ENGINE: 'openai',
      OPENAI_BASE_URL: fake.url,
      OPENAI_API_KEY: 'fake-key',
      LLM_MODEL: 'fake-model',
      LOG_LEVEL: 'warn',
    },
  });

  const citizens = ['919833300001', '919833300002', '919833300003', '919833300004'];
  for (const [i, waId] of citizens.entries()) {
    const d = signedTextDelivery({
      waId,
      wamid: `wamid.DRAIN.${i}`,
      text: 'namaste, madad chahiye',
      secret: SECRET,
    });
    expect(await postDelivery(server.url, d)).toBe(200);
  }
  // the first citizen writes again: that message waits behind the turn in flight
  const later = signedTextDelivery({
    waId: citizens[0],
    wamid: 'wamid.DRAIN.later',
    text: 'hello?',
    secret: SECRET,
  });
  expect(await postDelivery(server.url, later)).toBe(200);

  while (fake.requestCount < citizens.length) await new Promise((r) => setTimeout(r, 10));
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
  // the model was still thinking when the signal came: the drain waited for it
  expect(fake.requestCount).toBe(citizens.length);

  const db = readDb(dbPath);
  try {
    const rows = db.all<{
      wamid: string;
      status: string;
      engine: string | null;
      fellBack: number | null;
      replies: number;
    }>(
      `select m.wamid, m.process_status as status, t.engine, t.fell_back as fellBack,
              (select count(*) from messages o where o.in_reply_to = m.id and o.direction = 'out') as replies
       from messages m left join turns t on t.inbound_id = m.id
       where m.direction = 'in' order by m.id`,
    );
    expect(rows.map((r) => [r.wamid, r.status, r.engine, r.fellBack])).toEqual([
      ['wamid.DRAIN.0', 'done', 'openai', 0],
      ['wamid.DRAIN.1', 'done', 'openai', 0],
      ['wamid.DRAIN.2', 'done', 'openai', 0],
      ['wamid.DRAIN.3', 'done', 'openai', 0],
      // not started before the signal: left pending for the next start (pipeline.recover)
      ['wamid.DRAIN.later', 'pending', null, null],
    ]);
    for (const r of rows.slice(0, 4)) expect(r.replies).toBeGreaterThanOrEqual(1);
  } finally {
    db.close();
  }
});
