import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { applications, caseEvents, complaints } from '../db/schema.js';
import { allowedTransitions, type CaseType, slaDueAt } from './case-workflow.js';

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

export type ApplicationRow = typeof applications.$inferSelect;
export type ComplaintRow = typeof complaints.$inferSelect;

/**
 * Moves a case along its workflow: validates the move, updates status, status time and SLA,
 * and records a case event, all in one transaction. Returns the updated row.
 */
export function transitionCase(db: Db, input: TransitionInput & { type: 'application' }): ApplicationRow;
export function transitionCase(db: Db, input: TransitionInput & { type: 'complaint' }): ComplaintRow;
export function transitionCase(db: Db, input: TransitionInput): ApplicationRow | ComplaintRow;
export function transitionCase(db: Db, input: TransitionInput): ApplicationRow | ComplaintRow {
  const { type, id, to, actorUserId, now } = input;
  const note = input.note?.trim() || null;
  const nowMs = now.getTime();
  return db.$client.transaction(() => {
    const current =
      type === 'application'
        ? db.select().from(applications).where(eq(applications.id, id)).get()
        : db.select().from(complaints).where(eq(complaints.id, id)).get();
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
    const category = 'category' in current ? current.category : null;
    const changes = {
      status: to,
      statusAt: nowMs,
      slaDueAt: slaDueAt(type, to, nowMs, category),
      ...(to === 'rejected' ? { rejectionReason: note } : {}),
      ...(to === 'assigned' ? { assignedTo: input.assignTo ?? actorUserId } : {}),
    };
    const updated =
      type === 'application'
        ? db
            .update(applications)
            .set(changes as Partial<ApplicationRow>)
            .where(
              and(
                eq(applications.id, id),
                eq(applications.status, current.status as ApplicationRow['status']),
              ),
            )
            .returning()
            .get()
        : db
            .update(complaints)
            .set(changes as Partial<ComplaintRow>)
            .where(
              and(eq(complaints.id, id), eq(complaints.status, current.status as ComplaintRow['status'])),
            )
            .returning()
            .get();
    db.insert(caseEvents)
      .values({
        caseType: type,
        caseId: id,
        fromStatus: current.status,
        toStatus: to,
        actorUserId,
        note,
        createdAt: nowMs,
      })
      .run();
    return updated;
  })();
}
