import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../src/reliability/spawn-server.js';

// `npx tsx bench/startup.ts <rounds> <root>...`: the built server alone (`node dist/main.mjs`,
// the bundle `npm start` runs, or `dist/src/main.js` in a root built before the bundle; a
// fresh database each time), alternating between roots:
// the time from spawn to the first 200 of /healthz, and its RSS 1 s later (idle).
const [roundsArg, ...roots] = process.argv.slice(2);
if (roots.length === 0) throw new Error('usage: bench/startup.ts <rounds> <root>...');
const rss = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
const runs: Record<string, { ms: number; mb: number }[]> = Object.fromEntries(roots.map((r) => [r, []]));
for (let i = 0; i < Number(roundsArg); i++) {
  for (const root of roots) {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-startup-'));
    const port = await freePort();
    const started = performance.now();
    const entry = existsSync(join(root, 'dist', 'main.mjs')) ? 'dist/main.mjs' : 'dist/src/main.js';
    const child = spawn(process.execPath, [entry], {
      cwd: root,
      stdio: 'ignore',
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_PATH: join(dir, 'sahayak.db'),
        WHATSAPP_ACCESS_TOKEN: 'startup-bench',
        WHATSAPP_PHONE_NUMBER_ID: '106540352242922',
        WHATSAPP_APP_SECRET: 'startup-bench',
        WHATSAPP_API_URL: 'http://127.0.0.1:9',
      },
    });
    for (;;) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        await res.arrayBuffer();
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const ms = Math.round(performance.now() - started);
    await new Promise((r) => setTimeout(r, 1_000));
    const mb = Math.round(rss(child.pid ?? 0));
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
    runs[root].push({ ms, mb });
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const r of roots)
  console.log(
    `${r}: ${JSON.stringify(runs[r])}; median healthz ${median(runs[r].map((x) => x.ms))} ms, idle RSS ${median(runs[r].map((x) => x.mb))} MB`,
  );
console.log(`load average ${loadavg()[0].toFixed(2)}`);
