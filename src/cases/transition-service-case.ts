import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { caseEvents, cases } from '../db/schema.js';
import type { AnyService } from '../services/types.js';
import { type CaseRow, serviceSlaDueAt } from './case-store.js';
import { blockedBecause, paymentStatus } from './payment-gate.js';
import { CaseNotFoundError, InvalidTransitionError } from './transition-case.js';

export { blockedBecause, paymentStatus };

/**
 * Moves a case of a registry service along its own workflow: the move must be in it, a
 * rejection needs a reason, and a fee-bearing case cannot be approved or issued unpaid.
 */
export function transitionServiceCase(
  db: Db,
  service: AnyService,
  input: { id: number; to: string; actorUserId: number | null; note?: string | null; now: Date },
): CaseRow {
  const note = input.note?.trim() || null;
  const nowMs = input.now.getTime();
  return db.$client.transaction(() => {
    const current = db.select().from(cases).where(eq(cases.id, input.id)).get();
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
    const blocked = blockedBecause(db, service, current, input.to);
    if (blocked) {
      throw new InvalidTransitionError(
        `cannot move to ${input.to}: ${blocked}`,
        current.status,
        input.to,
        allowed,
      );
    }
    const updated = db
      .update(cases)
      .set({
        status: input.to,
        statusAt: nowMs,
        updatedAt: nowMs,
        slaDueAt: serviceSlaDueAt(service, input.to, nowMs, current.fields),
        ...(input.to === 'rejected' ? { rejectionReason: note } : {}),
      })
      .where(and(eq(cases.id, input.id), eq(cases.status, current.status)))
      .returning()
      .get();
    db.insert(caseEvents)
      .values({
        caseType: 'case',
        caseId: input.id,
        fromStatus: current.status,
        toStatus: input.to,
        actorUserId: input.actorUserId,
        note,
        createdAt: nowMs,
      })
      .run();
    return updated;
  })();
}

/** Assigns a case to an officer (or nobody); the status does not move. */
export function assignServiceCase(db: Db, id: number, assigneeId: number | null, nowMs: number): void {
  db.update(cases).set({ assignedTo: assigneeId, updatedAt: nowMs }).where(eq(cases.id, id)).run();
}
