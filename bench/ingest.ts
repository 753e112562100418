import autocannon from 'autocannon';
import { type Delivery, deliveryStream, statusStream } from './lib/deliveries.js';
import { startBareServer, startRealServer, stopServer, tempDbPath } from './lib/servers.js';
import { round } from './lib/stats.js';

const SECRET = 'bench-app-secret';

export interface IngestFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  total: number;
}

async function cannon(
  url: string,
  durationS: number,
  connections: number,
  next: () => Delivery,
): Promise<IngestFigures> {
  const r = await autocannon({
    url,
    connections,
    duration: durationS,
    requests: [
      {
        method: 'POST',
        path: '/webhook/whatsapp',
        setupRequest: (req) => {
          const d = next();
          return { ...req, body: d.body, headers: d.headers };
        },
      },
    ],
  });
  return {
    requestsPerSecond: round(r.requests.average, 0),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
    total: r['2xx'] + r.non2xx,
  };
}

/**
 * Signed deliveries (unique wamids, realistic conversations) against the real server, which
 * stores them and answers them with turns in the same process (offline engine, simulator
 * replies); then signed status receipts, the same webhook path with no turn behind it; and
 * the same load against a bare Hono handler that only answers 200. Same run, same client.
 */
export async function benchIngest({ durationS, connections }: { durationS: number; connections: number }) {
  const bare = await startBareServer();
  const bareFigures = await cannon(
    bare.url,
    durationS,
    connections,
    deliveryStream({ run: 'bare', citizens: 5_000, secret: SECRET }),
  );
  await bare.stop();

  const env = { WHATSAPP_APP_SECRET: SECRET, RATE_LIMIT_PER_MINUTE: '100000' };
  let server = await startRealServer({ ...env, DATABASE_PATH: tempDbPath() });
  const serverFigures = await cannon(
    server.url,
    durationS,
    connections,
    deliveryStream({ run: 'ingest', citizens: 5_000, secret: SECRET }),
  );
  await stopServer(server);

  server = await startRealServer({ ...env, DATABASE_PATH: tempDbPath() });
  const statusFigures = await cannon(
    server.url,
    durationS,
    connections,
    statusStream({ run: 'status', secret: SECRET }),
  );
  await stopServer(server);

  return {
    durationS,
    connections,
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
