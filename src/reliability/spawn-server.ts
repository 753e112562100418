import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ServerProcess {
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** everything the process wrote (stdout and stderr), for diagnostics */
  output(): string;
  /** resolves with the exit code (null when killed by a signal) and the signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A free TCP port on 127.0.0.1 (the server's own PORT=0 would hide the port from us). */
export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/**
 * Starts `src/main.ts` as its own node process (so it can be SIGKILLed and its memory read
 * from /proc) and resolves once /healthz answers. `env` adds to a minimal environment.
 */
export async function spawnServer({
  env,
  port,
  readyTimeoutMs = 15_000,
  nodeArgs = [],
  entry = join(root, 'src', 'main.ts'),
  args = [],
}: {
  env: Record<string, string>;
  port?: number;
  readyTimeoutMs?: number;
  nodeArgs?: string[];
  /** another entry point than src/main.ts (the benchmark's server), with its arguments */
  entry?: string;
  args?: string[];
}): Promise<ServerProcess> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(p), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => {
    out = (out + b.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  let dead = false;
  void exited.then(() => {
    dead = true;
  });
  const url = `http://127.0.0.1:${p}`;
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (dead) throw new Error(`server exited before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${readyTimeoutMs} ms:\n${out}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, port: p, pid: child.pid ?? 0, child, output: () => out, exited };
}
