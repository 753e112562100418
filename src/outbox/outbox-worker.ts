import type { Logger } from 'pino';
import type { Db } from '../db/open-database.js';
import { maskPhone } from '../logging/create-logger.js';
import { GraphApiError, type GraphSender } from '../whatsapp/graph-sender.js';
import { outboundMessageSchema } from '../whatsapp/outbound-message.js';
import type { ClaimedRow, OutboxQueue, Outcome } from './outbox-queue.js';
import { createRateLimiter } from './rate-limiter.js';
import type { SendPreparation } from './send-preparation.js';
import { createSqliteOutboxQueue } from './sqlite-outbox-queue.js';

export interface OutboxWorkerOptions {
  /** the outbox on SQLite (sqlite-outbox-queue.ts); or give `queue` */
  db?: Db;
  /** the outbox's storage: PostgreSQL's is createPgOutboxQueue (pg-outbox-queue.ts) */
  queue?: OutboxQueue;
  send: GraphSender;
  now: () => number;
  logger: Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;
  /** sends before a retryable failure becomes 'failed' (default 8) */
  maxAttempts?: number;
  /** first retry delay; doubles each attempt, with jitter (default 2 s) */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * sends in flight at once, each to a different citizen. Default: what the send rate needs
   * for a round trip of `roundTripMs` (rate × latency), at least 16.
   */
  concurrency?: number;
  /** the Graph API's round trip the default concurrency is sized for (default 1 s) */
  roundTripMs?: number;
  /**
   * how long a claimed row is ours: past it, another pass (or process) may send it again.
   * Longer than the sender's timeout, so a live send is never duplicated (default 15 s).
   */
  leaseMs?: number;
  /** when recording a send's outcome fails, wait this long before writing it again (default 500 ms) */
  writeRetryMs?: number;
  /** global send rate; Cloud API numbers start at 80 msg/s (default 80) */
  ratePerSecond?: number;
  /**
   * resolves when the number's send rate allows one more send (default: a limiter in this
   * process at ratePerSecond; several instances share one through the database: pg-send-rate.ts)
   */
  acquire?: () => Promise<void>;
  /** how often to look for due rows when nothing kicked the worker (default 1 s) */
  pollMs?: number;
  /**
   * the shortest time between two claim passes (default 4 ms): every turn and every send
   * that finishes kicks the worker, and a pass scans the due list, so under load the kicks
   * of a few milliseconds share one pass instead of one each (a reply waits at most this)
   */
  minPassGapMs?: number;
  random?: () => number;
  /** the 24-hour window, templates and native checkout (src/outbox/send-preparation.ts) */
  preparation?: SendPreparation;
  /** per-recipient pacing (src/outbox/recipient-pacer.ts): resolves when this citizen may get the next message */
  pace?: (waId: string) => Promise<void>;
}

/** Sends in flight the send rate needs for a Graph round trip (rate × latency), at least 16. */
export const sendsInFlight = (ratePerSecond: number, roundTripMs = 1_000) =>
  Math.min(4_000, Math.max(16, Math.ceil((ratePerSecond * roundTripMs) / 1000)));

export interface OutboxWorker {
  /** re-queues rows a crash left in 'sending', then sends continuously */
  start(): void;
  /** stops claiming rows and waits for the sends in flight (at most timeoutMs); true when all ended */
  stop(opts?: { timeoutMs?: number }): Promise<boolean>;
  /** a row was queued: look now instead of at the next poll */
  kick(): void;
  /** claims the due rows (each citizen's oldest unsent one) and sends them; resolves with how many */
  runOnce(): Promise<number>;
  /** 'sending' → 'queued' for rows whose lease expired (a send that never finished); returns how many */
  recoverInFlight(): Promise<number>;
}

/**
 * Sends outbound rows through the Graph API. A row is claimed ('queued' → 'sending')
 * before the request, so two passes never send it twice; failures are classified into
 * retry-with-backoff and permanent ('failed', visible to staff). Each citizen's messages
 * go strictly in order: the next one waits while an earlier one is unsent or retrying.
 *
 * Delivery is at-least-once across crashes and timeouts (a request that timed out may
 * have reached Meta; the Cloud API has no idempotency key), and exactly-once otherwise.
 */
export function createOutboxWorker(o: OutboxWorkerOptions): OutboxWorker {
  const maxAttempts = o.maxAttempts ?? 8;
  const baseDelayMs = o.baseDelayMs ?? 2000;
  const maxDelayMs = o.maxDelayMs ?? 5 * 60_000;
  const ratePerSecond = o.ratePerSecond ?? 80;
  const concurrency = o.concurrency ?? sendsInFlight(ratePerSecond, o.roundTripMs);
  const leaseMs = o.leaseMs ?? 15_000;
  const pollMs = o.pollMs ?? 1000;
  const minPassGapMs = o.minPassGapMs ?? 4;
  let lastPassAt = Number.NEGATIVE_INFINITY;
  const random = o.random ?? Math.random;
  const acquire = o.acquire ?? createRateLimiter(ratePerSecond);
  const queue = o.queue ?? sqliteQueue(o);

  const inflight = new Set<Promise<void>>();
  const busy = new Set<string>();
  let running = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  // one background pass at a time (a claim may wait on the database); a wake-up meanwhile runs another after it
  let passing = false;
  let again = false;

  const record = (outcome: Outcome) => queue.record(outcome);

  function backoff(attempts: number, err: unknown): number {
    const exp = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1));
    const jittered = exp / 2 + random() * (exp / 2);
    const hint = err instanceof GraphApiError ? (err.retryAfterMs ?? 0) : 0;
    return Math.round(Math.max(jittered, hint));
  }

  async function deliver(row: ClaimedRow): Promise<void> {
    const attempts = row.attempts + 1;
    const parsed = outboundMessageSchema.safeParse(row.payload);
    if (!parsed.success) {
      o.logger.error({ id: row.id }, 'outbox row has an invalid payload');
      return record({ kind: 'failed', row, attempts, error: 'invalid outbound payload' });
    }
    const p = o.preparation;
    const message = p ? await p.prepare(row, parsed.data) : parsed.data;
    await o.pace?.(row.waId);
    await acquire();
    // stopping: a row still waiting for its turn under the rate limit is not sent now, so
    // the drain waits only for the requests already on the wire
    if (stopped) return record({ kind: 'release', row });
    let wamid: string;
    try {
      wamid = (await o.send.send(row.waId, message)).wamid;
    } catch (err) {
      // 131047 outside the window → the purpose's template; a refused checkout → the QR: sent next, at once
      const instead =
        err instanceof GraphApiError && p ? await p.recover(row, message, parsed.data, err) : null;
      if (instead && p) {
        return record({
          kind: 'retry',
          row,
          attempts,
          delayMs: 0,
          error: describe(err),
          effects: [p.rewrite(row.id, instead)],
        });
      }
      const retryable = err instanceof GraphApiError ? err.retryable : true;
      const error = describe(err);
      const log = { id: row.id, to: maskPhone(row.waId), attempts, error };
      if (retryable && attempts < maxAttempts) {
        const delay = backoff(attempts, err);
        o.logger.warn({ ...log, delay }, 'outbox send failed, retrying');
        return record({ kind: 'retry', row, attempts, delayMs: delay, error });
      }
      o.logger.warn(log, 'outbox send failed permanently');
      return record({ kind: 'failed', row, attempts, error });
    }
    o.logger.debug({ id: row.id, to: maskPhone(row.waId) }, 'outbox sent');
    const effects = [];
    if (p && message !== parsed.data) effects.push(p.rewrite(row.id, message));
    const after = p?.sent(message);
    if (after) effects.push(after);
    return record({ kind: 'sent', row, wamid, attempts, ...(effects.length > 0 ? { effects } : {}) });
  }

  const free = () => concurrency - inflight.size;

  function startSends(rows: ClaimedRow[]): Promise<void>[] {
    return rows.map((row) => {
      busy.add(row.waId);
      const p: Promise<void> = deliver(row)
        .catch((err) => o.logger.error({ err, id: row.id }, 'outbox delivery crashed'))
        .finally(() => {
          busy.delete(row.waId);
          inflight.delete(p);
          schedule(0);
        });
      inflight.add(p);
      return p;
    });
  }

  async function pump(): Promise<Promise<void>[]> {
    try {
      return startSends(await queue.claim(free, busy, leaseMs));
    } catch (err) {
      o.logger.error({ err }, 'outbox claim failed');
      return [];
    }
  }

  function schedule(delay: number) {
    if (!running) return;
    const now = Date.now();
    const at = Math.max(now + delay, lastPassAt + minPassGapMs);
    if (timer && timerAt <= at) return;
    clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(tick, at - now);
    timer.unref();
  }

  function tick() {
    timer = undefined;
    timerAt = Number.POSITIVE_INFINITY;
    if (!running) return;
    if (passing) {
      again = true;
      return;
    }
    passing = true;
    lastPassAt = Date.now();
    // the background pass claims only while running: a stop meanwhile claims nothing
    queue
      .claim(() => (running ? concurrency - inflight.size : 0), busy, leaseMs)
      .then(
        (rows) => startSends(rows).length,
        (err) => {
          o.logger.error({ err }, 'outbox claim failed');
          return 0;
        },
      )
      .then(afterPass)
      .catch((err) => o.logger.error({ err }, 'outbox pass failed'))
      .finally(() => {
        passing = false;
        if (again) {
          again = false;
          schedule(0);
        }
      });
  }

  async function afterPass(claimedNow: number) {
    if (!running) return;
    // rows due but blocked behind an in-flight send are picked up when that send finishes
    const wait = await queue.nextDueInMs();
    schedule(claimedNow > 0 || wait === null || wait <= 0 ? pollMs : Math.min(wait, pollMs));
  }

  const recoverInFlight = () => queue.recover();

  return {
    start() {
      if (running) return;
      running = true;
      stopped = false;
      recoverInFlight().then(
        (n) => {
          if (n > 0) o.logger.warn({ rows: n }, 'outbox re-queued sends interrupted by a restart');
          schedule(0);
        },
        (err) => {
          o.logger.error({ err }, 'outbox recovery failed');
          schedule(0);
        },
      );
    },
    async stop({ timeoutMs = 5_000 } = {}) {
      running = false;
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      const deadline = Date.now() + timeoutMs;
      while (inflight.size > 0 && Date.now() < deadline) {
        let t: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...inflight]),
          new Promise((r) => {
            t = setTimeout(r, deadline - Date.now());
          }),
        ]);
        clearTimeout(t);
      }
      // outcomes already known are written now; a send cut off keeps its lease
      const written = await queue.flush();
      return inflight.size === 0 && written;
    },
    kick() {
      schedule(0);
    },
    async runOnce() {
      const sends = await pump();
      await Promise.all(sends);
      return sends.length;
    },
    recoverInFlight,
  };
}

function sqliteQueue(o: OutboxWorkerOptions): OutboxQueue {
  if (!o.db) throw new Error('createOutboxWorker needs db (SQLite) or queue');
  return createSqliteOutboxQueue({
    db: o.db,
    now: o.now,
    logger: o.logger,
    writeRetryMs: o.writeRetryMs ?? 500,
  });
}

function describe(err: unknown): string {
  if (err instanceof GraphApiError) {
    const code = err.code !== undefined ? ` #${err.code}` : '';
    return `Graph ${err.status || 'network'}${code}: ${err.message}`.slice(0, 1000);
  }
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}
