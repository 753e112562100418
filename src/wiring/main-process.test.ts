import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { postDelivery, signedTextDelivery } from '../reliability/deliver.js';
import { readDb } from '../reliability/read-db.js';
import { freePort, type ServerProcess, spawnServer } from '../reliability/spawn-server.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';

// src/main.ts as its own process: what an operator sees at start and at a deploy's SIGTERM.
let dir: string | undefined;
let graph: FakeGraphServer | undefined;
let blocker: Server | undefined;
const servers: ServerProcess[] = [];
afterEach(async () => {
  for (const s of servers.splice(0))
    if (s.child.exitCode === null && !s.child.signalCode) s.child.kill('SIGKILL');
  await graph?.close();
  graph = undefined;
  await new Promise((r) => (blocker ? blocker.close(r) : r(null)));
  blocker = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
const tempDir = () => {
  dir ??= mkdtempSync(join(tmpdir(), 'sahayak-main-'));
  return dir;
};

/** Runs src/main.ts until it exits by itself; its exit code and what it wrote. */
function runMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b;
  });
  child.stderr.on('data', (b: Buffer) => {
    stderr += b;
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
}

// each spawns a node process with the tsx loader: seconds on a loaded machine
it('a port in use ends the start with one clear line, not an EADDRINUSE stack', {
  timeout: 20_000,
}, async () => {
  const port = await freePort();
  blocker = createServer();
  await new Promise<void>((r) => blocker?.listen(port, '127.0.0.1', r));
  const run = await runMain({ PORT: String(port), DATABASE_PATH: join(tempDir(), 'db.sqlite') });
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`sahayak: port ${port} on 127.0.0.1 is already in use (set PORT)\n`);
});

it('a bad fee schedule ends the start with one clear line, before it listens', {
  timeout: 20_000,
}, async () => {
  const fees = join(tempDir(), 'fees.json');
  writeFileSync(fees, '{"freeWithinDays": "soon"}');
  const run = await runMain({
    PORT: String(await freePort()),
    DATABASE_PATH: join(tempDir(), 'db.sqlite'),
    FEE_SCHEDULE_PATH: fees,
  });
  expect(run.code).toBe(1);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(
    /^sahayak: cannot load FEE_SCHEDULE_PATH=.*fees\.json: fee schedule: freeWithinDays: /,
  );
});

it('SIGTERM under load drains within 10 s, and every send that reached Graph is recorded', {
  timeout: 30_000,
}, async () => {
  const SECRET = 'drain-secret';
  graph = await startFakeGraphServer({ behaviour: () => ({ kind: 'ok', delayMs: 150 }) });
  const dbPath = join(tempDir(), 'db.sqlite');
  const server = await spawnServer({
    env: {
      DATABASE_PATH: dbPath,
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: 'graph-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: graph.url,
      WHATSAPP_SEND_RATE: '400',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000',
    },
  });
  servers.push(server);
  // Meta keeps delivering while the process drains: 1,500 messages from 500 citizens, the
  // SIGTERM a third of the way in, most replies still queued behind Graph's 150 ms
  const statuses: Promise<number>[] = [];
  let t = 0;
  for (let i = 0; i < 1_500; i++) {
    if (i === 500) {
      await graph.waitForDeliveries(20);
      t = performance.now();
      server.child.kill('SIGTERM');
    }
    statuses.push(
      postDelivery(
        server.url,
        signedTextDelivery({
          waId: `9198${String(i % 500).padStart(8, '0')}`,
          wamid: `wamid.DRAIN.${i}`,
          text: i % 3 === 0 ? 'namaste' : 'birth certificate chahiye',
          secret: SECRET,
        }),
      ),
    );
    if (i % 50 === 49) await new Promise((r) => setTimeout(r, 5));
  }
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(performance.now() - t).toBeLessThan(10_000);
  const acked = (await Promise.all(statuses)).filter((s) => s === 200).length;

  const db = readDb(dbPath);
  try {
    const sent = new Set(
      db
        .all<{ wamid: string }>(`select wamid from messages where direction = 'out' and wamid is not null`)
        .map((r) => r.wamid),
    );
    // a send Graph answered but the database does not know would be sent again by the next start
    const answered = graph.delivered().filter((r) => r.status === 200);
    expect(answered.filter((r) => !sent.has(r.wamid ?? ''))).toEqual([]);
    // every acknowledged message is stored (answered now or at the next start)
    expect(db.get<{ n: number }>(`select count(*) as n from messages where direction = 'in'`).n).toBe(acked);
  } finally {
    db.close();
  }
});

it('SIGTERM while Graph hangs on every send still exits within 10 s (Docker’s stop timeout)', {
  timeout: 30_000,
}, async () => {
  const SECRET = 'drain-secret';
  graph = await startFakeGraphServer({ behaviour: () => ({ kind: 'hang' }) });
  const server = await spawnServer({
    env: {
      DATABASE_PATH: join(tempDir(), 'db.sqlite'),
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: 'graph-token',
      WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
      WHATSAPP_API_URL: graph.url,
      LOG_LEVEL: 'error',
    },
  });
  servers.push(server);
  for (let i = 0; i < 20; i++) {
    const d = signedTextDelivery({
      waId: `91980000${100 + i}`,
      wamid: `wamid.HANG.${i}`,
      text: 'namaste',
      secret: SECRET,
    });
    expect(await postDelivery(server.url, d)).toBe(200);
  }
  while (graph.requests.length < 20) await new Promise((r) => setTimeout(r, 20));
  const t = performance.now();
  server.child.kill('SIGTERM');
  expect(await server.exited).toEqual({ code: 0, signal: null });
  expect(performance.now() - t).toBeLessThan(10_000);
});
