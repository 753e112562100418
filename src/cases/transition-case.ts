import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { caseEvents, cases } from '../db/schema.js';
import { allowedTransitions, type CaseType, slaDueAt } from './case-workflow.js';
import {
  type ApplicationRow,
  asApplication,
  asComplaint,
  type ComplaintRow,
  legacyCase,
  legacyService,
} from './legacy-rows.js';
import { blockedBecause } from './payment-gate.js';

export class CaseNotFoundError extends Error {
  override name = 'CaseNotFoundError';
}

/** The move is not in the workflow (or a rejection lacks its reason). */
export class InvalidTransitionError extends Error {
  override name = 'InvalidTransitionError';
  constructor(
    message: string,
    readonly from: string,
    readonly to: string,
    readonly allowed: string[],
  ) {
    super(message);
  }
}

export interface TransitionInput {
  type: CaseType;
  id: number;
  to: string;
  actorUserId: number | null;
  /** why; required when rejecting (it becomes the rejection reason) */
  note?: string | null;
  /** the officer a case is assigned to (defaults to the actor) when moving to 'assigned' */
  assignTo?: number | null;
  now: Date;
}

export type { ApplicationRow, ComplaintRow };

/**
 * Moves a birth application or hospital complaint (a case of its service) along its workflow:
 * validates the move, updates status, status time and SLA (a complaint's by its category), and
 * records a case event, all in one transaction. Returns the updated row in its flat shape.
 */
export function transitionCase(db: Db, input: TransitionInput & { type: 'application' }): ApplicationRow;
export function transitionCase(db: Db, input: TransitionInput & { type: 'complaint' }): ComplaintRow;
export function transitionCase(db: Db, input: TransitionInput): ApplicationRow | ComplaintRow;
export function transitionCase(db: Db, input: TransitionInput): ApplicationRow | ComplaintRow {
  const { type, id, to, actorUserId, now } = input;
  const note = input.note?.trim() || null;
  const nowMs = now.getTime();
  return db.$client.transaction(() => {
    const current = legacyCase(db, type, id);
    if (!current) throw new CaseNotFoundError(`no ${type} with id ${id}`);
    const allowed = allowedTransitions(type, current.status);
    if (!allowed.includes(to)) {
      throw new InvalidTransitionError(
        `a ${type} cannot move from ${current.status} to ${to}`,
        current.status,
        to,
        allowed,
      );
    }
    if (to === 'rejected' && !note) {
      throw new InvalidTransitionError(`rejecting a ${type} needs a reason`, current.status, to, allowed);
    }
    // a birth registered late has a fee: it is not approved or issued while that is unpaid
    const blocked = blockedBecause(db, legacyService[type], current, to);
    if (blocked) {
      throw new InvalidTransitionError(`cannot move to ${to}: ${blocked}`, current.status, to, allowed);
    }
    const category = type === 'complaint' ? String(current.fields.category) : null;
    const updated = db
      .update(cases)
      .set({
        status: to,
        statusAt: nowMs,
        updatedAt: nowMs,
        slaDueAt: slaDueAt(type, to, nowMs, category),
        ...(to === 'rejected' ? { rejectionReason: note } : {}),
        ...(to === 'assigned' ? { assignedTo: input.assignTo ?? actorUserId } : {}),
      })
      .where(and(eq(cases.id, id), eq(cases.status, current.status)))
      .returning()
      .get();
    if (!updated) throw new CaseNotFoundError(`${type} ${id} changed while it was being moved`);
    db.insert(caseEvents)
      .values({
        caseType: 'case',
        caseId: id,
        fromStatus: current.status,
        toStatus: to,
        actorUserId,
        note,
        createdAt: nowMs,
      })
      .run();
    return type === 'application' ? asApplication(updated) : asComplaint(updated);
  })();
}
