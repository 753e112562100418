import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEndToEnd } from './e2e.js';
import { benchTransportFloor } from './transport-floor.js';

// Same-run before/after: `npx tsx bench/compare.ts <rate> <seconds> <rounds> <root>...`
// alternates the end-to-end run between builds (each a directory with its own dist/,
// package.json and scripts/ensure-build.mjs, node_modules linked; `.` is this checkout), so
// all see the same load on the shared machine; prints each run and the medians.
// `--graph-ms=N` sets the fake Graph API's latency (default 150): 0 compares with a build whose
// outbox cannot keep up with 150 ms round trips, so that its CPU a turn is not that of a backlog.
// `--floor` adds the transport floor (bench/transport-floor.ts) to each round, after the builds.
const args = process.argv.slice(2);
const graphArg = args.find((a) => a.startsWith('--graph-ms='));
const graphLatencyMs = graphArg ? Number(graphArg.slice('--graph-ms='.length)) : 150;
const withFloor = args.includes('--floor');
const [rateArg, secondsArg, roundsArg, ...roots] = args.filter((a) => a !== graphArg && a !== '--floor');
if (roots.length === 0 || !Number.isFinite(graphLatencyMs)) {
  throw new Error('usage: bench/compare.ts [--graph-ms=N] [--floor] <rate> <seconds> <rounds> <root>...');
}
const rate = Number(rateArg);
const durationS = Number(secondsArg);
const rounds = Number(roundsArg);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const serverRoots = roots.map((r) => (r === '.' ? root : r));
execFileSync(process.execPath, [join(root, 'scripts', 'ensure-build.mjs')], { cwd: root, stdio: 'inherit' });

type Row = Awaited<ReturnType<typeof benchEndToEnd>>;
const runs: Record<string, Row[]> = Object.fromEntries(roots.map((r) => [r, []]));
const floors: Awaited<ReturnType<typeof benchTransportFloor>>[] = [];
for (let i = 0; i < rounds; i++) {
  for (const [j, label] of roots.entries()) {
    const serverRoot = serverRoots[j];
    const r = await benchEndToEnd({
      rate,
      durationS,
      citizens: 2_000,
      sendRate: 1_000,
      graphLatencyMs,
      drainTimeoutMs: 15_000,
      serverRoot,
    });
    runs[label].push(r);
    console.log(
      JSON.stringify({
        label,
        turnsPerSecond: r.turnsPerSecond,
        cpuMsPerTurn: r.serverCpuMsPerTurn,
        cpuMsPerTurnAfterWarmup: r.afterWarmup.serverCpuMsPerTurn,
        httpExchangesPerTurn: r.httpExchangesPerTurn,
        offered: r.offered,
        graphSends: r.graphSends,
        readMarks: r.readReceiptsToGraph,
        receiptsPosted: r.receiptsPosted,
        peakRssMb: r.peakRssMb,
        healthzMs: r.healthzMs,
        firstReplyP99Ms: r.firstReplyP99Ms,
        afterWarmupFirstP99: r.afterWarmup.firstReplyP99Ms,
        firstP99BySecond: r.firstReplyP99BySecondMs,
        lost: r.lost,
        duplicates: r.duplicates,
        shed: r.shedByClient,
        load: r.loadAverage1m,
      }),
    );
  }
  if (withFloor) {
    const f = await benchTransportFloor({
      rate,
      durationS,
      citizens: 2_000,
      graphLatencyMs,
      sendRate: 1_000,
    });
    floors.push(f);
    console.log(JSON.stringify({ label: 'transport floor', ...f }));
  }
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const k of [
  'serverCpuMsPerTurn',
  'peakRssMb',
  'healthzMs',
  'turnsPerSecond',
  'firstReplyP99Ms',
] as const) {
  const m = roots.map((r) => median(runs[r].map((x) => Number(x[k]))));
  console.log(
    `${k} (median): ${roots.map((r, j) => `${r} ${m[j]} (× ${(m[j] / m[0]).toFixed(2)})`).join(', ')}`,
  );
}
if (floors.length > 0) {
  const us = median(
    floors.map((f) => Number(f.serverCpuUsPerExchangeAfterWarmup ?? f.serverCpuUsPerExchange)),
  );
  const exchanges = median(runs[roots[0]].map((x) => Number(x.httpExchangesPerTurn)));
  console.log(
    `transport floor (median): ${us} µs an HTTP exchange after warm-up; × ${exchanges} exchanges a turn of ${roots[0]} = ${((us * exchanges) / 1000).toFixed(2)} ms a turn`,
  );
}
console.log(`load average now ${loadavg()[0].toFixed(2)}`);
process.exit(0);
