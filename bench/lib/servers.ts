import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type ServerProcess, spawnServer } from '../../src/reliability/spawn-server.js';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..');

export const tempDbPath = () => join(mkdtempSync(join(tmpdir(), 'sahayak-bench-')), 'sahayak.db');

/** The real server (src/main.ts) in its own process. */
export const startRealServer = (env: Record<string, string>) =>
  spawnServer({ env: { LOG_LEVEL: 'warn', ...env } });

/** The bare Hono handler in its own process: the ingest baseline. */
export async function startBareServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(benchDir, 'bare-server.ts'), String(port)], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { url, stop: () => stopProcess(child) };
}

export async function stopServer(s: ServerProcess): Promise<void> {
  await stopProcess(s.child);
}

async function stopProcess(child: import('node:child_process').ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
