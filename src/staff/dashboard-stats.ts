import type { Db } from '../db/open-database.js';
import { services } from '../services/registry.js';
import { openStatuses } from './case-queries.js';
import { DAY_MS, istDay, istDayStart } from './format.js';

export type Count = { label: string; value: number };

export type DashboardStats = {
  days: string[];
  messagesPerDay: number[];
  conversationsPerDay: number[];
  languages: Count[];
  services: Count[];
  /** every case submitted in the window, per service of the registry (not one per conversation) */
  casesPerService: Count[];
  conversations: number;
  completionRate: number | null;
  fallbackRate: number | null;
  turns: number;
  openApplications: Count[];
  openComplaints: Count[];
  overdue: { applications: number; complaints: number };
  handoffsWaiting: number;
};

/** The last `days` IST days ending today, and counts per day of a timestamp column. */
function perDay(db: Db, sql: string, days: string[], since: number): number[] {
  const rows = db.$client.prepare(sql).all(since) as { at: number }[];
  const counts = new Map(days.map((d) => [d, 0]));
  for (const r of rows) {
    const d = istDay(r.at);
    if (counts.has(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return days.map((d) => counts.get(d) ?? 0);
}

const counts = (db: Db, sql: string, ...params: unknown[]) =>
  (db.$client.prepare(sql).all(...params) as { label: string | null; value: number }[]).map((r) => ({
    label: r.label ?? 'unknown',
    value: r.value,
  }));

function casesPerService(db: Db, since: number): Count[] {
  const count = (sql: string, ...params: unknown[]) =>
    (db.$client.prepare(sql).get(...params) as { n: number }).n;
  return services.map((s) => ({
    label: s.names.en,
    value: count('select count(*) as n from cases where service = ? and created_at >= ?', s.id, since),
  }));
}

export function dashboardStats(db: Db, now: number, nDays = 14): DashboardStats {
  const today = istDayStart(istDay(now)) ?? now;
  const since = today - (nDays - 1) * DAY_MS;
  const days = Array.from({ length: nDays }, (_, i) => istDay(since + i * DAY_MS + DAY_MS / 2));
  const conv = db.$client
    .prepare(
      `select count(*) as n, sum(outcome = 'completed') as completed, sum(service is not null) as withService
       from conversations where started_at >= ?`,
    )
    .get(since) as { n: number; completed: number | null; withService: number | null };
  const turns = db.$client
    .prepare('select count(*) as n, sum(fell_back) as fellBack from turns where created_at >= ?')
    .get(since) as { n: number; fellBack: number | null };
  // birth applications and complaints are cases of their service
  const serviceOf = { application: 'birth_certificate', complaint: 'hospital_complaint' } as const;
  const open = (type: 'application' | 'complaint') => {
    const statuses = openStatuses(type);
    const marks = statuses.map(() => '?').join(',');
    const rows = counts(
      db,
      `select status as label, count(*) as value from cases where service = ? and status in (${marks}) group by status`,
      serviceOf[type],
      ...statuses,
    );
    return statuses.map((s) => ({ label: s, value: rows.find((r) => r.label === s)?.value ?? 0 }));
  };
  const overdue = (type: 'application' | 'complaint') =>
    (
      db.$client
        .prepare(
          'select count(*) as n from cases where service = ? and sla_due_at is not null and sla_due_at < ?',
        )
        .get(serviceOf[type], now) as { n: number }
    ).n;
  return {
    days,
    messagesPerDay: perDay(db, 'select created_at as at from messages where created_at >= ?', days, since),
    conversationsPerDay: perDay(
      db,
      'select started_at as at from conversations where started_at >= ?',
      days,
      since,
    ),
    languages: counts(
      db,
      'select language as label, count(*) as value from conversations where started_at >= ? group by language order by value desc',
      since,
    ),
    services: counts(
      db,
      'select service as label, count(*) as value from conversations where started_at >= ? and service is not null group by service order by value desc',
      since,
    ),
    casesPerService: casesPerService(db, since),
    conversations: conv.n,
    completionRate: conv.withService ? (conv.completed ?? 0) / conv.withService : null,
    fallbackRate: turns.n ? (turns.fellBack ?? 0) / turns.n : null,
    turns: turns.n,
    openApplications: open('application'),
    openComplaints: open('complaint'),
    overdue: { applications: overdue('application'), complaints: overdue('complaint') },
    handoffsWaiting: (
      db.$client.prepare("select count(*) as n from citizens where handoff = 'queued'").get() as { n: number }
    ).n,
  };
}
