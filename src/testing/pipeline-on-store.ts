import pino from 'pino';
import { afterEach } from 'vitest';
import { allTools } from '../../tools/index.js';
import { createOfflineEngine } from '../agent/offline/offline-engine.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { createPgPipeline } from '../pipeline/create-pg-pipeline.js';
import { createPipeline } from '../pipeline/create-pipeline.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { testPipelineSettings } from './pipeline-settings.js';

const catalogue = loadCatalogue();

/**
 * The production pipeline of either database, on the offline engine at a fixed clock (or one the test moves), closed
 * after each test: `deliver` stores one message as the webhook does and runs the citizen's turn.
 * Call at a describe's top level (it registers an afterEach).
 */
export function usePipelines(now: Date | (() => Date)) {
  const open: { close: (o?: { timeoutMs?: number }) => Promise<boolean> }[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((p) => p.close({ timeoutMs: 1_000 })));
  });
  const offline = createOfflineEngine({ catalogue });
  const deps = {
    engine: offline,
    fallbackEngine: offline,
    tools: allTools,
    catalogue,
    now: typeof now === 'function' ? now : () => now,
    logger: pino({ level: 'silent' }),
    settings: testPipelineSettings(),
  };
  return (store: SqliteStore | PgStore) => {
    const p =
      store.dialect === 'sqlite'
        ? createPipeline({ ...deps, db: (store as SqliteStore).db, store })
        : createPgPipeline({ ...deps, store: store as PgStore, instanceId: 'a', sweepMs: 50 });
    open.push(p);
    return async (waId: string, wamid: string, event: InboundEvent) => {
      const stored = await p.receive({ waId, wamid, event });
      p.kick(waId);
      await p.idle();
      return stored;
    };
  };
}
