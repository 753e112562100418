import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { exec, first, type Op, rows } from '../storage/operation.js';
import { onSqlite } from '../storage/sqlite-store.js';
import type { CaseRow } from './case-store.js';
import { allowedTransitions, type CaseType, slaDueAt } from './case-workflow.js';
import {
  type ApplicationRow,
  asApplication,
  asComplaint,
  type ComplaintRow,
  legacyService,
} from './legacy-rows.js';
import { blockedBecause } from './payment-gate.js';

export class CaseNotFoundError extends Error {
  override name = 'CaseNotFoundError';
}

/**
 * Another move of the same case committed between this one's read and its write (two
 * officers, or the citizen reopening): nothing was written; the caller reloads and decides again.
 */
export class CaseChangedError extends Error {
  override name = 'CaseChangedError';
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
 * records a case event. One transaction: run it with store.transaction (or inside the
 * caller's). Returns the updated row in its flat shape.
 */
export const transitionCaseOp = (input: TransitionInput): Op<ApplicationRow | ComplaintRow> =>
  function* (q) {
    const { db, t } = q;
    const { type, id, to, actorUserId, now } = input;
    const note = input.note?.trim() || null;
    const nowMs = now.getTime();
    const row = (yield* first(db.select().from(t.cases).where(eq(t.cases.id, id)))) as CaseRow | undefined;
    const current = row && row.service === legacyService[type].id ? row : undefined;
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
    const blocked = yield* blockedBecause(legacyService[type], current, to)(q);
    if (blocked) {
      throw new InvalidTransitionError(`cannot move to ${to}: ${blocked}`, current.status, to, allowed);
    }
    const category = type === 'complaint' ? String(current.fields.category) : null;
    const [updated] = yield* rows(
      db
        .update(t.cases)
        .set({
          status: to,
          statusAt: nowMs,
          updatedAt: nowMs,
          slaDueAt: slaDueAt(type, to, nowMs, category),
          ...(to === 'rejected' ? { rejectionReason: note } : {}),
          ...(to === 'assigned' ? { assignedTo: input.assignTo ?? actorUserId } : {}),
        })
        .where(and(eq(t.cases.id, id), eq(t.cases.status, current.status)))
        .returning(),
    );
    if (!updated) throw new CaseChangedError(`${type} ${id} changed while it was being moved`);
    yield* exec(
      db.insert(t.caseEvents).values({
        caseType: 'case',
        caseId: id,
        fromStatus: current.status,
        toStatus: to,
        actorUserId,
        note,
        createdAt: nowMs,
      }),
    );
    return type === 'application' ? asApplication(updated as CaseRow) : asComplaint(updated as CaseRow);
  };

/** transitionCaseOp in one better-sqlite3 transaction (SQLite-only callers and tests). */
export function transitionCase(db: Db, input: TransitionInput & { type: 'application' }): ApplicationRow;
export function transitionCase(db: Db, input: TransitionInput & { type: 'complaint' }): ComplaintRow;
export function transitionCase(db: Db, input: TransitionInput): ApplicationRow | ComplaintRow;
export function transitionCase(db: Db, input: TransitionInput): ApplicationRow | ComplaintRow {
  return db.$client.transaction(() => onSqlite(db, transitionCaseOp(input)))();
}
