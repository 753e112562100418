import type { HistoryItem } from '../agent/engine.js';
import type { Db } from '../db/open-database.js';
import { turnStatements } from './turn-statements.js';

/** The conversation's last messages before this one, oldest first, as the engine reads them. */
export function loadHistory(db: Db, conversationId: number, beforeId: number, limit = 20): HistoryItem[] {
  return turnStatements(db)
    .history(conversationId, beforeId, limit)
    .reverse()
    .filter((r) => r.text)
    .map((r) => ({ role: r.direction === 'in' ? 'user' : 'assistant', text: r.text ?? '' }));
}
