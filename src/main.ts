import { serve } from '@hono/node-server';
import { caseFromTranscript } from '../evals/src/case-from-transcript.js';
import { loadFeeSchedule } from '../tools/fee-schedule.js';
import { allTools } from '../tools/index.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/open-database.js';
import { syncSearchIndex } from './db/search-index.js';
import { createApi } from './http/api.js';
import { createChatSimulator } from './http/chat-simulator.js';
import { createApp } from './http/create-app.js';
import { createHealthRoutes } from './http/health.js';
import { createMediaRoutes } from './http/media.js';
import { createPaymentWebhook } from './http/webhook-payments.js';
import { createWhatsAppWebhook } from './http/webhook-whatsapp.js';
import { loadCatalogue } from './i18n/catalogue.js';
import { createLogger } from './logging/create-logger.js';
import { createOutboxWorker } from './outbox/outbox-worker.js';
import { createPipeline } from './pipeline/create-pipeline.js';
import { startRetentionJob } from './privacy/retention-job.js';
import { createStaffConsole } from './staff/create-staff-console.js';
import { createGraphSender } from './whatsapp/graph-sender.js';
import { buildEngines } from './wiring/build-engines.js';

// The one place that builds everything; every other module takes what it needs as arguments.
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
const db = openDatabase({ path: config.databasePath });
const catalogue = loadCatalogue();
const now = () => new Date();

const { engine, offline } = buildEngines(config, catalogue);

const { accessToken, phoneNumberId } = config.whatsapp;
const simulated = !(accessToken && phoneNumberId);
const outbox = simulated
  ? null
  : createOutboxWorker({
      db,
      send: createGraphSender({
        apiUrl: config.whatsapp.apiUrl,
        phoneNumberId,
        accessToken,
        timeoutMs: 15_000,
      }),
      now: () => Date.now(),
      logger,
      ratePerSecond: config.whatsapp.sendRatePerSecond,
    });
const onOutbound = () => outbox?.kick();

const pipeline = createPipeline({
  db,
  engine,
  fallbackEngine: offline,
  tools: allTools,
  catalogue,
  now,
  logger,
  onOutbound,
  settings: {
    publicBaseUrl: config.publicBaseUrl,
    upi: config.upi,
    fees: loadFeeSchedule(config.feeSchedulePath),
    simulated,
    rateLimitPerMinute: config.rateLimitPerMinute,
  },
});

const app = createApp({
  logger,
  routes: [
    createHealthRoutes({ db }),
    createWhatsAppWebhook({
      db,
      config: config.whatsapp,
      logger,
      now: () => Date.now(),
      onAccepted: (waIds) => {
        for (const w of waIds) pipeline.kick(w);
      },
    }),
    createPaymentWebhook({ db, secret: config.paymentWebhookSecret, simulated, now, onPaid: onOutbound }),
    createApi({ db, token: config.staffApiToken }),
    createMediaRoutes({ db }),
    createChatSimulator({ db, receive: (m) => pipeline.receive(m), kick: (w) => pipeline.kick(w) }),
    createStaffConsole({
      db,
      catalogue,
      now: () => Date.now(),
      simulated,
      onOutbound,
      logger,
      secureCookies: config.publicBaseUrl.startsWith('https://'),
      exportCase: (d, o) => caseFromTranscript(d, o),
    }),
  ],
});

const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info(
    {
      port: info.port,
      engine: engine.name,
      model: engine.model,
      whatsapp: simulated ? 'simulator' : 'graph-api',
    },
    `Sahayak is listening on http://localhost:${info.port} — open /chat to talk to it`,
  );
});
outbox?.start();
const recovered = pipeline.recover();
if (recovered) logger.info({ citizens: recovered }, 'processing messages left pending by the last run');
const retention = startRetentionJob({ db, days: config.retentionDays, now: () => Date.now(), logger });
// the search index catches up in batches, off the webhook's path
const indexer = setInterval(() => syncSearchIndex(db), 5_000);
indexer.unref();

// SIGTERM (deploys, docker stop): stop accepting, finish the turns in flight, send what they queued.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'draining');
  server.close();
  retention.stop();
  clearInterval(indexer);
  await pipeline.close();
  await outbox?.stop();
  db.$client.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
