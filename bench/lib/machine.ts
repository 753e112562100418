import { cpus, freemem, loadavg, platform, release, totalmem } from 'node:os';

export function machineInfo() {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    freeMemoryMb: Math.round(freemem() / 2 ** 20),
    node: process.version,
    platform: `${platform()} ${release()}`,
    // other work on the machine skews every figure: recorded so a reader can tell
    loadAverage1m: Math.round(loadavg()[0] * 100) / 100,
  };
}

/** Busy milliseconds summed over every core since boot (user, nice, system, irq). */
export function machineBusyMs(): number {
  return cpus().reduce((sum, c) => sum + c.times.user + c.times.nice + c.times.sys + c.times.irq, 0);
}
