import type { HistoryItem, PendingAction } from '../agent/engine.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import type { CitizenRow, InboundRow, TurnRecord } from './turn-statements.js';

export type { CitizenRow, InboundRow, TurnRecord };

export interface ConversationRow {
  id: number;
  lastMessageAt: number;
  closedAt: number | null;
}

export interface CitizenUpdate {
  language: Lang;
  /** the citizen picked the language themselves this turn */
  chosen: boolean;
  /** set when the privacy notice went out this turn */
  noticeAt: number | null;
  /** set when the citizen asked for a human this turn: handoff becomes 'queued' */
  handoffAt: number | null;
}

export interface ConversationUpdate {
  now: number;
  language: Lang;
  /** null keeps what the conversation had */
  service: string | null;
  outcome: string | null;
  fellBack: boolean;
  needsHuman: boolean;
  engine: string | null;
}

/**
 * A turn's one write, as plain data: what processInbound decided, committed by the store in
 * one transaction (or not at all). Either the normal turn or the erasure of delete_my_data.
 */
export type TurnWrite =
  | {
      kind: 'turn';
      inboundId: number;
      waId: string;
      conversationId: number;
      nowMs: number;
      simulated: boolean;
      /** null when the runtime answered by itself (no engine ran) */
      turn: TurnRecord | null;
      dialogue: { engineState: unknown; pending: PendingAction | null } | null;
      replies: OutboundMessage[];
      citizen: CitizenUpdate;
      conversation: ConversationUpdate;
    }
  | {
      kind: 'erase';
      waId: string;
      nowMs: number;
      simulated: boolean;
      /** the data-deleted notice, the only row left for this citizen */
      notice: OutboundMessage[];
    };

export interface StaleTapQuery {
  waId: string;
  inboundId: number;
  payload: unknown;
  lang: Lang;
  catalogue: Catalogue;
}

/**
 * What a turn reads and writes, for processInbound to run once over both databases:
 * SQLite (turn-store-sqlite.ts: the prepared statements and the iteration commit) and
 * PostgreSQL (turn-store-pg.ts: the commit checks the citizen's turn lease).
 * Results may be plain values on SQLite; processInbound awaits each.
 */
export interface TurnStore {
  inbound(id: number): InboundRow | undefined | Promise<InboundRow | undefined>;
  citizen(waId: string): CitizenRow | undefined | Promise<CitizenRow | undefined>;
  dialogue(
    waId: string,
  ):
    | { engineState: unknown; pendingAction: PendingAction | null }
    | undefined
    | Promise<{ engineState: unknown; pendingAction: PendingAction | null } | undefined>;
  lastConversation(waId: string): ConversationRow | undefined | Promise<ConversationRow | undefined>;
  newConversation(waId: string, nowMs: number): number | Promise<number>;
  /** inbound messages of the citizen since `sinceMs` (the rate limit) */
  recentInbound(waId: string, sinceMs: number): number | Promise<number>;
  /** the conversation's messages before this one, oldest first (load-history.ts) */
  history(conversationId: number, beforeId: number, limit: number): HistoryItem[] | Promise<HistoryItem[]>;
  /** src/whatsapp/quoted-reply.ts: the answer to a tap on an outdated message, or null */
  staleTap(o: StaleTapQuery): OutboundMessage[] | null | Promise<OutboundMessage[] | null>;
  /** the turn's one write; resolves once committed */
  commit(write: TurnWrite): Promise<void>;
}

/** History rows (newest first, as the query returns them) as the engine reads them. */
export function historyItems(rows: { direction: 'in' | 'out'; text: string | null }[]): HistoryItem[] {
  return rows
    .reverse()
    .filter((r) => r.text)
    .map((r) => ({ role: r.direction === 'in' ? 'user' : 'assistant', text: r.text ?? '' }));
}
