import type { CaseType } from '../cases/case-workflow.js';
import { asApplication, asComplaint, legacyCase, legacyService } from '../cases/legacy-rows.js';
import type { Db } from '../db/open-database.js';

export type CaseFilters = { status?: string; assigned?: string; overdue?: boolean; q?: string };

export type CaseListRow = {
  id: number;
  reference: string;
  waId: string;
  status: string;
  summary: string;
  district: string;
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

const field = (name: string) => `json_extract(c.fields, '$.${name}')`;
const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** A case queue: most urgent first (overdue, then nearest SLA), closed cases last. */
export function listCases(
  db: Db,
  type: CaseType,
  f: CaseFilters,
  userId: number,
  now: number,
): CaseListRow[] {
  const where: string[] = ['c.service = ?'];
  const params: unknown[] = [legacyService[type].id];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  if (f.status === 'open') add(`c.status in (${OPEN[type].map(() => '?').join(',')})`, ...OPEN[type]);
  else if (f.status) add('c.status = ?', f.status);
  if (f.assigned === 'me') add('c.assigned_to = ?', userId);
  else if (f.assigned === 'unassigned') add('c.assigned_to is null');
  if (f.overdue) add('c.sla_due_at is not null and c.sla_due_at < ?', now);
  if (f.q) add(`(c.reference like ? or ${field('district')} like ?)`, `%${f.q}%`, `%${f.q}%`);
  const summary =
    type === 'application'
      ? `coalesce(${field('childName')}, '(unnamed)') || ' · ' || ${field('dateOfBirth')}`
      : `${field('hospitalName')} || ' · ' || ${field('category')}`;
  const sql = `select c.id, c.reference, c.wa_id as waId, c.status, ${summary} as summary, ${field('district')} as district,
      c.assigned_to as assignedTo, u.username as assignee, c.sla_due_at as slaDueAt, c.created_at as createdAt
    from cases c left join staff_users u on u.id = c.assigned_to
    where ${where.join(' and ')}
    order by (c.sla_due_at is null), c.sla_due_at, c.created_at desc limit 200`;
  return db.$client.prepare(sql).all(...params) as CaseListRow[];
}

export type CaseEventRow = {
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actor: string | null;
  createdAt: number;
};
/** A case's history; every service's cases (birth and complaint too) keep it under case_type 'case'. */
export function caseEvents(db: Db, _type: CaseType, id: number): CaseEventRow[] {
  return db.$client
    .prepare(
      `select e.from_status as fromStatus, e.to_status as toStatus, e.note, u.username as actor, e.created_at as createdAt
       from case_events e left join staff_users u on u.id = e.actor_user_id
       where e.case_type = 'case' and e.case_id = ? order by e.id`,
    )
    .all(id) as CaseEventRow[];
}

export type CaseNoteRow = { body: string; author: string | null; createdAt: number };
export function caseNotesOf(db: Db, _type: CaseType, id: number): CaseNoteRow[] {
  return db.$client
    .prepare(
      `select n.body, u.username as author, n.created_at as createdAt
       from case_notes n left join staff_users u on u.id = n.author_user_id
       where n.case_type = 'case' and n.case_id = ? order by n.id`,
    )
    .all(id) as CaseNoteRow[];
}

export type Officer = { id: number; username: string; displayName: string | null };
export function activeOfficers(db: Db): Officer[] {
  return db.$client
    .prepare(
      "select id, username, display_name as displayName from staff_users where disabled = 0 and role in ('officer','admin') order by username",
    )
    .all() as Officer[];
}

/** The case page's row: the case's columns and fields flat, under the snake_case names the page reads. */
export function caseRow(db: Db, type: CaseType, id: number): Record<string, unknown> | undefined {
  const row = legacyCase(db, type, id);
  if (!row) return undefined;
  const flat = type === 'application' ? asApplication(row) : asComplaint(row);
  return Object.fromEntries(Object.entries(flat).map(([k, v]) => [snake(k), v]));
}

export function complaintAttachments(db: Db, id: number) {
  return db.$client
    .prepare(
      'select media_id as mediaId, mime_type as mimeType, caption, created_at as createdAt from attachments where case_id = ? order by id',
    )
    .all(id) as { mediaId: string; mimeType: string | null; caption: string | null; createdAt: number }[];
}
