import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { startSearchIndexer } from '../db/search-index.js';
import type { Logger } from '../logging/create-logger.js';
import { createMediaStore } from '../media/media-store.js';
import { createOutboxWorker } from '../outbox/outbox-worker.js';
import { createSendPreparation } from '../outbox/send-preparation.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import { iterationCommit } from '../pipeline/iteration-commit.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { assembleSahayak, type ScheduleJob } from './assemble-sahayak.js';
import { loadRuntime } from './load-runtime.js';

/** One process: a repeated job on a timer, never two runs of it at once. */
export const scheduleInProcess: ScheduleJob = (_name, everyMs, run, onError) => {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch(onError)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
};

/**
 * Builds the whole service on one SQLite file (the embedded default) from a validated Config:
 * database, engines, pipeline, outbox, HTTP routes. src/main.ts serves it; end-to-end tests
 * build it the same way. PostgreSQL: create-sahayak-pg.ts.
 */
export function createSahayak(config: Config, { logger, now: clock }: { logger: Logger; now?: () => Date }) {
  const now = clock ?? (() => new Date());
  // files first: a bad fee schedule, prompt or catalogue stops the start before the database opens
  const runtime = loadRuntime(config);
  const db = openDatabase({
    path: config.databasePath,
    busyTimeoutMs: config.databaseBusyTimeoutMs,
    onWait: (message) => logger.warn(message),
  });
  // the ingest, the turns and the outbox share the connection's one commit (and its spacing)
  const commit = iterationCommit(db);
  commit.setMinInterval(config.sqliteCommitIntervalMs);
  // files on disk, by sha256 (one machine: its disk is every instance's)
  const mediaStore = createMediaStore(config.mediaDir);
  const sahayak = assembleSahayak(config, { logger, now }, runtime, {
    store: sqliteStore(db),
    db,
    mediaStore,
    outbox: (parts) =>
      createOutboxWorker({
        ...parts,
        db,
        preparation: createSendPreparation({
          db,
          catalogue: runtime.catalogue,
          now: parts.now,
          settings: config.whatsapp,
        }),
      }),
    // one pipeline, on this thread and this connection, as in tests, evals and the terminal
    pipeline: (deps) => createPipeline({ ...deps, db }),
    schedule: scheduleInProcess,
    jobs: () => [
      startSearchIndexer({ db, onError: (err) => logger.error({ err }, 'search indexing failed') }),
    ],
    close: async () => {
      // writes may still wait for their spaced commit: write them now, or the closed file
      // refuses them (a delivery answered 503 instead of 200, a finished turn redone)
      commit.flush();
      db.$client.close();
    },
  });
  return { ...sahayak, db, mediaStore };
}
