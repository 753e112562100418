import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchEndToEnd } from './e2e.js';

// `npx tsx bench/profile.ts [rate] [seconds] [sqlite|postgres]`: one end-to-end run with the
// compiled server under V8's CPU profiler, then the functions with the most self time (and the files).
const rate = Number(process.argv[2] ?? 500);
const durationS = Number(process.argv[3] ?? 15);
const database = process.argv[4] === 'postgres' ? 'postgres' : 'sqlite';
const dir = join(tmpdir(), `sahayak-prof-${Date.now()}`);
mkdirSync(dir, { recursive: true });
const r = await benchEndToEnd({
  rate,
  durationS,
  citizens: 2_000,
  sendRate: 1_000,
  graphLatencyMs: 150,
  drainTimeoutMs: 15_000,
  profileDir: dir,
  database,
});
console.log(JSON.stringify(r));

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
};
const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile in ${dir}`);
const prof = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const self = new Map<number, number>();
prof.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});
const byFn = new Map<string, number>();
const byFile = new Map<string, number>();
let total = 0;
for (const n of prof.nodes) {
  const t = self.get(n.id) ?? 0;
  total += t;
  const url = n.callFrame.url.replace(/^.*\/(node_modules|dist)\//, '$1/');
  const key = `${n.callFrame.functionName || '(anon)'} ${url}:${n.callFrame.lineNumber}`;
  byFn.set(key, (byFn.get(key) ?? 0) + t);
  const f = url.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*/, 'node_modules/$1') || n.callFrame.functionName;
  byFile.set(f, (byFile.get(f) ?? 0) + t);
}
const top = (m: Map<string, number>, k: number) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, k)
    .map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
console.log(`profile ${join(dir, file)}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log(top(byFile, 30).join('\n'));
console.log('---');
console.log(top(byFn, 50).join('\n'));
