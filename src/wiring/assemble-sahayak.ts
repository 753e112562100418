import { allTools } from '../../tools/index.js';
import type { Config } from '../config.js';
import type { Db } from '../db/open-database.js';
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
import type { MediaStore } from '../media/media-store.js';
import type { OutboxWorker } from '../outbox/outbox-worker.js';
import { sendsInFlight } from '../outbox/outbox-worker.js';
import { createRecipientPacer } from '../outbox/recipient-pacer.js';
import { createPaymentLookup, reconcilePendingPayments } from '../payments/reconcile-payments.js';
import { applyPaymentStatus } from '../payments/whatsapp-payment-status.js';
import type { InboundMessage } from '../pipeline/insert-inbound.js';
import type { ProcessDeps } from '../pipeline/process-inbound.js';
import { startRetentionJob } from '../privacy/retention-job.js';
import { createStaffConsole } from '../staff/create-staff-console.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { voiceResolverFromConfig } from '../stt/voice-notes.js';
import { createGraphSender, type GraphSender } from '../whatsapp/graph-sender.js';
import { createReadReceipts } from '../whatsapp/read-receipt.js';
import type { Runtime } from './load-runtime.js';
import { webhookFastPath } from './node-listener.js';

type Maybe<T> = T | Promise<T>;

/** What both pipelines (create-pipeline.ts, create-pg-pipeline.ts) offer the rest of the service. */
export interface ServicePipeline {
  receive(m: InboundMessage): Maybe<{ id: number; duplicate: boolean }>;
  kick(waId: string): void;
  idle(): Promise<void>;
  recover(): Maybe<number>;
  close(o?: { timeoutMs?: number }): Promise<boolean>;
}

/** What the outbox worker of either database is built from (everything but its storage). */
export interface OutboxParts {
  send: GraphSender;
  pace: ReturnType<typeof createRecipientPacer>;
  now: () => number;
  logger: Logger;
  ratePerSecond: number;
}

/** A repeated background job: one process on SQLite, one instance at a time on PostgreSQL. */
export type ScheduleJob = (
  name: string,
  everyMs: number,
  run: () => Promise<unknown>,
  onError: (err: unknown) => void,
) => { stop(): void };

/**
 * The few parts that differ between one SQLite file and PostgreSQL shared by several
 * instances (create-sahayak.ts, create-sahayak-pg.ts); everything else is assembled once here.
 */
export interface StorageParts {
  store: SqliteStore | PgStore;
  /** SQLite's database (the eval export reads it); absent on PostgreSQL */
  db?: Db;
  /** citizens' media bytes: files on SQLite, media_blobs on PostgreSQL */
  mediaStore: MediaStore;
  outbox(parts: OutboxParts): OutboxWorker;
  pipeline(
    deps: Omit<ProcessDeps, 'db' | 'store' | 'turnStore' | 'commit'> & { onOutbound: () => void },
  ): ServicePipeline;
  schedule: ScheduleJob;
  /** background work only this database has (SQLite's search index) */
  jobs(): { stop(): void }[];
  close(): Promise<void>;
}

export type Sahayak = ReturnType<typeof assembleSahayak>;

/**
 * Builds the service above the storage from a validated Config and its loaded files:
 * engines, pipeline, outbox, background jobs and every HTTP route.
 */
export function assembleSahayak(
  config: Config,
  { logger, now }: { logger: Logger; now: () => Date },
  runtime: Runtime,
  storage: StorageParts,
) {
  const { catalogue, engine, offline, settings } = runtime;
  const { store, db, mediaStore } = storage;
  const { accessToken, phoneNumberId } = config.whatsapp;
  const simulated = settings.simulated;
  const graphConfigured = !simulated && !!accessToken && !!phoneNumberId;
  const nowMs = () => now().getTime();

  const outbox =
    graphConfigured && accessToken && phoneNumberId
      ? storage.outbox({
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
          now: nowMs,
          logger,
          ratePerSecond: config.whatsapp.sendRatePerSecond,
        })
      : null;
  const onOutbound = () => outbox?.kick();

  const readReceipts =
    graphConfigured && accessToken && phoneNumberId
      ? createReadReceipts({ logger, apiUrl: config.whatsapp.apiUrl, phoneNumberId, accessToken })
      : null;

  // citizens' photos, documents and voice notes: fetched from Graph in the background, kept by sha256
  const mediaFetcher =
    simulated || !accessToken
      ? null
      : createMediaFetcher({
          store,
          media: mediaStore,
          graph: createGraphMedia({ apiUrl: config.whatsapp.apiUrl, accessToken }),
          now: nowMs,
          logger,
        });

  // the engine runs outside any transaction and each turn commits in one short write
  const pipeline = storage.pipeline({
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
    store,
    config: config.whatsapp,
    logger,
    now: nowMs,
    onPaymentStatuses: async (updates) => {
      for (const u of updates) {
        const r = await applyPaymentStatus(store, u, { now: nowMs(), simulated, catalogue });
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
  const receive = (m: InboundMessage) => pipeline.receive(m);
  const kick = (w: string) => pipeline.kick(w);

  const app = createApp({
    logger,
    home: config.chatSimulator.enabled ? '/chat' : '/staff',
    routes: [
      createHealthRoutes({ store }),
      createWhatsAppWebhook({ ...webhookDeps, deliveries }),
      createPaymentWebhook({
        store,
        secret: config.paymentWebhookSecret,
        simulated,
        now,
        onPaid: onOutbound,
        onOutbound,
      }),
      createApi({ store, token: config.staffApiToken, mediaStore, now: nowMs }),
      createMediaRoutes({ store }),
      // /chat only where it is meant to be (config.chatSimulator): a 404 otherwise
      ...(config.chatSimulator.enabled
        ? [
            createChatUpload({ store, mediaStore, receive, kick }),
            createChatSimulator({
              store,
              receive,
              kick,
              ratePerMinute: config.chatSimulator.ratePerMinute,
              now: nowMs,
            }),
          ]
        : []),
      createStaffConsole({
        store,
        ...(db && { db }),
        catalogue,
        now: nowMs,
        simulated,
        onOutbound,
        logger,
        secureCookies: config.publicBaseUrl.startsWith('https://'),
        // the eval tooling (and the yaml library it writes with) is loaded on the first export;
        // it reads through the store, so either database
        exportCase: async (o: { conversationId: number }) =>
          (await import('../../evals/src/case-from-transcript.js')).caseFromTranscript(store, o),
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
    store,
    pipeline,
    engine,
    simulated,
    mediaStore,
    mediaFetcher,
    /** Background work: the outbox, what the last run left pending, retention, media, payments. */
    start() {
      outbox?.start();
      Promise.resolve(pipeline.recover())
        .then((recovered) => {
          if (recovered)
            logger.info({ citizens: recovered }, 'processing messages left pending by the last run');
        })
        .catch((err: unknown) => logger.error({ err }, 'could not look for messages left pending'));
      mediaFetcher?.start();
      // native checkouts with no final status after WHATSAPP_PAYMENT_RECONCILE_AFTER_MS: ask Graph
      const { paymentConfiguration } = config.whatsapp;
      const lookup =
        graphConfigured && paymentConfiguration && accessToken && phoneNumberId
          ? createPaymentLookup({
              apiUrl: config.whatsapp.apiUrl,
              phoneNumberId,
              accessToken,
              configuration: paymentConfiguration,
            })
          : null;
      timers = [
        startRetentionJob({ store, days: config.retentionDays, now: nowMs, logger }),
        // erasure and retention delete media rows; this makes the bytes follow within a minute
        storage.schedule(
          'media-sweep',
          60_000,
          () => sweepMedia(store, mediaStore),
          (err) => logger.error({ err }, 'media sweep failed'),
        ),
        ...(lookup
          ? [
              storage.schedule(
                'payment-reconcile',
                60_000,
                () =>
                  reconcilePendingPayments({
                    store,
                    lookup,
                    now: nowMs(),
                    afterMs: config.whatsapp.paymentReconcileAfterMs,
                    simulated,
                    catalogue,
                  }).then(onOutbound),
                (err) => logger.warn({ err }, 'payment reconciliation failed'),
              ),
            ]
          : []),
        ...storage.jobs(),
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
        await storage.close();
      })();
      return stopping;
    },
  };
}
