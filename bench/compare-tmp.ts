import { benchEndToEnd } from './e2e.js';

const label = process.argv[2];
const rate = Number(process.argv[3] ?? 300);
const r = await benchEndToEnd({
  rate,
  durationS: 20,
  citizens: 2000,
  sendRate: 5000,
  graphLatencyMs: 150,
  drainTimeoutMs: 30000,
});
console.log(
  JSON.stringify({
    label,
    rate,
    tps: r.turnsPerSecond,
    cpuMsPerTurn: r.serverCpuMsPerTurn,
    firstP50: r.firstReplyP50Ms,
    firstP99: r.firstReplyP99Ms,
    p99: r.p99Ms,
    rss: r.peakRssMb,
    lost: r.lost,
    dup: r.duplicates,
    shed: r.shedByClient,
    healthz: r.healthzMs,
    load: r.loadAverage1m,
    receipts: r.receiptsPosted,
  }),
);
process.exit(0);
