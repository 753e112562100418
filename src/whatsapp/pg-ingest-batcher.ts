import type { Store } from '../storage/store.js';
import type { IngestResult } from './ingest.js';
import { ingestWebhookOp } from './ingest-op.js';
import { toInboundEvents, toStatusUpdates, type WebhookEnvelope } from './webhook-payload.js';

type Job = {
  payload: WebhookEnvelope;
  now: number;
  /** whom the delivery is about (its first message's sender, else its first status's recipient) */
  citizen: string;
  /** one statement: no message and at most one status */
  single: boolean;
  resolve: (r: IngestResult) => void;
  reject: (e: unknown) => void;
};

/** What the batcher needs to know of a delivery, read once when it arrives. */
function shapeOf(payload: WebhookEnvelope): { citizen: string; single: boolean } {
  const messages = toInboundEvents(payload);
  const statuses = toStatusUpdates(payload);
  return {
    citizen: messages[0]?.waId ?? statuses[0]?.recipientId ?? '',
    single: messages.length === 0 && statuses.length <= 1,
  };
}

/**
 * Group commit for webhook deliveries on PostgreSQL. When idle every delivery is its own
 * transaction at once; while `maxInFlight` transactions are already open, the deliveries that
 * arrive wait and then share one (up to `maxBatch`). Meta posts about four webhooks a reply
 * (the message, then sent, delivered, read), and each transaction costs its BEGIN and COMMIT
 * round trips and a WAL flush: sharing them is what lets one instance keep up.
 * - Each delivery stays all-or-nothing: if a shared transaction fails (a deadlock with another
 *   instance's, a bad row), each of its deliveries is redone in its own, so one fails alone and
 *   Meta retries only that one. Promises resolve after the commit (then the caller answers 200).
 * - A batch takes its deliveries in citizen order (stable: one citizen's keep their arrival
 *   order), so two instances' batches lock rows in the same order and rarely deadlock.
 */
export function createPgIngestBatcher(
  store: Store,
  { maxBatch = 64, maxInFlight = 3 }: { maxBatch?: number; maxInFlight?: number } = {},
) {
  const queue: Job[] = [];
  let inFlight = 0;

  // a delivery of one status (most of Meta's: sent, delivered, read) is one UPDATE, atomic by
  // itself: run without BEGIN and COMMIT, a third of the round trips
  const alone = (j: Job) => {
    const op = ingestWebhookOp(j.payload, j.now);
    return (j.single ? store.read(op) : store.transaction(op)).then(j.resolve, j.reject);
  };

  async function together(jobs: Job[]): Promise<void> {
    const ordered = jobs
      .map((job, i) => ({ job, i, key: job.citizen }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
      .map((x) => x.job);
    let results: IngestResult[];
    try {
      results = await store.transaction(function* (q) {
        const out: IngestResult[] = [];
        for (const j of ordered) out.push(yield* ingestWebhookOp(j.payload, j.now)(q));
        return out;
      });
    } catch {
      await Promise.all(ordered.map(alone));
      return;
    }
    for (const [i, j] of ordered.entries()) j.resolve(results[i] as IngestResult);
  }

  function pump(): void {
    while (inFlight < maxInFlight && queue.length > 0) {
      const jobs = queue.splice(0, maxBatch);
      inFlight++;
      const done = jobs.length === 1 ? alone(jobs[0] as Job) : together(jobs);
      void done.finally(() => {
        inFlight--;
        pump();
      });
    }
  }

  return (payload: WebhookEnvelope, now: number): Promise<IngestResult> =>
    new Promise((resolve, reject) => {
      queue.push({ payload, now, ...shapeOf(payload), resolve, reject });
      pump();
    });
}
