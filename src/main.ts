import { serve } from '@hono/node-server';
import { ConfigError, loadConfig } from './config.js';
import { DatabaseUnavailableError } from './db/open-database.js';
import { createLogger } from './logging/create-logger.js';
import { createSahayak } from './wiring/create-sahayak.js';

// The entry point: read the environment once, build the service, serve it, drain on SIGTERM.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}
const logger = createLogger({ level: config.logLevel });
let sahayak: ReturnType<typeof createSahayak>;
try {
  sahayak = createSahayak(config, { logger });
} catch (err) {
  // a locked, read-only or unopenable database: one clear line, not a stack
  if (err instanceof DatabaseUnavailableError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const server = serve({ fetch: sahayak.app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(
    {
      port: info.port,
      engine: sahayak.engine.name,
      model: sahayak.engine.model,
      whatsapp: sahayak.simulated ? 'simulator' : 'graph-api',
    },
    `Sahayak is listening on http://localhost:${info.port} — open /chat to talk to it`,
  );
});
sahayak.start();

// SIGTERM (deploys, docker stop): stop accepting, finish the turns in flight, send what they queued.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining');
  server.close();
  await sahayak.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
