import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { postDelivery, signedTextDelivery } from '../reliability/deliver.js';
import { freePort } from '../reliability/spawn-server.js';
import { type FakeGraphServer, startFakeGraphServer } from '../testing/fake-graph-server.js';

// What an operator runs, `npm start`: the bundle (dist/main.mjs) that scripts/build.mjs makes,
// not the TypeScript the other tests load. It is rebuilt first when a source is newer, so on
// a machine where the sources just changed the first start takes a build (tsc, esbuild).
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dir: string | undefined;
let graph: FakeGraphServer | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  // npm and the server are one process group (detached): nothing outlives the test
  // (even after npm itself ended: a server it left behind would keep its group alive)
  if (child?.pid && groupAlive(child.pid)) process.kill(-child.pid, 'SIGKILL');
  child = undefined;
  await graph?.close();
  graph = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function npmStart(env: Record<string, string>) {
  dir ??= mkdtempSync(join(tmpdir(), 'sahayak-npm-start-'));
  const c = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_PATH: join(dir, 'sahayak.db'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = c;
  let stderr = '';
  c.stderr?.on('data', (b: Buffer) => {
    stderr += b;
  });
  c.stdout?.resume();
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    c.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child: c, exited, stderr: () => stderr };
}

function groupAlive(pid: number) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function healthy(url: string, { exited, stderr }: { exited: Promise<unknown>; stderr: () => string }) {
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (;;) {
    if (gone) throw new Error(`npm start exited before /healthz answered:\n${stderr()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('npm start serves WhatsApp and /chat from the bundle, and drains on SIGTERM', {
  timeout: 180_000,
}, async () => {
  const SECRET = 'npm-start-secret';
  graph = await startFakeGraphServer();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = npmStart({
    PORT: String(port),
    WHATSAPP_APP_SECRET: SECRET,
    WHATSAPP_ACCESS_TOKEN: 'graph-token',
    WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
    WHATSAPP_API_URL: graph.url,
  });
  await healthy(url, run);
  const chat = await fetch(`${url}/chat`);
  expect(chat.status).toBe(200);
  expect(await chat.text()).toContain('<html');

  const waId = '919800000777';
  const delivery = signedTextDelivery({
    waId,
    wamid: 'wamid.NPMSTART.1',
    text: 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है',
    secret: SECRET,
  });
  expect(await postDelivery(url, delivery)).toBe(200);
  const [reply] = await graph.waitForDeliveries(1);
  expect(reply?.to).toBe(waId);
  // the offline engine, its Hindi catalogue and the birth service's form, all from the bundle
  expect(JSON.stringify(reply?.body)).toMatch(/[\u0900-\u097F]/);

  // a deploy's stop: the whole group hears SIGTERM; npm waits for the server, then ends by
  // the signal it got. The drain itself is main-process.test.ts's; here: no stack, no orphan.
  const pid = run.child.pid!;
  process.kill(-pid, 'SIGTERM');
  const { signal, code } = await run.exited;
  expect(String(signal ?? code)).toMatch(/^(SIGTERM|0)$/);
  expect(run.stderr()).toBe('');
  for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  expect(groupAlive(pid)).toBe(false);
});

it('SIGTERM to npm alone, as `docker stop` sends it to PID 1, stops the server too', {
  timeout: 180_000,
}, async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const run = npmStart({ PORT: String(port) });
  await healthy(url, run);
  // npm passes the signal to the script's process; had a shell stayed between them (`sh -c`
  // without exec), the shell would die of it and leave the server serving, orphaned, undrained
  const pid = run.child.pid!;
  process.kill(pid, 'SIGTERM');
  await run.exited;
  for (let i = 0; i < 100 && groupAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  expect(groupAlive(pid)).toBe(false);
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  expect(run.stderr()).toBe('');
});

it('a bad fee schedule ends npm start with one clear line', { timeout: 180_000 }, async () => {
  dir ??= mkdtempSync(join(tmpdir(), 'sahayak-npm-start-'));
  const fees = join(dir, 'fees.json');
  writeFileSync(fees, '{"freeWithinDays": "soon"}');
  const run = npmStart({ PORT: String(await freePort()), FEE_SCHEDULE_PATH: fees });
  expect((await run.exited).code).toBe(1);
  expect(run.stderr()).toMatch(
    /^sahayak: cannot load FEE_SCHEDULE_PATH=.*fees\.json: fee schedule: freeWithinDays: [^\n]*\n$/,
  );
});
