import { eq } from 'drizzle-orm';
import { indiaDate } from '../../tools/dates.js';
import { nextReference } from '../../tools/references.js';
import type { cases } from '../db/schema.js';
import type { AnyService } from '../services/types.js';
import { exec, first, type Op, rows } from '../storage/operation.js';

export type CaseRow = typeof cases.$inferSelect;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a case entering `status` is next due, by the service's workflow; null once it waits on nobody. */
export function serviceSlaDueAt(
  service: AnyService,
  status: string,
  nowMs: number,
  fields: Record<string, unknown> = {},
): number | null {
  const { slaDaysFor, states } = service.workflow;
  const days = slaDaysFor ? slaDaysFor(status, fields) : states[status]?.slaDays;
  return days == null ? null : nowMs + days * DAY_MS;
}

export interface NewCase {
  service: AnyService;
  waId: string;
  language: string;
  fields: Record<string, unknown>;
  feePaise: number;
  feeRule: string | null;
  sourceMessageId: number;
  now: Date;
}

/**
 * Writes one case: the fields are parsed by the service's own schema first, so the table
 * holds nothing the definition would refuse. The caller runs it inside its transaction.
 */
export const insertCase = (c: NewCase): Op<CaseRow> =>
  function* (q) {
    const { db, t } = q;
    const fields = c.service.schema.parse(c.fields) as Record<string, unknown>;
    const nowMs = c.now.getTime();
    const status = c.service.workflow.initial;
    const reference = yield* nextReference(c.service.prefix, Number(indiaDate(c.now).slice(0, 4)))(q);
    const [row] = yield* rows(
      db
        .insert(t.cases)
        .values({
          service: c.service.id,
          reference,
          waId: c.waId,
          status,
          language: c.language,
          fields,
          feePaise: c.feePaise,
          feeRule: c.feeRule,
          slaDueAt: serviceSlaDueAt(c.service, status, nowMs, fields),
          statusAt: nowMs,
          sourceMessageId: c.sourceMessageId,
          createdAt: nowMs,
          updatedAt: nowMs,
        })
        .returning(),
    );
    yield* exec(
      db
        .insert(t.caseEvents)
        .values({ caseType: 'case', caseId: row.id, fromStatus: null, toStatus: status, createdAt: nowMs }),
    );
    return row as CaseRow;
  };

/** The case a confirming message made (a replayed turn finds it instead of filing again). */
export const caseBySource = (sourceMessageId: number): Op<CaseRow | undefined> =>
  function* ({ db, t }) {
    return (yield* first(db.select().from(t.cases).where(eq(t.cases.sourceMessageId, sourceMessageId)))) as
      | CaseRow
      | undefined;
  };

export const caseByIdOp = (id: number): Op<CaseRow | undefined> =>
  function* ({ db, t }) {
    return (yield* first(db.select().from(t.cases).where(eq(t.cases.id, id)))) as CaseRow | undefined;
  };
