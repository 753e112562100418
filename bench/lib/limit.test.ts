import { describe, expect, it } from 'vitest';
import { limitOf } from './limit.js';

const run = {
  offeredRate: 1000,
  cpus: 2,
  instances: 1,
  databaseCpuShareOfCore: 0,
  generatorCpuShareOfCore: 0.4,
  machineBusyCores: 1.2,
};

describe('limitOf', () => {
  it('says nothing when the offered rate was served', () => {
    expect(limitOf({ ...run, offeredRate: 500, turnsPerSecond: 499, serverCpuShareOfCore: 0.95 })).toBeNull();
  });

  it("names the server's event loop when its tree used a core", () => {
    expect(limitOf({ ...run, turnsPerSecond: 700, serverCpuShareOfCore: 1.12 })).toBe(
      "the server's event loop, one core (server 1.12, PostgreSQL 0, generator 0.4 core)",
    );
  });

  it('names PostgreSQL when its processes filled the machine', () => {
    expect(
      limitOf({ ...run, turnsPerSecond: 120, serverCpuShareOfCore: 0.3, databaseCpuShareOfCore: 1.9 }),
    ).toMatch(/^PostgreSQL/);
  });

  it('names the generator when it used a core', () => {
    expect(
      limitOf({ ...run, turnsPerSecond: 600, serverCpuShareOfCore: 0.5, generatorCpuShareOfCore: 0.95 }),
    ).toMatch(/^the load generator/);
  });

  it('names the machine when its cores were full, whoever used them', () => {
    const twoServers = { ...run, instances: 2, turnsPerSecond: 123, serverCpuShareOfCore: 0.49 };
    expect(
      limitOf({
        ...twoServers,
        databaseCpuShareOfCore: 0.78,
        generatorCpuShareOfCore: 0.17,
        machineBusyCores: 1.93,
      }),
    ).toBe("the machine's 2 cores, 1.93 busy (2 servers 0.49 each, PostgreSQL 0.78, generator 0.17 core)");
    // the same run with half the machine idle was waiting on something else
    expect(limitOf({ ...twoServers, machineBusyCores: 1.1 })).toMatch(/^not CPU/);
  });

  it('says it is not CPU when nothing was busy', () => {
    expect(limitOf({ ...run, turnsPerSecond: 50, serverCpuShareOfCore: 0.2 })).toMatch(/^not CPU/);
  });
});
