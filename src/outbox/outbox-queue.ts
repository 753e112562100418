import type { Op } from '../storage/operation.js';

/** A row the worker holds a lease on, ready to send. */
export interface ClaimedRow {
  id: number;
  waId: string;
  /** the stored outbound message, parsed (undefined when it is not JSON) */
  payload: unknown;
  attempts: number;
}

/** Store operations that belong to a send's outcome: written in its transaction, and only if it landed. */
export type OutcomeEffects = Op<unknown>[];

/** What became of a claimed row. Delays are relative: each queue measures time on its own clock. */
export type Outcome<R extends ClaimedRow = ClaimedRow> =
  | { kind: 'sent'; row: R; wamid: string; attempts: number; effects?: OutcomeEffects }
  | { kind: 'retry'; row: R; attempts: number; delayMs: number; error: string; effects?: OutcomeEffects }
  | { kind: 'failed'; row: R; attempts: number; error: string }
  /** claimed but not sent (the worker is stopping): back in line, no attempt spent */
  | { kind: 'release'; row: R };

/**
 * The outbox's storage as the worker sees it, one implementation per database:
 * sqlite-outbox-queue.ts (prepared statements, the iteration's one transaction) and
 * pg-outbox-queue.ts (SKIP LOCKED claims, leases fenced per row, batched outcomes).
 * Both lease each citizen's oldest unsent row only, so per-citizen order holds however
 * many workers claim at once.
 */
export interface OutboxQueue<R extends ClaimedRow = ClaimedRow> {
  /**
   * Leases up to `want()` rows for `leaseMs` (`want` is read when the claim runs, so a
   * claim that waited for its transaction takes what is free then); none for `busy` citizens.
   */
  claim(want: () => number, busy: ReadonlySet<string>, leaseMs: number): Promise<R[]>;
  /** records an outcome; resolves once it is durable (a failed write is retried until it lands) */
  record(outcome: Outcome<R>): Promise<void>;
  /** ms until a row is due or a lease ends (0: now); null when nothing is queued or sending */
  nextDueInMs(): Promise<number | null>;
  /** 'sending' → 'queued' for expired leases only; how many */
  recover(): Promise<number>;
  /** writes the outcomes waiting now; true when none is left unwritten */
  flush(): Promise<boolean>;
}
