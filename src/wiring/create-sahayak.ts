import { caseFromTranscript } from '../../evals/src/case-from-transcript.js';
import { allTools } from '../../tools/index.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { syncSearchIndex } from '../db/search-index.js';
import { createApi } from '../http/api.js';
import { createChatSimulator } from '../http/chat-simulator.js';
import { createChatUpload } from '../http/chat-upload.js';
import { createApp } from '../http/create-app.js';
import { createHealthRoutes } from '../http/health.js';
import { createMediaRoutes } from '../http/media.js';
import { createPaymentWebhook } from '../http/webhook-payments.js';
import { createWhatsAppWebhook } from '../http/webhook-whatsapp.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import type { Logger } from '../logging/create-logger.js';
import { sweepMedia } from '../media/erase-media.js';
import { createGraphMedia } from '../media/graph-media.js';
import { createMediaFetcher } from '../media/media-fetch-job.js';
import { createMediaStore } from '../media/media-store.js';
import { createOutboxWorker } from '../outbox/outbox-worker.js';
import { createRecipientPacer } from '../outbox/recipient-pacer.js';
import { createSendPreparation } from '../outbox/send-preparation.js';
import { createPaymentLookup, reconcilePendingPayments } from '../payments/reconcile-payments.js';
import { applyPaymentStatus } from '../payments/whatsapp-payment-status.js';
import { createPipeline, type Pipeline } from '../pipeline/create-pipeline.js';
import { createWriteLock, preferImmediateTransactions } from '../pipeline/immediate-transactions.js';
import { pipelineSettings } from '../pipeline/pipeline-settings.js';
import { createThreadedPipeline } from '../pipeline/threaded-pipeline.js';
import { startRetentionJob } from '../privacy/retention-job.js';
import { createStaffConsole } from '../staff/create-staff-console.js';
import { voiceResolverFromConfig } from '../stt/voice-notes.js';
import { createGraphSender } from '../whatsapp/graph-sender.js';
import { createReadReceipts } from '../whatsapp/read-receipt.js';
import { buildEngines } from './build-engines.js';

/**
 * Builds the whole service from a validated Config: database, engines, pipeline, outbox,
 * HTTP routes. src/main.ts serves it; end-to-end tests build it the same way.
 */
export function createSahayak(config: Config, { logger, now: clock }: { logger: Logger; now?: () => Date }) {
  const now = clock ?? (() => new Date());
  const db = openDatabase({
    path: config.databasePath,
    busyTimeoutMs: config.databaseBusyTimeoutMs,
    onWait: (message) => logger.warn(message),
  });
  // a database file gets a second writer (the turn worker): see preferImmediateTransactions
  const threaded = config.databasePath !== ':memory:' && !clock;
  const writeLock = createWriteLock();
  if (threaded) preferImmediateTransactions(db, writeLock);
  const catalogue = loadCatalogue();
  const { engine, offline } = buildEngines(config, catalogue);

  const { accessToken, phoneNumberId } = config.whatsapp;
  const simulated = !(accessToken && phoneNumberId);
  const outbox = simulated
    ? null
    : createOutboxWorker({
        db,
        preparation: createSendPreparation({
          db,
          catalogue,
          now: () => now().getTime(),
          settings: config.whatsapp,
        }),
        pace: createRecipientPacer({
          burst: config.whatsapp.pairBurst,
          intervalMs: config.whatsapp.pairIntervalMs,
        }),
        send: createGraphSender({
          apiUrl: config.whatsapp.apiUrl,
          phoneNumberId,
          accessToken,
          timeoutMs: 15_000,
        }),
        now: () => now().getTime(),
        logger,
        ratePerSecond: config.whatsapp.sendRatePerSecond,
      });
  const onOutbound = () => outbox?.kick();

  const readReceipts =
    simulated || !accessToken || !phoneNumberId
      ? null
      : createReadReceipts({ db, logger, apiUrl: config.whatsapp.apiUrl, phoneNumberId, accessToken });

  // citizens' photos, documents and voice notes: fetched from Graph in the background, kept by sha256
  const mediaStore = createMediaStore(config.mediaDir);
  const mediaFetcher = simulated
    ? null
    : createMediaFetcher({
        db,
        graph: createGraphMedia({ apiUrl: config.whatsapp.apiUrl, accessToken }),
        store: mediaStore,
        now: () => now().getTime(),
        logger,
      });

  // A database file: turns run on a worker thread with its own connection, so the webhook
  // thread only stores and acknowledges. In memory (tests, evals) or on an injected clock,
  // which cannot cross threads, they run here.
  const pipeline: Pipeline = threaded
    ? createThreadedPipeline({ db, config, writeLock, logger, onOutbound })
    : createPipeline({
        db,
        engine,
        fallbackEngine: offline,
        tools: allTools,
        catalogue,
        now,
        logger,
        onOutbound,
        settings: pipelineSettings(config),
        voice: voiceResolverFromConfig(config, db, logger),
      });

  const app = createApp({
    logger,
    routes: [
      createHealthRoutes({ db }),
      createWhatsAppWebhook({
        db,
        config: config.whatsapp,
        logger,
        now: () => now().getTime(),
        onPaymentStatuses: (updates) => {
          for (const u of updates) {
            const r = applyPaymentStatus(db, u, { now: now().getTime(), simulated, catalogue });
            logger.info(
              { reference: u.referenceId, status: u.status, outcome: r.kind },
              'whatsapp payment status',
            );
          }
          onOutbound();
        },
        onAccepted: (waIds, accepted) => {
          // blue ticks and "typing…" as the turn starts, then the turn itself
          void readReceipts?.markRead(accepted);
          for (const w of waIds) pipeline.kick(w);
          mediaFetcher?.kick();
        },
      }),
      createPaymentWebhook({ db, secret: config.paymentWebhookSecret, simulated, now, onPaid: onOutbound }),
      createApi({ db, token: config.staffApiToken, mediaStore, now: () => now().getTime() }),
      createMediaRoutes({ db }),
      // /chat only where it is meant to be (config.chatSimulator): a 404 otherwise
      ...(config.chatSimulator.enabled
        ? [
            createChatUpload({
              db,
              store: mediaStore,
              receive: (m) => pipeline.receive(m),
              kick: (w) => pipeline.kick(w),
            }),
            createChatSimulator({
              db,
              receive: (m) => pipeline.receive(m),
              kick: (w) => pipeline.kick(w),
              ratePerMinute: config.chatSimulator.ratePerMinute,
              now: () => now().getTime(),
            }),
          ]
        : []),
      createStaffConsole({
        db,
        catalogue,
        now: () => now().getTime(),
        simulated,
        onOutbound,
        logger,
        secureCookies: config.publicBaseUrl.startsWith('https://'),
        exportCase: (d, o) => caseFromTranscript(d, o),
        mediaStore,
        templates: config.whatsapp,
      }),
    ],
  });

  let timers: { stop: () => void }[] = [];
  return {
    app,
    db,
    pipeline,
    engine,
    simulated,
    mediaStore,
    mediaFetcher,
    /** Background work: the outbox, what the last run left pending, retention, search indexing. */
    start() {
      outbox?.start();
      const recovered = pipeline.recover();
      if (recovered) logger.info({ citizens: recovered }, 'processing messages left pending by the last run');
      const indexer = setInterval(() => syncSearchIndex(db), 5_000);
      indexer.unref();
      mediaFetcher?.start();
      // erasure and retention delete media rows; this makes the disk follow within a minute
      const sweeper = setInterval(() => {
        try {
          sweepMedia(db, mediaStore);
        } catch (err) {
          logger.error({ err }, 'media sweep failed');
        }
      }, 60_000);
      sweeper.unref();
      // native checkouts with no final status after WHATSAPP_PAYMENT_RECONCILE_AFTER_MS: ask Graph
      const { paymentConfiguration } = config.whatsapp;
      const lookup =
        !simulated && paymentConfiguration && accessToken && phoneNumberId
          ? createPaymentLookup({
              apiUrl: config.whatsapp.apiUrl,
              phoneNumberId,
              accessToken,
              configuration: paymentConfiguration,
            })
          : null;
      const reconciler = setInterval(() => {
        if (!lookup) return;
        reconcilePendingPayments({
          db,
          lookup,
          now: now().getTime(),
          afterMs: config.whatsapp.paymentReconcileAfterMs,
          simulated,
          catalogue,
        })
          .then(onOutbound)
          .catch((err) => logger.warn({ err }, 'payment reconciliation failed'));
      }, 60_000);
      reconciler.unref();
      timers = [
        startRetentionJob({ db, days: config.retentionDays, now: () => now().getTime(), logger }),
        { stop: () => clearInterval(indexer) },
        { stop: () => clearInterval(sweeper) },
        { stop: () => clearInterval(reconciler) },
      ];
    },
    /** Drain: finish the turns in flight and the sends they queued, then close the database. */
    async stop() {
      for (const t of timers) t.stop();
      await pipeline.close();
      await outbox?.stop();
      await mediaFetcher?.stop();
      readReceipts?.close();
      db.$client.close();
    },
  };
}
