import type { SqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
import type { IngestResult } from './ingest.js';
import { createIngestBatcher } from './ingest-batcher.js';
import { createPgIngestBatcher } from './pg-ingest-batcher.js';
import type { WebhookEnvelope } from './webhook-payload.js';

/** Stores one webhook delivery; resolves once it is committed (the caller may then answer 200). */
export type Ingest = (payload: WebhookEnvelope, now: number) => Promise<IngestResult>;

/**
 * The webhook's ingest for the store it runs on. SQLite: prepared statements and a group commit
 * shared with the turns (one writer, so batching is what keeps up). PostgreSQL: a delivery in
 * its own transaction on the pool while few are open, the ones that wait sharing one
 * (pg-ingest-batcher.ts); instances commit side by side and a delivery that fails fails alone.
 */
export function createIngest(store: Store): Ingest {
  if (store.dialect === 'sqlite') return createIngestBatcher((store as SqliteStore).db);
  return createPgIngestBatcher(store);
}
