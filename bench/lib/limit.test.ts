import { describe, expect, it } from 'vitest';
import { limitOf } from './limit.js';

const run = {
  offeredRate: 1000,
  cpus: 2,
  instances: 1,
  databaseCpuShareOfCore: 0,
  generatorCpuShareOfCore: 0.4,
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

  it('names the machine when the parts together fill its cores', () => {
    expect(
      limitOf({
        ...run,
        turnsPerSecond: 120,
        serverCpuShareOfCore: 0.6,
        databaseCpuShareOfCore: 0.5,
        generatorCpuShareOfCore: 0.4,
      }),
    ).toMatch(/^the machine's 2 cores/);
  });

  it('counts every server when several share the load', () => {
    const twoServers = { ...run, instances: 2, turnsPerSecond: 85, serverCpuShareOfCore: 0.55 };
    expect(limitOf({ ...twoServers, databaseCpuShareOfCore: 0.64, generatorCpuShareOfCore: 0.18 })).toBe(
      "the machine's 2 cores (2 servers 0.55 each, PostgreSQL 0.64, generator 0.18 core)",
    );
    // the same figures for one server leave most of a core idle
    expect(limitOf({ ...twoServers, instances: 1, databaseCpuShareOfCore: 0.3 })).toMatch(/^not CPU/);
  });

  it('says it is not CPU when nothing was busy', () => {
    expect(limitOf({ ...run, turnsPerSecond: 50, serverCpuShareOfCore: 0.2 })).toMatch(/^not CPU/);
  });
});
