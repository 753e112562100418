import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { CaseType } from '../cases/case-workflow.js';
import { asApplication, asComplaint, legacyCase, legacyService } from '../cases/legacy-rows.js';
import type { Db } from '../db/open-database.js';
import { first, type Op, type Q, rows, type Step } from '../storage/operation.js';
import { onSqlite } from '../storage/sqlite-store.js';

export type CaseFilters = { status?: string; assigned?: string; overdue?: boolean; q?: string };

export type CaseListRow = {
  id: number;
  reference: string;
  waId: string;
  status: string;
  summary: string;
  district: string | null;
  assignedTo: number | null;
  assignee: string | null;
  slaDueAt: number | null;
  createdAt: number;
};

const OPEN: Record<CaseType, string[]> = {
  application: ['submitted', 'under_review', 'approved'],
  complaint: ['received', 'assigned', 'resolved', 'reopened'],
};
export const openStatuses = (type: CaseType) => OPEN[type];

const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** A case queue: most urgent first (overdue, then nearest SLA), closed cases last. */
export const caseQueue = (type: CaseType, f: CaseFilters, userId: number, now: number): Op<CaseListRow[]> =>
  function* ({ db, t, d }) {
    const c = t.cases;
    const field = (name: string) => d.jsonText(c.fields, name);
    const summary =
      type === 'application'
        ? sql<string>`coalesce(${field('childName')}, '(unnamed)') || ' · ' || ${field('dateOfBirth')}`
        : sql<string>`${field('hospitalName')} || ' · ' || ${field('category')}`;
    return yield* rows(
      db
        .select({
          id: c.id,
          reference: c.reference,
          waId: c.waId,
          status: c.status,
          summary,
          district: field('district'),
          assignedTo: c.assignedTo,
          assignee: t.staffUsers.username,
          slaDueAt: c.slaDueAt,
          createdAt: c.createdAt,
        })
        .from(c)
        .leftJoin(t.staffUsers, eq(t.staffUsers.id, c.assignedTo))
        .where(
          and(
            eq(c.service, legacyService[type].id),
            f.status === 'open'
              ? inArray(c.status, OPEN[type])
              : f.status
                ? eq(c.status, f.status)
                : undefined,
            f.assigned === 'me'
              ? eq(c.assignedTo, userId)
              : f.assigned === 'unassigned'
                ? isNull(c.assignedTo)
                : undefined,
            f.overdue ? and(isNotNull(c.slaDueAt), lt(c.slaDueAt, now)) : undefined,
            // the reference or district, whatever the case (as SQLite's LIKE did)
            f.q
              ? or(d.containsInsensitive(c.reference, f.q), d.containsInsensitive(field('district'), f.q))
              : undefined,
          ),
        )
        // nulls last, then nearest due: written out, as the dialects put nulls at opposite ends
        .orderBy(sql`(${c.slaDueAt} is null)`, asc(c.slaDueAt), desc(c.createdAt))
        .limit(200),
    );
  };

/** The same, synchronously on a SQLite `Db` (for code not on the store yet: tools' tests). */
export function listCases(
  db: Db,
  type: CaseType,
  f: CaseFilters,
  userId: number,
  now: number,
): CaseListRow[] {
  return onSqlite(db, caseQueue(type, f, userId, now));
}

export type CaseEventRow = {
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actor: string | null;
  createdAt: number;
};
/** A case's history; every service's cases (birth and complaint too) keep it under case_type 'case'. */
export const caseEventsOf = (id: number): Op<CaseEventRow[]> =>
  function* ({ db, t }) {
    const e = t.caseEvents;
    return yield* rows(
      db
        .select({
          fromStatus: e.fromStatus,
          toStatus: e.toStatus,
          note: e.note,
          actor: t.staffUsers.username,
          createdAt: e.createdAt,
        })
        .from(e)
        .leftJoin(t.staffUsers, eq(t.staffUsers.id, e.actorUserId))
        .where(and(eq(e.caseType, 'case'), eq(e.caseId, id)))
        .orderBy(asc(e.id)),
    );
  };

/** The same, synchronously on a SQLite `Db` (for code not on the store yet). */
export function caseEvents(db: Db, _type: CaseType, id: number): CaseEventRow[] {
  return onSqlite(db, caseEventsOf(id));
}

export type CaseNoteRow = { body: string; author: string | null; createdAt: number };
export const caseNotesOf = (id: number): Op<CaseNoteRow[]> =>
  function* ({ db, t }) {
    const n = t.caseNotes;
    return yield* rows(
      db
        .select({ body: n.body, author: t.staffUsers.username, createdAt: n.createdAt })
        .from(n)
        .leftJoin(t.staffUsers, eq(t.staffUsers.id, n.authorUserId))
        .where(and(eq(n.caseType, 'case'), eq(n.caseId, id)))
        .orderBy(asc(n.id)),
    );
  };

export type Officer = { id: number; username: string; displayName: string | null };
export const activeOfficers = (): Op<Officer[]> =>
  function* ({ db, t }) {
    const u = t.staffUsers;
    return yield* rows(
      db
        .select({ id: u.id, username: u.username, displayName: u.displayName })
        .from(u)
        .where(and(eq(u.disabled, false), inArray(u.role, ['officer', 'admin'])))
        .orderBy(asc(u.username)),
    );
  };

/** The case page's row: the case's columns and fields flat, under the snake_case names the page reads. */
export function caseRow(db: Db, type: CaseType, id: number): Record<string, unknown> | undefined {
  const row = legacyCase(db, type, id);
  if (!row) return undefined;
  const flat = type === 'application' ? asApplication(row) : asComplaint(row);
  return Object.fromEntries(Object.entries(flat).map(([k, v]) => [snake(k), v]));
}

/** The case with this id if it is of the type's service (legacyCase, as a store operation). */
export const caseOfType = (type: CaseType, id: number) =>
  function* ({ db, t }: Q) {
    const row = yield* first(db.select().from(t.cases).where(eq(t.cases.id, id)));
    return row && row.service === legacyService[type].id ? row : undefined;
  };

/** caseRow as a store operation. */
export const caseRowOf = (type: CaseType, id: number) =>
  function* (q: Q): Generator<Step, Record<string, unknown> | undefined, unknown> {
    const row = yield* caseOfType(type, id)(q);
    if (!row) return undefined;
    const flat = type === 'application' ? asApplication(row) : asComplaint(row);
    return Object.fromEntries(Object.entries(flat).map(([k, v]) => [snake(k), v]));
  };

export const complaintAttachments = (id: number) =>
  function* ({ db, t }: Q) {
    const a = t.attachments;
    return yield* rows(
      db
        .select({ mediaId: a.mediaId, mimeType: a.mimeType, caption: a.caption, createdAt: a.createdAt })
        .from(a)
        .where(eq(a.caseId, id))
        .orderBy(asc(a.id)),
    );
  };
