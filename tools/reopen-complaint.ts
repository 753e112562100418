import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { CaseChangedError, InvalidTransitionError, transitionCaseOp } from '../src/cases/transition-case.js';
import { auditOp } from '../src/staff/audit.js';
import { first, type Op, type Operation, type Q, rows } from '../src/storage/operation.js';
import { displayDate, indiaDate } from './dates.js';
import { matchOwnReference, type OwnRecord, ownRecords } from './own-records.js';
import type { ToolContext, ToolDef, ToolResult } from './tool.js';
import { blankToNull, failure, say } from './tool-support.js';

/** COMPLAINT_REOPEN_DAYS when the context does not carry it (tests, tools run outside the pipeline). */
export const DEFAULT_COMPLAINT_REOPEN_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const REOPENABLE = ['resolved', 'closed'];

// Whose complaint is never an argument: only the citizen who is writing can reopen their own.
const schema = z.object({
  reference: z.string().nullable().describe('HC-2026-000045 or its number; null if not given.'),
  reason: z.string().nullable().describe('Why, in their words; or null.'),
});
export type ReopenArgs = z.infer<typeof schema>;

/** What reopen_complaint returns on success: read through this schema, not by guessing. */
export const reopenResultSchema = z.object({
  reference: z.string(),
  status: z.literal('reopened'),
  slaDueAt: z.string().nullable(),
  nextStep: z.string(),
});
export type ReopenResult = z.infer<typeof reopenResultSchema>;

type Found = { ok: true; record: OwnRecord } | { ok: false; result: ToolResult };

/**
 * The one complaint meant: the reference among the citizen's own complaints, or their only
 * complaint. With several and no reference the citizen is asked which (a wrong record is
 * worse than a question); another citizen's reference is simply not found.
 */
function* findComplaint(q: Q, args: ReopenArgs, ctx: ToolContext): Operation<Found> {
  const complaints = (yield* ownRecords(ctx.waId)(q)).filter((r) => r.service === 'hospital_complaint');
  const typed = blankToNull(args.reference);
  if (typed) {
    const hit = matchOwnReference(complaints, typed);
    if (hit.length === 1) return { ok: true, record: hit[0] };
    return {
      ok: false,
      result: failure('not_found', ctx.lang, 'tools.reopen.not_found', { reference: typed }),
    };
  }
  if (complaints.length === 0)
    return { ok: false, result: failure('no_complaint', ctx.lang, 'tools.reopen.no_complaint') };
  if (complaints.length > 1) {
    return {
      ok: false,
      result: failure('which_complaint', ctx.lang, 'tools.reopen.which', undefined, {
        references: complaints.map((c) => c.reference),
      }),
    };
  }
  return { ok: true, record: complaints[0] };
}

/** Whether this complaint may be reopened now by its citizen: resolved or closed, within the period. */
function* reopenable(q: Q, record: OwnRecord, ctx: ToolContext): Operation<ToolResult | null> {
  const days = ctx.complaintReopenDays ?? DEFAULT_COMPLAINT_REOPEN_DAYS;
  const vars = { reference: record.reference, status: say(ctx.lang, `case.complaint.${record.status}`) };
  if (!REOPENABLE.includes(record.status)) {
    return failure('not_reopenable', ctx.lang, 'tools.reopen.not_reopenable', vars, {
      reference: record.reference,
      status: record.status,
    });
  }
  // the period runs from when it was marked resolved (or closed straight away), not from a later
  // status change such as resolved → closed
  const since = yield* resolvedSince(q, ctx, record);
  if (ctx.now.getTime() - since > days * DAY_MS) {
    return failure(
      'reopen_period_over',
      ctx.lang,
      'tools.reopen.period_over',
      { ...vars, date: displayDate(indiaDate(since)), days },
      { reference: record.reference, status: record.status, days },
    );
  }
  return null;
}

/**
 * When the complaint last became resolved or closed from an open status, by its case events;
 * the row's status time when it has no events (a case written before they were kept).
 */
function* resolvedSince({ db, t }: Q, ctx: ToolContext, record: OwnRecord): Operation<number> {
  const e = t.caseEvents;
  const c = t.cases;
  const events = yield* rows(
    db
      .select({ fromStatus: e.fromStatus, toStatus: e.toStatus, at: e.createdAt })
      .from(e)
      .innerJoin(c, and(eq(c.id, e.caseId), eq(e.caseType, 'case')))
      .where(and(eq(c.reference, record.reference), eq(c.waId, ctx.waId)))
      .orderBy(asc(e.id)),
  );
  let since: number | null = null;
  for (const e of events) {
    const done = REOPENABLE.includes(e.toStatus);
    if (done && (since === null || !REOPENABLE.includes(e.fromStatus ?? ''))) since = e.at;
    if (!done) since = null;
  }
  return since ?? record.statusAt;
}

const check = (args: ReopenArgs, ctx: ToolContext): Op<Found> =>
  function* (q) {
    const found = yield* findComplaint(q, args, ctx);
    if (!found.ok) return found;
    const refused = yield* reopenable(q, found.record, ctx);
    return refused ? { ok: false, result: refused } : found;
  };

/**
 * The citizen says a resolved (or closed) complaint is not resolved: it goes back to
 * 'reopened' with a case event by the citizen (no staff actor), its SLA restarts from the
 * workflow, and an audit row records it; the staff queue lists reopened complaints.
 */
export const reopenComplaint: ToolDef<typeof schema> = {
  name: 'reopen_complaint',
  description: "Reopen the citizen's own resolved or closed hospital complaint whose problem persists.",
  schema,
  requiresConfirmation: true,
  precheck: async (args, ctx) => {
    const found = await ctx.store.read(check(args, ctx));
    return found.ok ? null : found.result;
  },
  summarize: async (args, lang, ctx) => {
    const found = ctx ? await ctx.store.read((q) => findComplaint(q, args, ctx)) : null;
    const reference = found?.ok ? found.record.reference : (blankToNull(args.reference) ?? '—');
    return say(lang, 'tools.reopen.summary', { reference });
  },
  // checked again: the summary may be old and the case may have moved since
  run: (args, ctx) =>
    ctx.store.transaction(function* (q): Operation<ToolResult> {
      const { db, t } = q;
      const found = yield* check(args, ctx)(q);
      if (!found.ok) return found.result;
      const row = yield* first(
        db
          .select({ id: t.cases.id })
          .from(t.cases)
          .where(and(eq(t.cases.reference, found.record.reference), eq(t.cases.waId, ctx.waId))),
      );
      if (!row)
        return failure('not_found', ctx.lang, 'tools.reopen.not_found', {
          reference: found.record.reference,
        });
      const reason = blankToNull(args.reason);
      try {
        const updated = yield* transitionCaseOp({
          type: 'complaint',
          id: row.id,
          to: 'reopened',
          actorUserId: null,
          note: reason ? `Reopened by the citizen: ${reason}` : 'Reopened by the citizen',
          now: ctx.now,
        })(q);
        yield* auditOp({
          userId: null,
          action: 'complaint.reopened_by_citizen',
          targetType: 'case',
          targetId: row.id,
          detail: { reference: updated.reference, from: found.record.status, reason },
          now: ctx.now.getTime(),
        })(q);
        const data: ReopenResult = {
          reference: updated.reference,
          status: 'reopened',
          slaDueAt: updated.slaDueAt == null ? null : indiaDate(updated.slaDueAt),
          nextStep: say(ctx.lang, 'tools.reopen.done', { reference: updated.reference }),
        };
        return { ok: true, data };
      } catch (err) {
        // an officer moved it between our read and our write (PostgreSQL): nothing was written;
        // the citizen hears so and can ask for the status, rather than a failed turn
        if (err instanceof CaseChangedError)
          return failure('changed', ctx.lang, 'tools.reopen.changed', { reference: found.record.reference });
        if (!(err instanceof InvalidTransitionError)) throw err;
        return failure('not_reopenable', ctx.lang, 'tools.reopen.not_reopenable', {
          reference: found.record.reference,
          status: say(ctx.lang, `case.complaint.${err.from}`),
        });
      }
    }),
};
