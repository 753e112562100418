import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/reliability/spawn-server.js';
import { treePids } from './process-tree.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const benchDir = join(root, 'bench');
const tempDirs: string[] = [];

/** A database file in a fresh temporary directory, removed by removeTempDbs(). */
export const tempDbPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sahayak-bench-'));
  tempDirs.push(dir);
  return join(dir, 'sahayak.db');
};
export const removeTempDbs = () => {
  for (const d of tempDirs.splice(0)) rmSync(d, { recursive: true, force: true });
};

export interface BenchServer {
  url: string;
  /** the root of the process tree (npm, for `npm start`) */
  pid: number;
  child: ChildProcess;
  /** from spawn to the first 200 from /healthz */
  healthzMs: number;
  output(): string;
  stop(): Promise<void>;
}

async function waitHealthy(url: string, child: ChildProcess, out: () => string, started: number) {
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited before it was ready:\n${out()}`);
    if (i > 3_000) throw new Error(`server not ready after 60 s:\n${out()}`);
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.ok) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

function launch(command: string, args: string[], env: Record<string, string>, port: number, cwd = root) {
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmpdir(),
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      // e.g. --perf-basic-prof, to read the server under `perf record` (bench/README.md)
      ...(process.env.BENCH_SERVER_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS }
        : {}),
      // e.g. 0, to measure the server committing every iteration (bench/README.md)
      ...(process.env.SQLITE_COMMIT_INTERVAL_MS
        ? { SQLITE_COMMIT_INTERVAL_MS: process.env.SQLITE_COMMIT_INTERVAL_MS }
        : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, started, output: () => out };
}

/**
 * The real server as an operator runs it: `npm start` (compiled JavaScript; the bench builds
 * it first), in its own process tree, so RSS and CPU are the whole tree's.
 */
export async function startRealServer(
  env: Record<string, string>,
  {
    profileDir,
    serverRoot = root,
  }: {
    profileDir?: string;
    /** another checkout's root (its dist/ and package.json): bench/compare.ts runs a baseline */
    serverRoot?: string;
  } = {},
): Promise<BenchServer> {
  const port = await freePort();
  // with a profile directory: the same compiled server without npm, under V8's CPU profiler,
  // from its unbundled files (the bundle npm start runs is minified: no names to read)
  const [command, args] = profileDir
    ? [process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, 'dist/src/main.js']]
    : ['npm', ['start', '--silent']];
  const { child, started, output } = launch(command, args, { LOG_LEVEL: 'warn', ...env }, port, serverRoot);
  const url = `http://127.0.0.1:${port}`;
  const healthzMs = await waitHealthy(url, child, output, started);
  return { url, pid: child.pid ?? 0, child, healthzMs, output, stop: () => stopTree(child) };
}

/** The bare Hono handler (node with the tsx loader; it has no code to speak of): the ingest baseline. */
export const startBareServer = (): Promise<BenchServer> =>
  startProcessServer(process.execPath, ['--import', 'tsx', join(benchDir, 'bare-server.ts')], {}, (port) => [
    String(port),
  ]);

/**
 * A baseline server of the bench's own (the bare handler, the transport floor): `command` with
 * `args` (and `portArgs(port)` after them), PORT and HOST in its environment, ready at `/healthz`.
 */
export async function startProcessServer(
  command: string,
  args: string[],
  env: Record<string, string>,
  portArgs: (port: number) => string[] = () => [],
): Promise<BenchServer> {
  const port = await freePort();
  const { child, started, output } = launch(command, [...args, ...portArgs(port)], env, port);
  const url = `http://127.0.0.1:${port}`;
  const healthzMs = await waitHealthy(url, child, output, started);
  return { url, pid: child.pid ?? 0, child, healthzMs, output, stop: () => stopTree(child) };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM to every process of the tree we started, then waits until all of them are gone
 * (npm exits before the server has drained: reading the database or closing the fake Graph
 * API then would cut the drain short); SIGKILL after 12 s.
 */
async function stopTree(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const pids = treePids(child.pid);
  for (const pid of [...pids].reverse()) {
    try {
      process.kill(pid, 'SIGTERM');
    } catch {}
  }
  const deadline = Date.now() + 12_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const pid of pids.filter(alive)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {}
  }
}
