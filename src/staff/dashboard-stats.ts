import { and, count, desc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { services } from '../services/registry.js';
import { num, type Op, type Q, rows } from '../storage/operation.js';
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

/** Counts per IST day of the timestamps (bucketed here: the day boundary is IST whatever the server's zone). */
function perDay(stamps: { at: number }[], days: string[]): number[] {
  const counts = new Map(days.map((d) => [d, 0]));
  for (const r of stamps) {
    const d = istDay(r.at);
    if (counts.has(d)) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  return days.map((d) => counts.get(d) ?? 0);
}

const labelled = (r: { label: string | null; value: unknown }[]): Count[] =>
  r.map((x) => ({ label: x.label ?? 'unknown', value: num(x.value) }));

// birth applications and complaints are cases of their service
const serviceOf = { application: 'birth_certificate', complaint: 'hospital_complaint' } as const;

function* openCases({ db, t }: Q, type: 'application' | 'complaint') {
  const statuses = openStatuses(type);
  const found = yield* rows(
    db
      .select({ label: t.cases.status, value: count() })
      .from(t.cases)
      .where(and(eq(t.cases.service, serviceOf[type]), inArray(t.cases.status, statuses)))
      .groupBy(t.cases.status),
  );
  return statuses.map((s) => ({ label: s, value: num(found.find((r) => r.label === s)?.value) }));
}

function* overdueCases({ db, t }: Q, type: 'application' | 'complaint', now: number) {
  const [r] = yield* rows(
    db
      .select({ n: count() })
      .from(t.cases)
      .where(
        and(eq(t.cases.service, serviceOf[type]), isNotNull(t.cases.slaDueAt), lt(t.cases.slaDueAt, now)),
      ),
  );
  return num(r?.n);
}

export const dashboardStats = (now: number, nDays = 14): Op<DashboardStats> =>
  function* (q) {
    const { db, t } = q;
    const today = istDayStart(istDay(now)) ?? now;
    const since = today - (nDays - 1) * DAY_MS;
    const days = Array.from({ length: nDays }, (_, i) => istDay(since + i * DAY_MS + DAY_MS / 2));
    const c = t.conversations;
    // count(*) filter (where …): the same on both (SQLite's sum(boolean) is not PostgreSQL's)
    const [conv] = yield* rows(
      db
        .select({
          n: count(),
          completed: sql<number>`count(*) filter (where ${c.outcome} = 'completed')`.mapWith(Number),
          withService: sql<number>`count(*) filter (where ${c.service} is not null)`.mapWith(Number),
        })
        .from(c)
        .where(gte(c.startedAt, since)),
    );
    const [turns] = yield* rows(
      db
        .select({
          n: count(),
          fellBack: sql<number>`count(*) filter (where ${t.turns.fellBack})`.mapWith(Number),
        })
        .from(t.turns)
        .where(gte(t.turns.createdAt, since)),
    );
    const messageStamps = yield* rows(
      db.select({ at: t.messages.createdAt }).from(t.messages).where(gte(t.messages.createdAt, since)),
    );
    const conversationStamps = yield* rows(
      db.select({ at: c.startedAt }).from(c).where(gte(c.startedAt, since)),
    );
    const languages = yield* rows(
      db
        .select({ label: c.language, value: count() })
        .from(c)
        .where(gte(c.startedAt, since))
        .groupBy(c.language)
        .orderBy(desc(count()), c.language),
    );
    const byService = yield* rows(
      db
        .select({ label: c.service, value: count() })
        .from(c)
        .where(and(gte(c.startedAt, since), isNotNull(c.service)))
        .groupBy(c.service)
        .orderBy(desc(count()), c.service),
    );
    const casesPerService: Count[] = [];
    for (const s of services) {
      const [r] = yield* rows(
        db
          .select({ n: count() })
          .from(t.cases)
          .where(and(eq(t.cases.service, s.id), gte(t.cases.createdAt, since))),
      );
      casesPerService.push({ label: s.names.en, value: num(r?.n) });
    }
    const [handoffs] = yield* rows(
      db.select({ n: count() }).from(t.citizens).where(eq(t.citizens.handoff, 'queued')),
    );
    const n = num(conv?.n);
    const withService = num(conv?.withService);
    const turnCount = num(turns?.n);
    return {
      days,
      messagesPerDay: perDay(messageStamps, days),
      conversationsPerDay: perDay(conversationStamps, days),
      languages: labelled(languages),
      services: labelled(byService),
      casesPerService,
      conversations: n,
      completionRate: withService ? num(conv?.completed) / withService : null,
      fallbackRate: turnCount ? num(turns?.fellBack) / turnCount : null,
      turns: turnCount,
      openApplications: yield* openCases(q, 'application'),
      openComplaints: yield* openCases(q, 'complaint'),
      overdue: {
        applications: yield* overdueCases(q, 'application', now),
        complaints: yield* overdueCases(q, 'complaint', now),
      },
      handoffsWaiting: num(handoffs?.n),
    };
  };
