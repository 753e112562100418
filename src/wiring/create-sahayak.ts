import { allTools } from '../../tools/index.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { startSearchIndexer } from '../db/search-index.js';
import { createApi } from '../http/api.js';
import { createChatSimulator } from '../http/chat-simulator.js';
import { createChatUpload } from '../http/chat-upload.js';
import { createApp } from '../http/create-app.js';
import { createHealthRoutes } from '../http/health.js';
import { createMediaRoutes } from '../http/media.js';
import { createPaymentWebhook } from '../http/webhook-payments.js';
import {
  createWhatsAppDeliveries,
  createWhatsAppWebhook,
  type WhatsAppWebhookDeps,
} from '../http/webhook-whatsapp.js';
import type { Logger } from '../logging/create-logger.js';
import { sweepMedia } from '../media/erase-media.js';
import { createGraphMedia } from '../media/graph-media.js';
import { createMediaFetcher } from '../media/media-fetch-job.js';
import { createMediaStore } from '../media/media-store.js';
import { createOutboxWorker, sendsInFlight } from '../outbox/outbox-worker.js';
import { createRecipientPacer } from '../outbox/recipient-pacer.js';
import { createSendPreparation } from '../outbox/send-preparation.js';
import { createPaymentLookup, reconcilePendingPayments } from '../payments/reconcile-payments.js';
import { applyPaymentStatus } from '../payments/whatsapp-payment-status.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { startRetentionJob } from '../privacy/retention-job.js';
import { createStaffConsole } from '../staff/create-staff-console.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { voiceResolverFromConfig } from '../stt/voice-notes.js';
import { createGraphSender } from '../whatsapp/graph-sender.js';
import { createReadReceipts } from '../whatsapp/read-receipt.js';
import { loadRuntime } from './load-runtime.js';
import { webhookFastPath } from './node-listener.js';

/**
 * Builds the whole service from a validated Config: database, engines, pipeline, outbox,
 * HTTP routes. src/main.ts serves it; end-to-end tests build it the same way.
 */
export function createSahayak(config: Config, { logger, now: clock }: { logger: Logger; now?: () => Date }) {
  const now = clock ?? (() => new Date());
  // files first: a bad fee schedule, prompt or catalogue stops the start before the database opens
  const runtime = loadRuntime(config);
  const { catalogue, engine, offline, settings } = runtime;
  const db = openDatabase({
    path: config.databasePath,
    busyTimeoutMs: config.databaseBusyTimeoutMs,
    onWait: (message) => logger.warn(message),
  });
  const store = sqliteStore(db);

  const { accessToken, phoneNumberId } = config.whatsapp;
  const simulated = settings.simulated;
  const outbox =
    simulated || !accessToken || !phoneNumberId
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
            timeoutMs: 10_000, // shorter than the outbox lease (15 s)
            // a socket for each send in flight: a send queued in the agent is neither on the
            // wire nor cancellable at a drain's deadline
            maxSockets: sendsInFlight(config.whatsapp.sendRatePerSecond),
          }),
          now: () => now().getTime(),
          logger,
          ratePerSecond: config.whatsapp.sendRatePerSecond,
        });
  const onOutbound = () => outbox?.kick();

  const readReceipts =
    simulated || !accessToken || !phoneNumberId
      ? null
      : createReadReceipts({ logger, apiUrl: config.whatsapp.apiUrl, phoneNumberId, accessToken });

  // citizens' photos, documents and voice notes: fetched from Graph in the background, kept by sha256
  const mediaStore = createMediaStore(config.mediaDir);
  const mediaFetcher =
    simulated || !accessToken
      ? null
      : createMediaFetcher({
          store,
          media: mediaStore,
          graph: createGraphMedia({ apiUrl: config.whatsapp.apiUrl, accessToken }),
          now: () => now().getTime(),
          logger,
        });

  // One pipeline, on this thread and this connection, as in tests, evals and the terminal:
  // the engine runs outside any transaction and each turn commits in one short write.
  const pipeline = createPipeline({
    db,
    engine,
    fallbackEngine: offline,
    tools: allTools,
    catalogue,
    now,
    logger,
    onOutbound,
    settings,
    voice: voiceResolverFromConfig(config, store, mediaStore, logger),
  });

  const webhookDeps: WhatsAppWebhookDeps = {
    db,
    config: config.whatsapp,
    logger,
    now: () => now().getTime(),
    onPaymentStatuses: async (updates) => {
      for (const u of updates) {
        const r = await applyPaymentStatus(store, u, { now: now().getTime(), simulated, catalogue });
        logger.info(
          { reference: u.referenceId, status: u.status, outcome: r.kind },
          'whatsapp payment status',
        );
      }
      onOutbound();
    },
    onAccepted: (waIds, accepted, media) => {
      // blue ticks and "typing…" as the turn starts, then the turn itself
      void readReceipts?.markRead(accepted);
      for (const w of waIds) pipeline.kick(w);
      // the media job looks for due files only when one came (its poll finds retries)
      if (media > 0) mediaFetcher?.kick();
    },
  };
  // one delivery handler for the Hono route and the server's fast path (src/wiring/node-listener.ts)
  const deliveries = createWhatsAppDeliveries(webhookDeps);

  const app = createApp({
    logger,
    home: config.chatSimulator.enabled ? '/chat' : '/staff',
    routes: [
      createHealthRoutes({ db }),
      createWhatsAppWebhook({ ...webhookDeps, deliveries }),
      createPaymentWebhook({ store, secret: config.paymentWebhookSecret, simulated, now, onPaid: onOutbound }),
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
        // the eval tooling (and the yaml library it writes with) is loaded on the first export
        exportCase: async (d, o) =>
          (await import('../../evals/src/case-from-transcript.js')).caseFromTranscript(d, o),
        mediaStore,
        templates: config.whatsapp,
      }),
    ],
  });

  let timers: { stop: () => void }[] = [];
  let stopping: Promise<void> | null = null;
  return {
    app,
    /** for `serve({ createServer })`: Meta's webhook POSTs skip the web Request/Response */
    createServer: webhookFastPath({ deliveries, logger }),
    db,
    store,
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
      mediaFetcher?.start();
      // erasure and retention delete media rows; this makes the disk follow within a minute
      const sweeper = setInterval(() => {
        sweepMedia(store, mediaStore).catch((err: unknown) => logger.error({ err }, 'media sweep failed'));
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
          store,
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
        startRetentionJob({ store, days: config.retentionDays, now: () => now().getTime(), logger }),
        startSearchIndexer({ db, onError: (err) => logger.error({ err }, 'search indexing failed') }),
        { stop: () => clearInterval(sweeper) },
        { stop: () => clearInterval(reconciler) },
      ];
    },
    /**
     * Drain within `timeoutMs` (Docker stops after 10 s): finish the turns in flight, then
     * the sends in flight, then close the database. What was not started stays pending
     * (inbox) or queued (outbox) for the next start; a send cut off keeps its lease and is
     * re-sent only once the lease has expired.
     */
    stop({ timeoutMs = 8_000 }: { timeoutMs?: number } = {}): Promise<void> {
      stopping ??= (async () => {
        const deadline = Date.now() + timeoutMs;
        for (const t of timers) t.stop();
        const turnsDone = await pipeline.close({ timeoutMs: timeoutMs / 2 });
        if (!turnsDone)
          logger.warn('turns still running at the drain deadline stay pending for the next start');
        const sendsDone = (await outbox?.stop({ timeoutMs: Math.max(0, deadline - Date.now()) })) ?? true;
        if (!sendsDone)
          logger.warn('sends still in flight at the drain deadline are retried after their lease');
        await mediaFetcher?.stop();
        readReceipts?.close();
        db.$client.close();
      })();
      return stopping;
    },
  };
}
