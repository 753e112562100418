import type Database from 'better-sqlite3';
import type { PendingAction } from '../agent/engine.js';
import type { Db } from '../db/open-database.js';
import type { Lang } from '../lang/language.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import type { CitizenUpdate, ConversationUpdate } from './turn-store.js';

// The turn's hot path runs these a dozen times per message: prepared once per connection
// (as src/whatsapp/ingest.ts does), they skip Drizzle's SQL building and SQLite's parsing,
// which together were half of a turn's CPU.
export type TurnStatements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, TurnStatements>();

export interface InboundRow {
  id: number;
  waId: string;
  direction: 'in' | 'out';
  processStatus: 'pending' | 'done' | 'failed' | null;
  payload: InboundEvent;
}

export interface CitizenRow {
  language: Lang;
  languageChosen: boolean;
  name: string | null;
  privacyNoticeAt: number | null;
  handoff: 'none' | 'queued' | 'human';
  /** when the handoff last changed: asked for (queued), taken or given back */
  handoffAt: number | null;
}

export interface TurnRecord {
  inboundId: number;
  conversationId: number;
  waId: string;
  engine: string;
  model: string | null;
  fellBack: boolean;
  fallbackReason: string | null;
  language: string;
  intent: string | null;
  steps: unknown;
  latencyMs: number;
  promptTokens: number;
  completionTokens: number;
  createdAt: number;
}

const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));
const parse = (v: string | null) => (v === null ? null : JSON.parse(v));
const flag = (b: boolean | undefined) => (b ? 1 : 0);

function prepare(c: Database.Database) {
  const inbound = c.prepare<[number], Omit<InboundRow, 'payload'> & { payload: string | null }>(
    `select id, wa_id as waId, direction, process_status as processStatus, payload from messages where id = ?`,
  );
  const citizen = c.prepare<[string], Omit<CitizenRow, 'languageChosen'> & { languageChosen: number }>(
    `select language, language_chosen as languageChosen, name, privacy_notice_at as privacyNoticeAt, handoff,
       handoff_at as handoffAt
     from citizens where wa_id = ?`,
  );
  const lastConversation = c.prepare<
    [string],
    { id: number; lastMessageAt: number; closedAt: number | null }
  >(
    `select id, last_message_at as lastMessageAt, closed_at as closedAt from conversations
     where wa_id = ? order by id desc limit 1`,
  );
  const newConversation = c.prepare<[string, number, number], { id: number }>(
    `insert into conversations (wa_id, started_at, last_message_at) values (?, ?, ?) returning id`,
  );
  const dialogue = c.prepare<[string], { engineState: string | null; pendingAction: string | null }>(
    `select engine_state as engineState, pending_action as pendingAction from dialogue_states where wa_id = ?`,
  );
  const recentInbound = c.prepare<[string, number], { n: number }>(
    `select count(*) as n from messages where wa_id = ? and direction = 'in' and created_at > ?`,
  );
  const history = c.prepare<[number, number, number], { direction: 'in' | 'out'; text: string | null }>(
    // Not `id < ?`: a reply gets its id when its turn commits, after any message the citizen
    // sent meanwhile. The conversation's messages minus this one and later inbound ones, in
    // conversation order: each reply right after the message it answers.
    `select direction, text from messages
     where conversation_id = ? and (direction = 'out' or id < ?)
     order by coalesce(in_reply_to, id) desc, direction = 'out' desc, id desc limit ?`,
  );
  const nextPending = c.prepare<[string], { id: number }>(
    `select id from messages where wa_id = ? and direction = 'in' and process_status = 'pending'
     order by id limit 1`,
  );
  const insertTurn = c.prepare<unknown[], { id: number }>(
    `insert into turns (inbound_id, conversation_id, wa_id, engine, model, fell_back, fallback_reason, language,
       intent, steps, latency_ms, prompt_tokens, completion_tokens, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`,
  );
  const upsertDialogue = c.prepare(
    `insert into dialogue_states (wa_id, engine_state, pending_action, updated_at) values (?, ?, ?, ?)
     on conflict(wa_id) do update set engine_state = excluded.engine_state,
       pending_action = excluded.pending_action, updated_at = excluded.updated_at`,
  );
  const markDone = c.prepare(
    `update messages set process_status = 'done', processed_at = ?, conversation_id = ? where id = ?`,
  );
  const updateCitizen = c.prepare(
    `update citizens set language = ?,
       language_chosen = case when ? then 1 else language_chosen end,
       privacy_notice_at = case when ? then ? else privacy_notice_at end,
       handoff = case when ? then 'queued' else handoff end,
       handoff_at = case when ? then ? else handoff_at end
     where wa_id = ?`,
  );
  const updateConversation = c.prepare(
    `update conversations set last_message_at = ?, language = ?,
       service = coalesce(?, service),
       outcome = coalesce(?, outcome),
       fell_back = case when ? then 1 else fell_back end,
       needs_human = case when ? then 1 else needs_human end,
       engine = coalesce(?, engine)
     where id = ?`,
  );

  return {
    inbound(id: number): InboundRow | undefined {
      const r = inbound.get(id);
      return r && { ...r, payload: parse(r.payload) as InboundEvent };
    },
    citizen(waId: string): CitizenRow | undefined {
      const r = citizen.get(waId);
      return r && { ...r, languageChosen: r.languageChosen === 1 };
    },
    lastConversation: (waId: string) => lastConversation.get(waId),
    newConversation: (waId: string, now: number) =>
      (newConversation.get(waId, now, now) as { id: number }).id,
    dialogue(waId: string): { engineState: unknown; pendingAction: PendingAction | null } | undefined {
      const r = dialogue.get(waId);
      return r && { engineState: parse(r.engineState), pendingAction: parse(r.pendingAction) };
    },
    recentInbound: (waId: string, since: number) => recentInbound.get(waId, since)?.n ?? 0,
    history: (conversationId: number, beforeId: number, limit: number) =>
      history.all(conversationId, beforeId, limit),
    nextPending: (waId: string) => nextPending.get(waId),
    insertTurn(t: TurnRecord): number {
      const row = insertTurn.get(
        t.inboundId,
        t.conversationId,
        t.waId,
        t.engine,
        t.model,
        flag(t.fellBack),
        t.fallbackReason,
        t.language,
        t.intent,
        JSON.stringify(t.steps),
        t.latencyMs,
        t.promptTokens,
        t.completionTokens,
        t.createdAt,
      );
      return (row as { id: number }).id;
    },
    saveDialogue(waId: string, engineState: unknown, pending: PendingAction | null, now: number) {
      upsertDialogue.run(waId, json(engineState), json(pending), now);
    },
    markDone: (id: number, now: number, conversationId: number) => markDone.run(now, conversationId, id),
    updateCitizen(waId: string, u: CitizenUpdate) {
      updateCitizen.run(
        u.language,
        flag(u.chosen),
        flag(u.noticeAt !== null),
        u.noticeAt,
        flag(u.handoffAt !== null),
        flag(u.handoffAt !== null),
        u.handoffAt,
        waId,
      );
    },
    updateConversation(id: number, u: ConversationUpdate) {
      updateConversation.run(
        u.now,
        u.language,
        u.service,
        u.outcome,
        flag(u.fellBack),
        flag(u.needsHuman),
        u.engine,
        id,
      );
    },
  };
}

/** The turn's prepared statements on this connection, prepared on first use. */
export function turnStatements(db: Db): TurnStatements {
  let s = cache.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    cache.set(db.$client, s);
  }
  return s;
}
