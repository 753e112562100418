import { serve } from '@hono/node-server';
import { createOfflineEngine } from '../src/agent/offline/offline-engine.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/open-database.js';
import { createApp } from '../src/http/create-app.js';
import { createHealthRoutes } from '../src/http/health.js';
import { createWhatsAppWebhook } from '../src/http/webhook-whatsapp.js';
import { loadCatalogue } from '../src/i18n/catalogue.js';
import { createLogger } from '../src/logging/create-logger.js';
import { createOutboxWorker } from '../src/outbox/outbox-worker.js';
import { createPipeline } from '../src/pipeline/create-pipeline.js';
import { createGraphSender } from '../src/whatsapp/graph-sender.js';
import { loadFeeSchedule } from '../tools/fee-schedule.js';
import { allTools } from '../tools/index.js';

// The end-to-end benchmark's server: the same pieces src/main.ts wires for WhatsApp (webhook,
// durable inbox, pipeline, offline engine, outbox, Graph sender), with one difference: the
// outbox's send rate is argv[2] per second instead of the 80/s of a new Cloud API number,
// so the benchmark measures Sahayak rather than Meta's throughput tier.
const ratePerSecond = Number(process.argv[2] ?? 80);
const config = loadConfig();
const logger = createLogger({ level: config.logLevel });
const db = openDatabase({ path: config.databasePath });
const catalogue = loadCatalogue();
const offline = createOfflineEngine({ catalogue });
const { accessToken = '', phoneNumberId = '' } = config.whatsapp;
const outbox = createOutboxWorker({
  db,
  send: createGraphSender({ apiUrl: config.whatsapp.apiUrl, phoneNumberId, accessToken, timeoutMs: 15_000 }),
  now: () => Date.now(),
  logger,
  ratePerSecond,
  concurrency: 64,
});
const pipeline = createPipeline({
  db,
  engine: offline,
  fallbackEngine: offline,
  tools: allTools,
  catalogue,
  now: () => new Date(),
  logger,
  onOutbound: () => outbox.kick(),
  settings: {
    publicBaseUrl: config.publicBaseUrl,
    upi: config.upi,
    fees: loadFeeSchedule(config.feeSchedulePath),
    simulated: false,
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
  ],
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
outbox.start();
pipeline.recover();
process.on('SIGTERM', async () => {
  server.close();
  await pipeline.close();
  await outbox.stop();
  db.$client.close();
  process.exit(0);
});
