import { and, asc, desc, eq, exists, gte, isNotNull, lt, or, type SQL, sql } from 'drizzle-orm';
import { first, type Op, type Q, rows } from '../storage/operation.js';
import { DAY_MS, istDayStart } from './format.js';
import { searchText } from './search-text.js';

export type ConversationFilters = {
  from?: string;
  to?: string;
  language?: string;
  service?: string;
  outcome?: string;
  engine?: string;
  fellBack?: boolean;
  flagged?: boolean;
  needsHuman?: boolean;
  q?: string;
};

export type ConversationListRow = {
  id: number;
  waId: string;
  startedAt: number;
  lastMessageAt: number;
  language: string | null;
  service: string | null;
  outcome: string | null;
  engine: string | null;
  fellBack: boolean;
  needsHuman: boolean;
  flagged: boolean;
  messageCount: number;
  snippet: string | null;
};

const conversationColumns = ({ t }: Q) => ({
  id: t.conversations.id,
  waId: t.conversations.waId,
  startedAt: t.conversations.startedAt,
  lastMessageAt: t.conversations.lastMessageAt,
  language: t.conversations.language,
  service: t.conversations.service,
  outcome: t.conversations.outcome,
  engine: t.conversations.engine,
  fellBack: t.conversations.fellBack,
  needsHuman: t.conversations.needsHuman,
  flagged: t.conversations.flagged,
});

/** The conversation list with its filters; `q` searches the transcripts (FTS5 on SQLite, pg_trgm on PostgreSQL). */
export const listConversations = (f: ConversationFilters, limit = 100): Op<ConversationListRow[]> =>
  function* (q) {
    const { db, t, d } = q;
    const c = t.conversations;
    const m = t.messages;
    const needle = f.q ? (searchText(f.q) ?? '').normalize('NFC') : '';
    if (needle) d.prepareSearch();
    const inThis = eq(m.conversationId, c.id);
    const from = f.from ? istDayStart(f.from) : null;
    const to = f.to ? istDayStart(f.to) : null;
    const turnWith = (cond: SQL) =>
      exists(
        db
          .select({ one: sql`1` })
          .from(t.turns)
          .where(and(eq(t.turns.conversationId, c.id), cond)),
      );
    const match = needle ? d.textContains(m.text, needle) : undefined;
    const where = and(
      from != null ? gte(c.lastMessageAt, from) : undefined,
      to != null ? lt(c.startedAt, to + DAY_MS) : undefined,
      f.language ? eq(c.language, f.language as 'hi') : undefined,
      f.service ? eq(c.service, f.service) : undefined,
      f.outcome ? eq(c.outcome, f.outcome as 'completed') : undefined,
      f.engine ? or(eq(c.engine, f.engine), turnWith(eq(t.turns.engine, f.engine))) : undefined,
      f.fellBack ? or(eq(c.fellBack, true), turnWith(eq(t.turns.fellBack, true))) : undefined,
      f.flagged ? eq(c.flagged, true) : undefined,
      f.needsHuman ? eq(c.needsHuman, true) : undefined,
      match ? exists(db.select({ one: sql`1` }).from(m).where(and(inThis, match))) : undefined,
    );
    // the newest inbound text, or when searching the first message that matched
    const snippet = match
      ? sql<string | null>`(select ${m.text} from ${m} where ${inThis} and ${match} order by ${m.id} limit 1)`
      : sql<
          string | null
        >`(select ${m.text} from ${m} where ${inThis} and ${m.direction} = 'in' and ${m.text} is not null order by ${m.id} desc limit 1)`;
    return yield* rows(
      db
        .select({
          ...conversationColumns(q),
          messageCount: sql<number>`(select count(*) from ${m} where ${inThis})`.mapWith(Number),
          snippet,
        })
        .from(c)
        .where(where)
        .orderBy(desc(c.lastMessageAt), desc(c.id))
        .limit(limit),
    );
  };

/** Distinct values for the filter drop-downs. */
export const filterOptions = () =>
  function* ({ db, t }: Q) {
    const c = t.conversations;
    const services = yield* rows(
      db.selectDistinct({ v: c.service }).from(c).where(isNotNull(c.service)).orderBy(asc(c.service)),
    );
    const outcomes = yield* rows(
      db.selectDistinct({ v: c.outcome }).from(c).where(isNotNull(c.outcome)).orderBy(asc(c.outcome)),
    );
    const own = yield* rows(db.selectDistinct({ v: c.engine }).from(c).where(isNotNull(c.engine)));
    const ofTurns = yield* rows(db.selectDistinct({ v: t.turns.engine }).from(t.turns));
    const values = (r: { v: string | null }[]) => r.map((x) => x.v).filter((v): v is string => v != null);
    return {
      services: values(services),
      outcomes: values(outcomes),
      // code-point order, as SQLite's default collation sorted them (PostgreSQL's locale would not)
      engines: [...new Set([...values(own), ...values(ofTurns)])].sort((a, b) =>
        a < b ? -1 : a > b ? 1 : 0,
      ),
    };
  };

export type MessageRow = {
  id: number;
  direction: 'in' | 'out';
  kind: string;
  text: string | null;
  /** JSON text (the view parses it) */
  payload: string | null;
  sendStatus: string | null;
  lastError: string | null;
  sentBy: string | null;
  turnId: number | null;
  createdAt: number;
};

export type TurnRow = {
  id: number;
  inboundId: number;
  engine: string;
  model: string | null;
  fellBack: boolean;
  fallbackReason: string | null;
  language: string | null;
  intent: string | null;
  /** JSON text (the view parses it) */
  steps: string;
  latencyMs: number;
  promptTokens: number;
  completionTokens: number;
};

export type AnnotationRow = {
  turnId: number;
  verdict: 'good' | 'bad';
  label: string | null;
  note: string | null;
  author: string | null;
  createdAt: number;
};

const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
const casePath = (service: string) =>
  service === 'birth_certificate'
    ? 'applications'
    : service === 'hospital_complaint'
      ? 'complaints'
      : `services/${service}`;

/** A conversation page: its messages, turns, reviewers' notes, the citizen and their cases; null when unknown. */
export const conversationDetail = (id: number) =>
  function* (q: Q) {
    const { db, t } = q;
    const conversation = yield* first(
      db.select(conversationColumns(q)).from(t.conversations).where(eq(t.conversations.id, id)),
    );
    if (!conversation) return null;
    const m = t.messages;
    const messages: MessageRow[] = (yield* rows(
      db
        .select({
          id: m.id,
          direction: m.direction,
          kind: m.kind,
          text: m.text,
          payload: m.payload,
          sendStatus: m.sendStatus,
          lastError: m.lastError,
          sentBy: m.sentBy,
          turnId: m.turnId,
          createdAt: m.createdAt,
        })
        .from(m)
        .where(eq(m.conversationId, id))
        .orderBy(asc(m.id)),
    )).map((r) => ({ ...r, payload: json(r.payload) }));
    const tu = t.turns;
    const turns: TurnRow[] = (yield* rows(
      db
        .select({
          id: tu.id,
          inboundId: tu.inboundId,
          engine: tu.engine,
          model: tu.model,
          fellBack: tu.fellBack,
          fallbackReason: tu.fallbackReason,
          language: tu.language,
          intent: tu.intent,
          steps: tu.steps,
          latencyMs: tu.latencyMs,
          promptTokens: tu.promptTokens,
          completionTokens: tu.completionTokens,
        })
        .from(tu)
        .where(eq(tu.conversationId, id))
        .orderBy(asc(tu.id)),
    )).map((r) => ({ ...r, steps: json(r.steps) ?? '[]' }));
    const a = t.annotations;
    const annotations: AnnotationRow[] = yield* rows(
      db
        .select({
          turnId: a.turnId,
          verdict: a.verdict,
          label: a.label,
          note: a.note,
          author: t.staffUsers.username,
          createdAt: a.createdAt,
        })
        .from(a)
        .innerJoin(tu, eq(tu.id, a.turnId))
        .leftJoin(t.staffUsers, eq(t.staffUsers.id, a.userId))
        .where(eq(tu.conversationId, id))
        .orderBy(asc(a.id)),
    );
    const citizen = yield* first(
      db
        .select({
          language: t.citizens.language,
          handoff: t.citizens.handoff,
          handoffOfficerId: t.citizens.handoffOfficerId,
          lastInboundAt: t.citizens.lastInboundAt,
        })
        .from(t.citizens)
        .where(eq(t.citizens.waId, conversation.waId)),
    );
    const cases = (yield* rows(
      db
        .select({
          service: t.cases.service,
          id: t.cases.id,
          reference: t.cases.reference,
          status: t.cases.status,
        })
        .from(t.cases)
        .where(eq(t.cases.waId, conversation.waId))
        .orderBy(asc(t.cases.reference)),
    )).map(({ service, ...r }) => ({ path: casePath(service), ...r }));
    return { conversation, messages, turns, annotations, cases, citizen: citizen ?? null };
  };
