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

// `npm run bench` (≈ 3–4 minutes, loopback only). `npm run bench -- --quick` runs every
// part briefly, to check the harness rather than to measure.
const quick = process.argv.includes('--quick');
const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results');
const t0 = performance.now();
const log = (s: string) =>
  process.stderr.write(`[bench ${((performance.now() - t0) / 1000).toFixed(0)}s] ${s}\n`);

const results: BenchResults = { startedAt: new Date().toISOString(), machine: machineInfo() };

log('prompt size');
results.promptSize = benchPromptSize();
log('offline engine CPU');
results.offlineCpu = await benchOfflineCpu({ decisions: quick ? 300 : 3_000 });
log('openai engine overhead (zero-latency fake model)');
results.openaiOverhead = await benchOpenAIOverhead({ turns: quick ? 100 : 1_000 });
log('webhook ingest: bare Hono, then the real server');
results.ingest = await benchIngest({ durationS: quick ? 3 : 10, connections: 50 });

// The target load first; if the server cannot keep up with it, a second run at half the
// throughput it did reach shows latency under a load it can sustain.
log('end-to-end at the target rate');
const target = await benchEndToEnd({
  rate: 1_000,
  durationS: quick ? 5 : 60,
  citizens: 2_000,
  sendRate: 5_000,
  drainTimeoutMs: quick ? 10_000 : 30_000,
});
results.endToEnd = [target];
if (target.turnsPerSecond < 1_000 || target.p99Ms >= 100) {
  const rate = Math.max(20, Math.floor((target.turnsPerSecond * 0.5) / 10) * 10);
  log(`end-to-end at a sustainable rate (${rate}/s)`);
  results.endToEnd.push(
    await benchEndToEnd({
      rate,
      durationS: quick ? 5 : 20,
      citizens: 2_000,
      sendRate: 5_000,
      drainTimeoutMs: 30_000,
    }),
  );
}

results.totalSeconds = Math.round((performance.now() - t0) / 1000);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(join(resultsDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
const m = results.machine;
console.log(
  `\nSahayak benchmark — ${results.startedAt}, ${m.cpus} × ${m.cpuModel}, node ${m.node}, load ${m.loadAverage1m}`,
);
console.log(table(results));
console.log(`\nwritten to bench/results/latest.json (${results.totalSeconds} s)`);
process.exit(0);
