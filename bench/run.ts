import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEndToEnd } from './e2e.js';
import { benchIngest } from './ingest.js';
import { machineInfo } from './lib/machine.js';
import { benchOfflineCpu } from './offline-cpu.js';
import { benchOpenAIOverhead } from './openai-overhead.js';
import { benchPromptSize } from './prompt-size.js';
import { type BenchResults, table } from './report.js';
import { benchTransportFloor } from './transport-floor.js';

// `npm run bench` (≈ 5 minutes, loopback only). `npm run bench -- --quick` runs every part
// for a few seconds, to check the harness rather than to measure.
const quick = process.argv.includes('--quick');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resultsDir = join(root, 'bench', 'results');
const t0 = performance.now();
const log = (s: string) =>
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0)}s] ${s}\n`);

// the servers run as `npm start` does: compiled JavaScript, built now if a source changed
log('build (when sources changed)');
execFileSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' });

const results: BenchResults = { startedAt: new Date().toISOString(), machine: machineInfo() };

log('prompt size');
results.promptSize = await benchPromptSize();
log('offline engine CPU');
results.offlineCpu = await benchOfflineCpu({ decisions: quick ? 300 : 3_000 });
log('openai engine overhead (zero-latency fake model)');
results.openaiOverhead = await benchOpenAIOverhead({ turns: quick ? 100 : 1_000 });
log('webhook ingest: bare Hono, then the real server');
results.ingest = await benchIngest({ durationS: quick ? 3 : 10, connections: 50 });

// The target rows: 500/s with Meta-like 150 ms Graph latency, the same with a Graph API that
// answers at once (what the latency costs), and 1,000/s to see what limits the server.
// Then issue 14's row: two instances sharing one PostgreSQL (a durable local cluster), the same
// load spread over both as a load balancer would, beside the one SQLite instance of the first row.
const runs: {
  rate: number;
  graphLatencyMs: number;
  durationS: number;
  database?: 'sqlite' | 'postgres';
  instances?: number;
}[] = [
  { rate: 500, graphLatencyMs: 150, durationS: quick ? 5 : 60 },
  { rate: 500, graphLatencyMs: 150, durationS: quick ? 5 : 60, database: 'postgres', instances: 2 },
  { rate: 500, graphLatencyMs: 0, durationS: quick ? 5 : 30 },
  { rate: 1_000, graphLatencyMs: 150, durationS: quick ? 5 : 60 },
];
results.endToEnd = [];
for (const r of runs) {
  log(
    `end to end: ${r.rate}/s for ${r.durationS} s, Graph latency ${r.graphLatencyMs} ms, ${r.instances ?? 1} × ${r.database ?? 'sqlite'}`,
  );
  results.endToEnd.push(
    await benchEndToEnd({ ...r, citizens: 2_000, sendRate: 1_000, drainTimeoutMs: quick ? 10_000 : 30_000 }),
  );
}

// What a turn's HTTP alone costs on this machine, for the first row's traffic (bench/README.md)
log('transport floor: 500/s, Graph latency 150 ms, no database and no engine');
results.transportFloor = await benchTransportFloor({
  rate: 500,
  durationS: quick ? 5 : 30,
  citizens: 2_000,
  graphLatencyMs: 150,
  sendRate: 1_000,
});

results.totalSeconds = Math.round((performance.now() - t0) / 1000);
results.machine = { ...results.machine, loadAverage1mAtEnd: machineInfo().loadAverage1m };
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
const m = results.machine;
console.log(
  `\nSahayak benchmark — ${results.startedAt}, ${m.cpus} × ${m.cpuModel}, node ${m.node}, load ${m.loadAverage1m} → ${m.loadAverage1mAtEnd}`,
);
console.log(table(results));
console.log(`\nwritten to bench/results/latest.json (${results.totalSeconds} s)`);
process.exit(0);
