import type { Db } from '../db/open-database.js';
import { syncSearchIndex } from '../db/search-index.js';
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
  fellBack: number;
  needsHuman: number;
  flagged: number;
  messageCount: number;
  snippet: string | null;
};

/** FTS5 phrase syntax: the query inside double quotes, inner quotes doubled. */
const ftsPhrase = (q: string) => `"${q.replace(/"/g, '""')}"`;

/** Search text → a condition on messages m; trigram FTS needs 3+ characters, shorter falls back to LIKE. */
function textMatch(q: string): { sql: string; params: unknown[] } {
  const norm = (searchText(q) ?? '').normalize('NFC');
  if (Array.from(norm).length >= 3) {
    return {
      sql: 'm.id in (select rowid from messages_fts where messages_fts match ?)',
      params: [ftsPhrase(norm)],
    };
  }
  const escaped = norm.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return { sql: "m.text like ? escape '\\'", params: [`%${escaped}%`] };
}

export function listConversations(db: Db, f: ConversationFilters, limit = 100): ConversationListRow[] {
  if (f.q) syncSearchIndex(db);
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (cond: string, ...values: unknown[]) => {
    where.push(cond);
    params.push(...values);
  };
  const from = f.from ? istDayStart(f.from) : null;
  const to = f.to ? istDayStart(f.to) : null;
  if (from != null) add('c.last_message_at >= ?', from);
  if (to != null) add('c.started_at < ?', to + DAY_MS);
  if (f.language) add('c.language = ?', f.language);
  if (f.service) add('c.service = ?', f.service);
  if (f.outcome) add('c.outcome = ?', f.outcome);
  if (f.engine) {
    where.push(
      '(c.engine = ? or exists (select 1 from turns t where t.conversation_id = c.id and t.engine = ?))',
    );
    params.push(f.engine, f.engine);
  }
  if (f.fellBack)
    where.push(
      '(c.fell_back = 1 or exists (select 1 from turns t where t.conversation_id = c.id and t.fell_back = 1))',
    );
  if (f.flagged) where.push('c.flagged = 1');
  if (f.needsHuman) where.push('c.needs_human = 1');
  let snippet =
    "(select m.text from messages m where m.conversation_id = c.id and m.direction = 'in' and m.text is not null order by m.id desc limit 1)";
  const snippetParams: unknown[] = [];
  if (f.q) {
    const m = textMatch(f.q);
    where.push(`exists (select 1 from messages m where m.conversation_id = c.id and ${m.sql})`);
    params.push(...m.params);
    snippet = `(select m.text from messages m where m.conversation_id = c.id and ${m.sql} order by m.id limit 1)`;
    snippetParams.push(...m.params);
  }
  const sql = `select c.id, c.wa_id as waId, c.started_at as startedAt, c.last_message_at as lastMessageAt, c.language,
      c.service, c.outcome, c.engine, c.fell_back as fellBack, c.needs_human as needsHuman, c.flagged,
      (select count(*) from messages m where m.conversation_id = c.id) as messageCount,
      ${snippet} as snippet
    from conversations c ${where.length ? `where ${where.join(' and ')}` : ''}
    order by c.last_message_at desc, c.id desc limit ?`;
  return db.$client.prepare(sql).all(...snippetParams, ...params, limit) as ConversationListRow[];
}

/** Distinct values for the filter drop-downs. */
export function filterOptions(db: Db) {
  const col = (sql: string) => (db.$client.prepare(sql).all() as { v: string }[]).map((r) => r.v);
  return {
    services: col('select distinct service as v from conversations where service is not null order by 1'),
    outcomes: col('select distinct outcome as v from conversations where outcome is not null order by 1'),
    engines: col(
      'select distinct v from (select engine as v from conversations where engine is not null union select engine from turns) order by 1',
    ),
  };
}

export type MessageRow = {
  id: number;
  direction: 'in' | 'out';
  kind: string;
  text: string | null;
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
  fellBack: number;
  fallbackReason: string | null;
  language: string | null;
  intent: string | null;
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

export function conversationDetail(db: Db, id: number) {
  const conversation = db.$client
    .prepare(
      `select id, wa_id as waId, started_at as startedAt, last_message_at as lastMessageAt, language, service, outcome,
        engine, fell_back as fellBack, needs_human as needsHuman, flagged from conversations where id = ?`,
    )
    .get(id) as Omit<ConversationListRow, 'messageCount' | 'snippet'> | undefined;
  if (!conversation) return null;
  const messages = db.$client
    .prepare(
      `select id, direction, kind, text, payload, send_status as sendStatus, last_error as lastError, sent_by as sentBy,
        turn_id as turnId, created_at as createdAt from messages where conversation_id = ? order by id`,
    )
    .all(id) as MessageRow[];
  const turns = db.$client
    .prepare(
      `select id, inbound_id as inboundId, engine, model, fell_back as fellBack, fallback_reason as fallbackReason, language,
        intent, steps, latency_ms as latencyMs, prompt_tokens as promptTokens, completion_tokens as completionTokens
       from turns where conversation_id = ? order by id`,
    )
    .all(id) as TurnRow[];
  const annotations = db.$client
    .prepare(
      `select a.turn_id as turnId, a.verdict, a.label, a.note, u.username as author, a.created_at as createdAt
       from annotations a join turns t on t.id = a.turn_id left join staff_users u on u.id = a.user_id
       where t.conversation_id = ? order by a.id`,
    )
    .all(id) as AnnotationRow[];
  const citizen = db.$client
    .prepare(
      'select language, handoff, handoff_officer_id as handoffOfficerId, last_inbound_at as lastInboundAt from citizens where wa_id = ?',
    )
    .get(conversation.waId) as
    | { language: string; handoff: string; handoffOfficerId: number | null; lastInboundAt: number | null }
    | undefined;
  const cases = db.$client
    .prepare(
      `select case service when 'birth_certificate' then 'applications' when 'hospital_complaint' then 'complaints'
         else 'services/' || service end as path, id, reference, status from cases where wa_id = ? order by reference`,
    )
    .all(conversation.waId) as {
    path: string;
    id: number;
    reference: string;
    status: string;
  }[];
  return { conversation, messages, turns, annotations, cases, citizen: citizen ?? null };
}
