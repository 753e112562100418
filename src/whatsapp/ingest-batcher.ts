import type { Db } from '../db/open-database.js';
import { type IngestResult, ingestWebhook, ingestWebhookUnwrapped } from './ingest.js';
import type { WebhookEnvelope } from './webhook-payload.js';

export type IngestBatcher = (payload: WebhookEnvelope, now: number) => Promise<IngestResult>;

/**
 * Group commit for webhook deliveries. Every delivery that arrives while the event loop is
 * busy joins one transaction, committed at the next turn of the loop. A commit costs far
 * more than an insert on disk (WAL append, FTS segment flush), so under a burst this is
 * what lets the webhook keep up; when idle, a batch is one delivery and adds nothing.
 * Each delivery stays all-or-nothing: if a batch fails, each of its deliveries is redone
 * in its own transaction, so a delivery that fails fails alone.
 * Promises resolve only after the commit: the caller may then acknowledge to Meta.
 */
export function createIngestBatcher(db: Db, { maxBatch = 256 }: { maxBatch?: number } = {}): IngestBatcher {
  type Job = {
    payload: WebhookEnvelope;
    now: number;
    resolve: (r: IngestResult) => void;
    reject: (e: unknown) => void;
  };
  const pending: Job[] = [];
  let scheduled = false;

  // the fast path: every delivery of the batch in one transaction, no savepoints
  const runBatch = db.$client.transaction((jobs: Job[]) =>
    jobs.map((j) => ingestWebhookUnwrapped(db, j.payload, j.now)),
  );

  function flush() {
    scheduled = false;
    const jobs = pending.splice(0, maxBatch);
    if (pending.length > 0) schedule();
    let results: IngestResult[];
    try {
      results = runBatch(jobs);
    } catch {
      // something in the batch failed and it rolled back: redo each delivery on its own so
      // one bad delivery (or a transient error) fails alone and Meta retries only that one
      for (const job of jobs) {
        try {
          job.resolve(ingestWebhook(db, job.payload, { now: job.now }));
        } catch (error) {
          job.reject(error);
        }
      }
      return;
    }
    for (let i = 0; i < jobs.length; i++) jobs[i].resolve(results[i]);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return (payload, now) =>
    new Promise<IngestResult>((resolve, reject) => {
      pending.push({ payload, now, resolve, reject });
      schedule();
    });
}
