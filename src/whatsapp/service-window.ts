import type Database from 'better-sqlite3';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { exec, first, type Op } from '../storage/operation.js';

/** WhatsApp's customer-service window: free-form messages only within 24 h of the citizen's last message. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

export type MessagePurpose = 'status_update' | 'payment_receipt' | 'reminder';
export const messagePurposes = ['status_update', 'payment_receipt', 'reminder'] as const;

export type ServiceWindow = { open: boolean; closesAt: number | null };

/**
 * The window at `now` for a citizen whose last inbound message was at `lastInboundAt`. A
 * citizen we have no inbound time for (no row, or erased) is treated as open: Graph is then
 * the judge, and a 131047 still turns the message into its template.
 */
export function windowAt(lastInboundAt: number | null | undefined, now: number): ServiceWindow {
  if (lastInboundAt == null) return { open: true, closesAt: null };
  return { open: now - lastInboundAt < SERVICE_WINDOW_MS, closesAt: lastInboundAt + SERVICE_WINDOW_MS };
}

const statements = new WeakMap<Database.Database, Database.Statement<[string], { at: number | null }>>();

/** Whether the window is open for a citizen at `now` (SQLite, a prepared statement: the outbox asks per send). */
export function serviceWindow(db: Db, waId: string, now: number): ServiceWindow {
  let s = statements.get(db.$client);
  if (!s) {
    s = db.$client.prepare('select last_inbound_at as at from citizens where wa_id = ?');
    statements.set(db.$client, s);
  }
  return windowAt(s.get(waId)?.at, now);
}

/** The same on the store (either database). */
export const serviceWindowOp = (waId: string, now: number): Op<ServiceWindow> =>
  function* ({ db, t }) {
    const r = yield* first(
      db.select({ at: t.citizens.lastInboundAt }).from(t.citizens).where(eq(t.citizens.waId, waId)),
    );
    return windowAt(r?.at, now);
  };

/** Tags outbound rows with what they are for, so the outbox can pick that purpose's template later. */
export function tagPurpose(db: Db, ids: number[], purpose: MessagePurpose): void {
  const s = db.$client.prepare("update messages set purpose = ? where id = ? and direction = 'out'");
  for (const id of ids) s.run(purpose, id);
}

/** The same on the store, inside the caller's transaction (`yield* tagPurposeOp(ids, purpose)(q)`). */
export const tagPurposeOp = (ids: number[], purpose: MessagePurpose): Op<number> =>
  function* ({ db, t }) {
    if (ids.length === 0) return 0;
    return yield* exec(
      db
        .update(t.messages)
        .set({ purpose })
        .where(and(inArray(t.messages.id, ids), eq(t.messages.direction, 'out'))),
    );
  };
