/** What one end-to-end run's CPU figures say about why it served less than was offered. */
export interface RunLoad {
  offeredRate: number;
  turnsPerSecond: number;
  /** one server tree's CPU while the deliveries were offered, as a share of one core */
  serverCpuShareOfCore: number;
  /** servers sharing the load (each its own tree) */
  instances: number;
  /** PostgreSQL's processes, the same way (0 on SQLite) */
  databaseCpuShareOfCore: number;
  /** the load generator's process (the fake Graph API and its receipts run in it too) */
  generatorCpuShareOfCore: number;
  /** every process on the machine, in cores (from the kernel's per-core busy time) */
  machineBusyCores: number;
  /** cores of the machine */
  cpus: number;
}

// A server is one event loop: near a full core it cannot go faster, whatever the machine has.
const BUSY = 0.9;

/**
 * The bench's "say what limits it": the first part found busy, in the order a delivery meets
 * them, or the machine when the parts together fill it; null when the offered rate was served.
 */
export function limitOf(r: RunLoad): string | null {
  if (r.turnsPerSecond >= r.offeredRate * 0.98) return null;
  const server =
    r.instances > 1
      ? `${r.instances} servers ${r.serverCpuShareOfCore} each`
      : `server ${r.serverCpuShareOfCore}`;
  const parts = `${server}, PostgreSQL ${r.databaseCpuShareOfCore}, generator ${r.generatorCpuShareOfCore} core`;
  // the tree's share includes V8's GC and compiler threads, so it can pass 1
  if (r.serverCpuShareOfCore >= BUSY) return `the server's event loop, one core (${parts})`;
  if (r.databaseCpuShareOfCore >= BUSY * r.cpus) return `PostgreSQL (${parts})`;
  if (r.generatorCpuShareOfCore >= BUSY) return `the load generator (${parts})`;
  if (r.machineBusyCores >= BUSY * r.cpus) {
    return `the machine's ${r.cpus} cores, ${r.machineBusyCores} busy (${parts})`;
  }
  return `not CPU: a wait (${parts}; sends in flight, locks, the drain)`;
}
