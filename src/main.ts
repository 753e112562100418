import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError } from './db/open-database.js';
import { createLogger } from './logging/create-logger.js';
import type { Sahayak } from './wiring/assemble-sahayak.js';
import { createSahayak } from './wiring/create-sahayak.js';
import { createSahayakPg } from './wiring/create-sahayak-pg.js';
import { StartupError } from './wiring/load-runtime.js';

// The entry point: read the environment once, build the service, serve it, drain on SIGTERM.
// What an operator can fix (the environment, a file, the port) ends the start with one line.
const fatal = (line: string): never => {
  console.error(`sahayak: ${line}`);
  process.exit(1);
};

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) fatal(err.message);
  throw err;
}
const logger = createLogger({ level: config.logLevel });
let sahayak: Sahayak;
try {
  // DATABASE_URL: PostgreSQL, shared with any other instance on it; else the SQLite file
  sahayak = config.databaseUrl
    ? await createSahayakPg(config, { logger })
    : createSahayak(config, { logger });
} catch (err) {
  // a locked, read-only or unopenable database: one clear line, not a stack
  if (err instanceof DatabaseUnavailableError) fatal(err.message);
  if (err instanceof StartupError) fatal(err.message);
  throw err;
}

const server = serve(
  {
    fetch: sahayak.app.fetch,
    port: config.port,
    hostname: config.host,
    // Meta's webhook POSTs go straight to the delivery handler; every other route through Hono
    createServer: sahayak.createServer,
  },
  (info) => {
    sahayak.start();
    logger.info(
      {
        port: info.port,
        engine: sahayak.engine.name,
        database: sahayak.store.dialect,
        model: sahayak.engine.model,
        whatsapp: sahayak.simulated ? 'simulator' : 'graph-api',
      },
      `Sahayak is listening on http://localhost:${info.port} — open /chat to talk to it`,
    );
  },
);
server.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EADDRINUSE') fatal(`port ${config.port} on ${config.host} is already in use (set PORT)`);
  if (err.code === 'EACCES') fatal(`no permission to listen on port ${config.port} (set PORT)`);
  fatal(`cannot listen on ${config.host}:${config.port}: ${err.message}`);
});

// SIGTERM (deploys, docker stop: 10 s before SIGKILL): stop accepting, finish the turns and
// sends in flight within 8 s; what was not started is still pending for the next start.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining');
  server.close();
  // keep-alive connections (Meta's, the load balancer's) would hold close() open
  (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  await sahayak.stop({ timeoutMs: 8_000 });
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
