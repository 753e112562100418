import { parentPort, workerData } from 'node:worker_threads';
import { allTools } from '../../tools/index.js';
import type { Config } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { createLogger } from '../logging/create-logger.js';
import { voiceResolverFromConfig } from '../stt/voice-notes.js';
import { buildEngines } from '../wiring/build-engines.js';
import { createPipeline } from './create-pipeline.js';
import { groupCommits } from './group-commit.js';
import { pipelineSettings } from './pipeline-settings.js';

/** Messages the main thread sends to the turn worker. */
export type ToWorker =
  | { type: 'kick'; waId: string }
  | { type: 'recover' }
  | { type: 'idle'; id: number }
  | { type: 'close' };
/** Messages the turn worker sends back. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'outbound' }
  | { type: 'idle'; id: number }
  | { type: 'closed' };

// The turn worker: runs the pipeline's turns on its own thread and its own connection
// (WAL lets it write while the webhook thread inserts), so turns never hold up ingest.
// It gets the validated Config as data: only src/config.ts reads the environment.
const port = parentPort;
if (!port) throw new Error('turn-worker.ts runs as a worker thread');
const { config, writeLock } = workerData as { config: Config; writeLock: SharedArrayBuffer };
const logger = createLogger({ level: config.logLevel });
const db = openDatabase({ path: config.databasePath });
const batch = groupCommits(db, writeLock, { onCommit: () => wake() });
const catalogue = loadCatalogue();
const { engine, offline } = buildEngines(config, catalogue);
const post = (m: FromWorker) => port.postMessage(m);

// The outbox reads committed rows only: it is woken after the commit that holds the
// replies, once per batch of turns.
let repliesQueued = false;
const wake = () => {
  if (!repliesQueued) return;
  repliesQueued = false;
  post({ type: 'outbound' });
};
const onOutbound = () => {
  repliesQueued = true;
  // normally the batch's commit wakes it; a turn that wrote outside a batch needs this
  setImmediate(() => {
    if (!batch.open) wake();
  });
};

const pipeline = createPipeline({
  db,
  engine,
  fallbackEngine: offline,
  tools: allTools,
  catalogue,
  now: () => new Date(),
  logger,
  onOutbound,
  settings: pipelineSettings(config),
  voice: voiceResolverFromConfig(config, db, logger),
});

post({ type: 'ready' });
port.on('message', (m: ToWorker) => {
  switch (m.type) {
    case 'kick':
      pipeline.kick(m.waId);
      break;
    case 'recover':
      pipeline.recover();
      break;
    case 'idle':
      void pipeline.idle().then(() => {
        batch.flush();
        post({ type: 'idle', id: m.id });
      });
      break;
    case 'close':
      void pipeline.close().then(() => {
        batch.flush();
        db.$client.close();
        post({ type: 'outbound' });
        post({ type: 'closed' });
        port.close();
      });
      break;
  }
});
