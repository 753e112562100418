import { and, eq } from 'drizzle-orm';
import { HTTPException } from 'hono/http-exception';
import type { CaseRow } from '../cases/case-store.js';
import {
  type ApplicationRow,
  type ComplaintRow,
  type TransitionInput,
  transitionCase,
} from '../cases/transition-case.js';
import { transitionServiceCase } from '../cases/transition-service-case.js';
import type { Db } from '../db/open-database.js';
import type { AnyService } from '../services/types.js';
import { exec, first, type Op, type Q, rows } from '../storage/operation.js';

/*
 * The case moves the console makes, as store operations, until src/cases has its own
 * (helper C of issue 14: transitionCaseOp, transitionServiceCaseOp, assignServiceCaseOp).
 * The moves themselves (validation, SLA, case events) stay in src/cases: on SQLite they run the
 * existing synchronous functions on the store's own connection, inside the open transaction;
 * on PostgreSQL they refuse until those operations merge. Each is a one-line swap then:
 *   transitionCaseStep(input)             → transitionCaseOp(input)
 *   transitionServiceCaseStep(svc, input) → transitionServiceCaseOp(svc, input)
 * The reads and the assignment are plain queries, so they are written here on both databases.
 */

// biome-ignore lint/correctness/useYield: runs a synchronous SQLite function in place; no query to hand over
function* sqliteOnly<T>(q: Q, what: string, run: (db: Db) => T): Generator<never, T, unknown> {
  if (q.d.name !== 'sqlite')
    throw new HTTPException(501, { message: `${what} is not on PostgreSQL yet (src/cases, issue 14)` });
  // on SQLite the store's builder is the app's better-sqlite3 drizzle database (sqlite-store.ts)
  return run(q.db as unknown as Db);
}

export const transitionCaseStep = (input: TransitionInput): Op<ApplicationRow | ComplaintRow> =>
  function* (q) {
    return yield* sqliteOnly(q, 'transitionCase', (db) => transitionCase(db, input));
  };

export const transitionServiceCaseStep = (
  service: AnyService,
  input: { id: number; to: string; actorUserId: number | null; note?: string | null; now: Date },
): Op<CaseRow> =>
  function* (q) {
    return yield* sqliteOnly(q, 'transitionServiceCase', (db) => transitionServiceCase(db, service, input));
  };

export const caseByIdOp = (id: number): Op<CaseRow | undefined> =>
  function* ({ db, t }) {
    return (yield* first(db.select().from(t.cases).where(eq(t.cases.id, id)))) as CaseRow | undefined;
  };

/** assignServiceCase on the store: the status does not move. */
export const assignServiceCaseStep = (id: number, assigneeId: number | null, nowMs: number): Op<void> =>
  function* ({ db, t }) {
    yield* exec(
      db.update(t.cases).set({ assignedTo: assigneeId, updatedAt: nowMs }).where(eq(t.cases.id, id)),
    );
  };

export type PaymentStanding = 'none_due' | 'paid' | 'pending' | 'unpaid';

/** paymentStatus (src/cases/payment-gate.ts) on the store: what the case page shows and what gates approval. */
export const paymentStatusOp = (row: CaseRow): Op<PaymentStanding> =>
  function* ({ db, t }) {
    if (row.feePaise <= 0) return 'none_due';
    const found = yield* rows(
      db
        .select({ status: t.payments.status })
        .from(t.payments)
        .where(and(eq(t.payments.waId, row.waId), eq(t.payments.forReference, row.reference))),
    );
    if (found.some((p) => p.status === 'paid')) return 'paid';
    return found.some((p) => p.status === 'pending') ? 'pending' : 'unpaid';
  };

/** blockedBecause (src/cases/payment-gate.ts) given the case's payment standing. */
export function blockedGiven(
  service: AnyService,
  row: CaseRow,
  to: string,
  pay: PaymentStanding,
): string | null {
  const needs = service.workflow.needsPayment?.includes(to) ?? false;
  if (needs && pay !== 'none_due' && pay !== 'paid') {
    return `the fee of ₹${row.feePaise / 100} is ${pay === 'pending' ? 'not paid yet (a QR is open)' : 'unpaid'}`;
  }
  return null;
}
