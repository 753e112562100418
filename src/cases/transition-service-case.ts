import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import type { AnyService } from '../services/types.js';
import { exec, first, type Op, rows } from '../storage/operation.js';
import { onSqlite } from '../storage/sqlite-store.js';
import { type CaseRow, serviceSlaDueAt } from './case-store.js';
import { blockedBecause, paymentStatus } from './payment-gate.js';
import { CaseChangedError, CaseNotFoundError, InvalidTransitionError } from './transition-case.js';

export { blockedBecause, paymentStatus };

type ServiceMove = { id: number; to: string; actorUserId: number | null; note?: string | null; now: Date };

/**
 * Moves a case of a registry service along its own workflow: the move must be in it, a
 * rejection needs a reason, and a fee-bearing case cannot be approved or issued unpaid.
 * One transaction: run it with store.transaction (or inside the caller's).
 */
export const transitionServiceCaseOp = (service: AnyService, input: ServiceMove): Op<CaseRow> =>
  function* (q) {
    const { db, t } = q;
    const note = input.note?.trim() || null;
    const nowMs = input.now.getTime();
    const current = (yield* first(db.select().from(t.cases).where(eq(t.cases.id, input.id)))) as
      | CaseRow
      | undefined;
    if (!current || current.service !== service.id)
      throw new CaseNotFoundError(`no ${service.id} case ${input.id}`);
    const allowed = service.workflow.states[current.status]?.next ?? [];
    if (!allowed.includes(input.to)) {
      throw new InvalidTransitionError(
        `a ${service.id} case cannot move from ${current.status} to ${input.to}`,
        current.status,
        input.to,
        allowed,
      );
    }
    if (input.to === 'rejected' && !note) {
      throw new InvalidTransitionError('rejecting a case needs a reason', current.status, input.to, allowed);
    }
    const blocked = yield* blockedBecause(service, current, input.to)(q);
    if (blocked) {
      throw new InvalidTransitionError(
        `cannot move to ${input.to}: ${blocked}`,
        current.status,
        input.to,
        allowed,
      );
    }
    const [updated] = yield* rows(
      db
        .update(t.cases)
        .set({
          status: input.to,
          statusAt: nowMs,
          updatedAt: nowMs,
          slaDueAt: serviceSlaDueAt(service, input.to, nowMs, current.fields),
          ...(input.to === 'rejected' ? { rejectionReason: note } : {}),
          // a case in 'assigned' has an officer: whoever moved it, unless one was chosen already
          ...(input.to === 'assigned' ? { assignedTo: current.assignedTo ?? input.actorUserId } : {}),
        })
        .where(and(eq(t.cases.id, input.id), eq(t.cases.status, current.status)))
        .returning(),
    );
    if (!updated)
      throw new CaseChangedError(`${service.id} case ${input.id} changed while it was being moved`);
    yield* exec(
      db.insert(t.caseEvents).values({
        caseType: 'case',
        caseId: input.id,
        fromStatus: current.status,
        toStatus: input.to,
        actorUserId: input.actorUserId,
        note,
        createdAt: nowMs,
      }),
    );
    return updated as CaseRow;
  };

/** transitionServiceCaseOp in one better-sqlite3 transaction (tests and SQLite-only callers). */
export function transitionServiceCase(db: Db, service: AnyService, input: ServiceMove): CaseRow {
  return db.$client.transaction(() => onSqlite(db, transitionServiceCaseOp(service, input)))();
}

/** Assigns a case to an officer (or nobody); the status does not move. */
export const assignServiceCaseOp = (id: number, assigneeId: number | null, nowMs: number): Op<void> =>
  function* ({ db, t }) {
    yield* exec(
      db.update(t.cases).set({ assignedTo: assigneeId, updatedAt: nowMs }).where(eq(t.cases.id, id)),
    );
  };

export function assignServiceCase(db: Db, id: number, assigneeId: number | null, nowMs: number): void {
  onSqlite(db, assignServiceCaseOp(id, assigneeId, nowMs));
}
