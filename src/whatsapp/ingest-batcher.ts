import type { Db } from '../db/open-database.js';
import { iterationCommit } from '../pipeline/iteration-commit.js';
import { type IngestResult, ingestWebhook, ingestWebhookUnwrapped } from './ingest.js';
import type { WebhookEnvelope } from './webhook-payload.js';

export type IngestBatcher = (payload: WebhookEnvelope, now: number) => Promise<IngestResult>;

/**
 * Group commit for webhook deliveries. Every delivery that arrives while the event loop is
 * busy joins one transaction, committed at the next turn of the loop together with the
 * turns and outbox outcomes of that iteration (src/pipeline/iteration-commit.ts). A commit
 * costs far more than an insert on disk (WAL append, FTS segment flush), so under a burst
 * this is what lets the webhook keep up; when idle, a batch is one delivery and adds nothing.
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
  const commit = iterationCommit(db);
  let jobs: Job[] = [];
  let results: IngestResult[] = [];

  const participant = {
    // the fast path: every delivery of the batch in the one savepoint, none of their own
    write() {
      jobs = pending.splice(0, maxBatch);
      results = jobs.map((j) => ingestWebhookUnwrapped(db, j.payload, j.now));
    },
    committed() {
      const [js, rs] = done();
      for (let i = 0; i < js.length; i++) js[i].resolve(rs[i]);
    },
    failed() {
      // something in the batch failed and it rolled back: redo each delivery on its own so
      // one bad delivery (or a transient error) fails alone and Meta retries only that one
      if (jobs.length === 0) jobs = pending.splice(0, maxBatch);
      const [js] = done();
      for (const job of js) {
        try {
          job.resolve(ingestWebhook(db, job.payload, { now: job.now }));
        } catch (error) {
          job.reject(error);
        }
      }
    },
  };

  function done(): [Job[], IngestResult[]] {
    const out: [Job[], IngestResult[]] = [jobs, results];
    jobs = [];
    results = [];
    if (pending.length > 0) commit.join(participant);
    return out;
  }

  return (payload, now) =>
    new Promise<IngestResult>((resolve, reject) => {
      pending.push({ payload, now, resolve, reject });
      commit.join(participant);
    });
}
