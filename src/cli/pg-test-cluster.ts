import { mkdirSync } from 'node:fs';
import { startPgCluster, stopPgCluster } from '../testing/pg-cluster.js';

// .ci/run's one PostgreSQL server for the whole test run, with src/testing/pg-cluster.ts's
// logic: `start DIR` initdbs and starts a throwaway cluster in DIR and prints its URL (the
// server keeps running after this exits); `stop DIR` stops it and deletes DIR.
const [command, dir] = process.argv.slice(2);
if ((command !== 'start' && command !== 'stop') || !dir) {
  console.error('usage: tsx src/cli/pg-test-cluster.ts start|stop DIR');
  process.exit(2);
}
try {
  if (command === 'start') {
    mkdirSync(dir, { recursive: true });
    const cluster = await startPgCluster({ dir });
    console.log(cluster.url);
  } else {
    await stopPgCluster(dir);
  }
} catch (err) {
  console.error(`pg-test-cluster ${command}: ${(err as Error).message}`);
  process.exit(1);
}
