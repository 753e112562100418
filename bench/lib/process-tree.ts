import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = 100;

function stat(pid: number): { ppid: number; cpuMs: number; systemMs: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name, which is in parentheses and may contain spaces
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(f[1]),
      cpuMs: ((Number(f[11]) + Number(f[12])) * 1000) / CLOCK_TICKS,
      systemMs: (Number(f[12]) * 1000) / CLOCK_TICKS,
    };
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    return Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** The process and all its descendants (npm → sh → node), from /proc. */
export function treePids(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const s = stat(pid);
    if (!s) continue;
    const list = children.get(s.ppid) ?? [];
    list.push(pid);
    children.set(s.ppid, list);
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    out.push(pid);
    for (const c of children.get(pid) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** CPU time (user + system) the whole tree has used so far, in ms. */
export function treeCpuMs(root: number): number {
  return treeCpu(root).cpuMs;
}

/** The same, and how much of it was in the kernel (system calls: sockets, file writes). */
export function treeCpu(root: number): { cpuMs: number; systemMs: number } {
  let cpuMs = 0;
  let systemMs = 0;
  for (const pid of treePids(root)) {
    const s = stat(pid);
    cpuMs += s?.cpuMs ?? 0;
    systemMs += s?.systemMs ?? 0;
  }
  return { cpuMs, systemMs };
}

/** Samples the summed RSS of the tree every `everyMs`; stop() gives the peak in MB. */
export function sampleTreeRss(root: number, everyMs = 200) {
  let peakKb = 0;
  const sample = () => {
    const kb = treePids(root).reduce((sum, pid) => sum + rssKb(pid), 0);
    peakKb = Math.max(peakKb, kb);
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      sample();
      return Math.round(peakKb / 1024);
    },
  };
}
