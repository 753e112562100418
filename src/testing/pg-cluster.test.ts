import { existsSync } from 'node:fs';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hasPgBinaries, startPgCluster } from './pg-cluster.js';

describe.skipIf(!hasPgBinaries())(
  `throwaway PostgreSQL cluster${hasPgBinaries() ? '' : ' (skipped: no postgresql-15)'}`,
  () => {
    it('starts on loopback, answers queries, and is gone with its folder after stop', async () => {
      const cluster = await startPgCluster();
      let stopped = false;
      try {
        expect(new URL(cluster.url).hostname).toBe('127.0.0.1');
        const client = new pg.Client({ connectionString: cluster.url });
        await client.connect();
        const { rows } = await client.query<{ v: string }>(
          `select current_setting('server_version_num') as v`,
        );
        await client.end();
        expect(Number(rows[0]?.v)).toBeGreaterThanOrEqual(150000);
        await cluster.stop();
        stopped = true;
        expect(existsSync(cluster.dir)).toBe(false);
        const late = new pg.Client({ connectionString: cluster.url, connectionTimeoutMillis: 2000 });
        await expect(late.connect()).rejects.toThrow();
      } finally {
        if (!stopped) await cluster.stop();
      }
    }, 120_000);
  },
);

describe.skipIf(!hasPgBinaries())(
  `a test process that exits without stopping its cluster${hasPgBinaries() ? '' : ' (skipped)'}`,
  () => {
    it('stops the cluster and deletes its folder on exit', async () => {
      const { spawnSync } = await import('node:child_process');
      const script = `import { startPgCluster } from './src/testing/pg-cluster.ts';
      const c = await startPgCluster(); console.log(JSON.stringify({ dir: c.dir, url: c.url })); process.exit(0);`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      const { dir, url } = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as {
        dir: string;
        url: string;
      };
      expect(existsSync(dir)).toBe(false);
      const late = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      await expect(late.connect()).rejects.toThrow();
    }, 90_000);
  },
);
