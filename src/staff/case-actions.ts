import { eq } from 'drizzle-orm';
import { HTTPException } from 'hono/http-exception';
import type { CaseType } from '../cases/case-workflow.js';
import {
  CaseChangedError,
  CaseNotFoundError,
  InvalidTransitionError,
  transitionCaseOp,
} from '../cases/transition-case.js';
import { exec, first } from '../storage/operation.js';
import { auditOp } from './audit.js';
import { caseOfType } from './case-queries.js';
import type { StaffDeps } from './context.js';
import { notifyCaseChangeOp } from './notify-citizen.js';

type Actor = { id: number };

export const STALE_MOVE = 'the case was moved by someone else meanwhile: reload the page and look again';

/** The audit row of a case move, from either of its pages: from what, to what, why, and what the citizen was sent. */
export const caseMoveAuditOp = (o: {
  actorId: number;
  targetType: string;
  targetId: number;
  reference: string;
  from: string | null;
  to: string;
  note: string;
  outbox: number[];
  now: number;
}) =>
  auditOp({
    userId: o.actorId,
    action: 'case.transition',
    targetType: o.targetType,
    targetId: o.targetId,
    detail: { reference: o.reference, from: o.from, to: o.to, note: o.note || null, outbox: o.outbox },
    now: o.now,
  });

/**
 * What a refused move answers the officer: 409 not in the workflow (or no reason, or unpaid),
 * 409 moved by someone else first (reload, not a missing case), 404 no such case; any other
 * error as it was.
 */
export function refusedMove(err: unknown): unknown {
  if (err instanceof InvalidTransitionError) return new HTTPException(409, { message: err.message });
  if (err instanceof CaseChangedError) return new HTTPException(409, { message: STALE_MOVE });
  if (err instanceof CaseNotFoundError) return new HTTPException(404, { message: err.message });
  return err;
}

/**
 * Moves a case, tells the citizen, and records it, all in one transaction; the outbox is
 * woken only after the commit. Refusals (not in the workflow, rejection without a reason) are 409s.
 */
export async function moveCase(
  deps: StaffDeps,
  input: { type: CaseType; id: number; to: string; note: string; actor: Actor; assignTo?: number | null },
): Promise<{ notified: boolean }> {
  const now = deps.now();
  let notified = false;
  try {
    await deps.store.transaction(function* (q) {
      const before = yield* caseOfType(input.type, input.id)(q);
      if (!before) throw new HTTPException(404, { message: `no ${input.type} ${input.id}` });
      const row = yield* transitionCaseOp({
        type: input.type,
        id: input.id,
        to: input.to,
        actorUserId: input.actor.id,
        note: input.note || null,
        assignTo: input.assignTo,
        now: new Date(now),
      })(q);
      const outbox = yield* notifyCaseChangeOp(
        deps,
        {
          type: input.type,
          reference: row.reference,
          waId: row.waId,
          status: row.status,
          language: row.language,
          rejectionReason: row.rejectionReason,
        },
        { actorUserId: input.actor.id, now },
      )(q);
      notified = outbox.length > 0;
      yield* caseMoveAuditOp({
        actorId: input.actor.id,
        targetType: input.type,
        targetId: input.id,
        reference: row.reference,
        from: before.status,
        to: row.status,
        note: input.note,
        outbox,
        now,
      })(q);
    });
  } catch (err) {
    throw refusedMove(err);
  }
  deps.onOutbound();
  return { notified };
}

/** Assigns a case to an officer (or nobody). The status does not move: that is a workflow button of its own. */
export async function assignCase(
  deps: StaffDeps,
  input: { type: CaseType; id: number; assigneeId: number | null; actor: Actor },
): Promise<void> {
  const now = deps.now();
  await deps.store.transaction(function* (q) {
    const { db, t } = q;
    if (input.assigneeId != null) {
      const user = yield* first(db.select().from(t.staffUsers).where(eq(t.staffUsers.id, input.assigneeId)));
      if (!user || user.disabled || user.role === 'reviewer') {
        throw new HTTPException(400, { message: 'cases go to an active officer or admin' });
      }
    }
    const current = yield* caseOfType(input.type, input.id)(q);
    if (!current) throw new HTTPException(404, { message: `no ${input.type} ${input.id}` });
    yield* exec(db.update(t.cases).set({ assignedTo: input.assigneeId }).where(eq(t.cases.id, current.id)));
    yield* auditOp({
      userId: input.actor.id,
      action: 'case.assign',
      targetType: input.type,
      targetId: input.id,
      detail: { reference: current.reference, from: current.assignedTo, to: input.assigneeId },
      now,
    })(q);
  });
}

export async function addCaseNote(
  deps: StaffDeps,
  input: { type: CaseType; id: number; body: string; actor: Actor },
): Promise<void> {
  if (!input.body) throw new HTTPException(400, { message: 'a note needs some text' });
  const now = deps.now();
  await deps.store.transaction(function* (q) {
    const current = yield* caseOfType(input.type, input.id)(q);
    if (!current) throw new HTTPException(404, { message: `no ${input.type} ${input.id}` });
    yield* exec(
      q.db.insert(q.t.caseNotes).values({
        caseType: 'case',
        caseId: input.id,
        authorUserId: input.actor.id,
        body: input.body,
        createdAt: now,
      }),
    );
    yield* auditOp({
      userId: input.actor.id,
      action: 'case.note',
      targetType: input.type,
      targetId: input.id,
      detail: { reference: current.reference },
      now,
    })(q);
  });
}
