import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';

/** WhatsApp's customer-service window: free-form messages only within 24 h of the citizen's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type MessagePurpose = 'status_update' | 'payment_receipt' | 'reminder';
export const messagePurposes = ['status_update', 'payment_receipt', 'reminder'] as const;

const statements = new WeakMap<Database.Database, Database.Statement<[string], { at: number | null }>>();

/**
 * Whether the window is open for a citizen at `now`. A citizen we have no inbound time for
 * (no row, or erased) is treated as open: Graph is then the judge, and a 131047 still turns
 * the message into its template.
 */
export function serviceWindow(db: Db, waId: string, now: number): { open: boolean; closesAt: number | null } {
  let s = statements.get(db.$client);
  if (!s) {
    s = db.$client.prepare('select last_inbound_at as at from citizens where wa_id = ?');
    statements.set(db.$client, s);
  }
  const at = s.get(waId)?.at ?? null;
  if (at === null) return { open: true, closesAt: null };
  return { open: now - at < SERVICE_WINDOW_MS, closesAt: at + SERVICE_WINDOW_MS };
}

/** Tags outbound rows with what they are for, so the outbox can pick that purpose's template later. */
export function tagPurpose(db: Db, ids: number[], purpose: MessagePurpose): void {
  const s = db.$client.prepare("update messages set purpose = ? where id = ? and direction = 'out'");
  for (const id of ids) s.run(purpose, id);
}
