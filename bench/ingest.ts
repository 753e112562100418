import autocannon from 'autocannon';
import { type Delivery, deliveryStream, statusStream } from './lib/deliveries.js';
import { treeCpuMs } from './lib/process-tree.js';
import { removeTempDbs, startBareServer, startRealServer, tempDbPath } from './lib/servers.js';
import { round } from './lib/stats.js';

const SECRET = 'bench-app-secret';

export interface IngestFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
  /** bodies offered more than once because the pre-signed pool ran out (the real server dedupes them) */
  reusedBodies: number;
  /** CPU of the server's process tree per request */
  serverCpuMsPerRequest: number;
  /** the load generator's (this process's) CPU during the run, as a share of one core */
  generatorCpuShareOfCore: number;
}

/** Bodies signed before the run, so signing is not part of what the generator does during it. */
const presign = (n: number, next: () => Delivery) => Array.from({ length: n }, next);

async function cannon(
  url: string,
  pid: number,
  durationS: number,
  connections: number,
  bodies: Delivery[],
): Promise<IngestFigures> {
  let i = 0;
  const cpu0 = treeCpuMs(pid);
  const gen0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await autocannon({
    url,
    connections,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        path: '/webhook/whatsapp',
        setupRequest: (req) => {
          const d = bodies[i++ % bodies.length];
          return { ...req, body: d.body, headers: d.headers };
        },
      },
    ],
  });
  const wallMs = performance.now() - t0;
  const gen = process.cpuUsage(gen0);
  const total = r['2xx'] + r.non2xx;
  return {
    requestsPerSecond: round(r.requests.average, 0),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    total,
    reusedBodies: Math.max(0, i - bodies.length),
    serverCpuMsPerRequest: total > 0 ? round((treeCpuMs(pid) - cpu0) / total, 3) : 0,
    generatorCpuShareOfCore: round((gen.user + gen.system) / 1000 / wallMs, 2),
  };
}

/**
 * Signed deliveries (unique wamids, realistic conversations) against the real server
 * (`npm start`), which stores them and answers them with turns in the same process (offline
 * engine, simulator replies); then signed status receipts, the same webhook path with no turn
 * behind it; and the same pre-signed text bodies against a bare Hono handler that only
 * answers 200. Same run, same client.
 */
export async function benchIngest({ durationS, connections }: { durationS: number; connections: number }) {
  const pool = Math.min(100_000, durationS * 8_000);
  const texts = presign(pool, deliveryStream({ run: 'ingest', citizens: 5_000, secret: SECRET }));
  const statuses = presign(pool, statusStream({ run: 'status', secret: SECRET }));

  const bare = await startBareServer();
  const bareFigures = await cannon(bare.url, bare.pid, durationS, connections, texts);
  await bare.stop();

  const env = { WHATSAPP_APP_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100000' };
  let server = await startRealServer({ ...env, DATABASE_PATH: tempDbPath() });
  const serverFigures = await cannon(server.url, server.pid, durationS, connections, texts);
  await server.stop();

  server = await startRealServer({ ...env, DATABASE_PATH: tempDbPath() });
  const statusFigures = await cannon(server.url, server.pid, durationS, connections, statuses);
  await server.stop();
  removeTempDbs();

  return {
    durationS,
    connections,
    presignedBodies: pool,
    /** text messages: stored, acknowledged, and answered by turns in the same process */
    server: serverFigures,
    /** status receipts: the same webhook path with no turn behind it */
    serverStatusesOnly: statusFigures,
    bare: bareFigures,
    ratio: round(serverFigures.requestsPerSecond / bareFigures.requestsPerSecond, 3),
    statusesRatio: round(statusFigures.requestsPerSecond / bareFigures.requestsPerSecond, 3),
    targets: { requestsPerSecond: 5_000, ratio: 0.5 },
    met:
      serverFigures.requestsPerSecond >= 5_000 &&
      serverFigures.requestsPerSecond / bareFigures.requestsPerSecond >= 0.5,
  };
}
