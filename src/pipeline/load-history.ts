import { and, desc, eq, lt } from 'drizzle-orm';
import type { HistoryItem } from '../agent/engine.js';
import type { Db } from '../db/open-database.js';
import { messages } from '../db/schema.js';

/** The conversation's last messages before this one, oldest first, as the engine reads them. */
export function loadHistory(db: Db, conversationId: number, beforeId: number, limit = 20): HistoryItem[] {
  const rows = db
    .select({ direction: messages.direction, text: messages.text })
    .from(messages)
    .where(and(eq(messages.conversationId, conversationId), lt(messages.id, beforeId)))
    .orderBy(desc(messages.id))
    .limit(limit)
    .all();
  return rows
    .reverse()
    .filter((r) => r.text)
    .map((r) => ({ role: r.direction === 'in' ? 'user' : 'assistant', text: r.text ?? '' }));
}
