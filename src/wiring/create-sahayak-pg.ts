import { hostname } from 'node:os';
import type { Config } from '../config.js';
import { startExclusiveJob } from '../coordination/pg-exclusive-job.js';
import { openPg } from '../db/pg/open-pg.js';
import type { Logger } from '../logging/create-logger.js';
import { createPgMediaStore } from '../media/media-blob-store.js';
import { createPgOutboxWorker } from '../outbox/pg-outbox-worker.js';
import { createSendPreparation, storePreparationStore } from '../outbox/send-preparation.js';
import { createPgPipeline } from '../pipeline/create-pg-pipeline.js';
import { pgStore } from '../storage/pg-store.js';
import { assembleSahayak } from './assemble-sahayak.js';
import { loadRuntime } from './load-runtime.js';

/**
 * Builds the whole service on PostgreSQL (`DATABASE_URL`), as one of several instances that
 * share the work on one database: turn leases per citizen, outbox claims with SKIP LOCKED, the
 * send rate in the database, background jobs one instance at a time, media bytes in
 * `media_blobs` so every instance can serve them. Everything above the storage is the same
 * assembly as SQLite's (assemble-sahayak.ts).
 */
export async function createSahayakPg(
  config: Config,
  { logger, now: clock }: { logger: Logger; now?: () => Date },
) {
  const url = config.databaseUrl;
  if (!url) throw new Error('createSahayakPg needs DATABASE_URL');
  const now = clock ?? (() => new Date());
  // files first: a bad fee schedule, prompt or catalogue stops the start before the database opens
  const runtime = loadRuntime(config);
  const db = await openPg({
    url,
    max: config.databasePoolSize,
    onError: (err) => logger.warn({ err }, 'a pooled PostgreSQL connection failed; the pool opens another'),
    onWarning: (message) => logger.warn(message),
  });
  const store = pgStore(db);
  const pool = db.$client;
  const instanceId = config.instanceId ?? `${hostname()}:${process.pid}`;
  const sahayak = assembleSahayak(config, { logger, now }, runtime, {
    store,
    mediaStore: createPgMediaStore(db),
    outbox: (parts) =>
      createPgOutboxWorker({
        ...parts,
        pool,
        url,
        // the number's send rate is one bucket for every instance sending from it
        rateKey: config.whatsapp.phoneNumberId ?? 'default',
        preparation: createSendPreparation({
          store: storePreparationStore(store),
          catalogue: runtime.catalogue,
          now: parts.now,
          settings: config.whatsapp,
        }),
      }),
    pipeline: (deps) => createPgPipeline({ ...deps, store, instanceId, leaseMs: config.turnLeaseMs }),
    schedule: (name, everyMs, run, onError) => startExclusiveJob({ pool, name, everyMs, run, onError }),
    // transcript search is pg_trgm's GIN index, kept by PostgreSQL itself: no indexing job
    jobs: () => [],
    close: () => store.close(),
  });
  return { ...sahayak, instanceId };
}
