import type { CaseType } from '../cases/case-workflow.js';
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

const table = (type: CaseType) => (type === 'application' ? 'applications' : 'complaints');

/** A case queue: most urgent first (overdue, then nearest SLA), closed cases last. */
export function listCases(
  db: Db,
  type: CaseType,
  f: CaseFilters,
  userId: number,
  now: number,
): CaseListRow[] {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  if (f.status === 'open') add(`c.status in (${OPEN[type].map(() => '?').join(',')})`, ...OPEN[type]);
  else if (f.status) add('c.status = ?', f.status);
  if (f.assigned === 'me') add('c.assigned_to = ?', userId);
  else if (f.assigned === 'unassigned') add('c.assigned_to is null');
  if (f.overdue) add('c.sla_due_at is not null and c.sla_due_at < ?', now);
  if (f.q) add('(c.reference like ? or c.district like ?)', `%${f.q}%`, `%${f.q}%`);
  const summary =
    type === 'application'
      ? "coalesce(c.child_name, '(unnamed)') || ' · ' || c.date_of_birth"
      : "c.hospital_name || ' · ' || c.category";
  const sql = `select c.id, c.reference, c.wa_id as waId, c.status, ${summary} as summary, c.district,
      c.assigned_to as assignedTo, u.username as assignee, c.sla_due_at as slaDueAt, c.created_at as createdAt
    from ${table(type)} c left join staff_users u on u.id = c.assigned_to
    ${where.length ? `where ${where.join(' and ')}` : ''}
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
export function caseEvents(db: Db, type: CaseType, id: number): CaseEventRow[] {
  return db.$client
    .prepare(
      `select e.from_status as fromStatus, e.to_status as toStatus, e.note, u.username as actor, e.created_at as createdAt
       from case_events e left join staff_users u on u.id = e.actor_user_id
       where e.case_type = ? and e.case_id = ? order by e.id`,
    )
    .all(type, id) as CaseEventRow[];
}

export type CaseNoteRow = { body: string; author: string | null; createdAt: number };
export function caseNotesOf(db: Db, type: CaseType, id: number): CaseNoteRow[] {
  return db.$client
    .prepare(
      `select n.body, u.username as author, n.created_at as createdAt
       from case_notes n left join staff_users u on u.id = n.author_user_id
       where n.case_type = ? and n.case_id = ? order by n.id`,
    )
    .all(type, id) as CaseNoteRow[];
}

export type Officer = { id: number; username: string; displayName: string | null };
export function activeOfficers(db: Db): Officer[] {
  return db.$client
    .prepare(
      "select id, username, display_name as displayName from staff_users where disabled = 0 and role in ('officer','admin') order by username",
    )
    .all() as Officer[];
}

export function caseRow(db: Db, type: CaseType, id: number): Record<string, unknown> | undefined {
  return db.$client.prepare(`select * from ${table(type)} where id = ?`).get(id) as
    | Record<string, unknown>
    | undefined;
}

export function complaintAttachments(db: Db, id: number) {
  return db.$client
    .prepare(
      'select media_id as mediaId, mime_type as mimeType, caption, created_at as createdAt from attachments where complaint_id = ? order by id',
    )
    .all(id) as { mediaId: string; mimeType: string | null; caption: string | null; createdAt: number }[];
}
