import type { Db } from '../db/open-database.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { eraseCitizen } from '../privacy/erase-citizen.js';
import { staleTapReply } from '../whatsapp/quoted-reply.js';
import { type Commit, commitNow } from './commit-batcher.js';
import { type TurnStatements, turnStatements } from './turn-statements.js';
import { historyItems, type TurnStore, type TurnWrite } from './turn-store.js';

/** The turn's write on SQLite: the prepared statements, inside the caller's transaction. */
function apply(db: Db, q: TurnStatements, w: TurnWrite): void {
  if (w.kind === 'erase') {
    // Drizzle on the same connection takes part in the open transaction
    eraseCitizen(db, w.waId, w.nowMs);
    enqueueOutbound(db, w.notice, {
      waId: w.waId,
      simulated: w.simulated,
      now: w.nowMs,
      sentBy: 'assistant',
    });
    return;
  }
  let turnId: number | null = null;
  if (w.turn) {
    turnId = q.insertTurn(w.turn);
    if (w.dialogue) q.saveDialogue(w.waId, w.dialogue.engineState, w.dialogue.pending, w.nowMs);
  }
  // the raw client takes part in the open transaction
  enqueueOutbound(db, w.replies, {
    waId: w.waId,
    conversationId: w.conversationId,
    inReplyTo: w.inboundId,
    turnId,
    simulated: w.simulated,
    now: w.nowMs,
  });
  q.markDone(w.inboundId, w.nowMs, w.conversationId);
  q.updateCitizen(w.waId, w.citizen);
  q.updateConversation(w.conversationId, w.conversation);
}

/**
 * The turn on SQLite: today's prepared statements (turn-statements.ts), and the write through
 * `commit` (the pipeline's batcher: one transaction per event-loop iteration).
 */
export function sqliteTurnStore(db: Db, commit: Commit = commitNow): TurnStore {
  const q = turnStatements(db);
  // better-sqlite3's own transaction (a savepoint inside the batcher's commit): Drizzle's
  // wrapper around the same thing built a transaction object and session per turn
  const write = db.$client.transaction((w: TurnWrite) => apply(db, q, w));
  return {
    inbound: (id) => q.inbound(id),
    citizen: (waId) => q.citizen(waId),
    dialogue: (waId) => q.dialogue(waId),
    lastConversation: (waId) => q.lastConversation(waId),
    newConversation: (waId, nowMs) => q.newConversation(waId, nowMs),
    recentInbound: (waId, sinceMs) => q.recentInbound(waId, sinceMs),
    history: (conversationId, beforeId, limit) => historyItems(q.history(conversationId, beforeId, limit)),
    staleTap: (o) => staleTapReply(db, o),
    commit: (w) => commit(() => write(w)),
  };
}
