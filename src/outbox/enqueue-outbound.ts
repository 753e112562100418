import type Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { WAKE_CHANNELS } from '../coordination/pg-waker.js';
import type { DbTx } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import { exec, type Op, rows } from '../storage/operation.js';
import { plainText } from '../whatsapp/outbound-builders.js';
import { type OutboundMessage, outboundMessageSchema } from '../whatsapp/outbound-message.js';

export interface EnqueueOptions {
  waId: string;
  conversationId?: number | null;
  /** the inbound message answered; with seq, a replayed turn cannot queue its reply twice */
  inReplyTo?: number | null;
  turnId?: number | null;
  /** 'assistant' | 'staff:<id>' | 'system' */
  sentBy?: string;
  /** true when WhatsApp is not configured: the rows go to the chat simulator instead */
  simulated: boolean;
  now: number;
}

/** One outbox row's values: validated, the simulator's rows never queued for Graph. */
function rowValues(item: OutboundMessage, seq: number, o: EnqueueOptions) {
  const m = outboundMessageSchema.parse(item);
  return {
    waId: o.waId,
    conversationId: o.conversationId ?? null,
    direction: 'out' as const,
    kind: m.kind,
    text: plainText(m),
    payload: m,
    inReplyTo: o.inReplyTo ?? null,
    seq: o.inReplyTo == null ? null : seq,
    turnId: o.turnId ?? null,
    sentBy: o.sentBy ?? 'assistant',
    sendStatus: o.simulated ? ('simulated' as const) : ('queued' as const),
    nextAttemptAt: o.simulated ? null : o.now,
    createdAt: o.now,
    statusAt: o.now,
  };
}

/**
 * The same as an operation of the store (src/storage), for PostgreSQL and for code written on
 * the store: run it inside the caller's transaction (`yield* enqueueOutboundOp(items, o)(q)`).
 */
export const enqueueOutboundOp = (items: OutboundMessage[], o: EnqueueOptions): Op<number[]> =>
  function* ({ db, t, d }) {
    const ids: number[] = [];
    for (const [seq, item] of items.entries()) {
      const inserted = yield* rows(
        db
          .insert(t.messages)
          .values(rowValues(item, seq, o))
          .onConflictDoNothing()
          .returning({ id: t.messages.id }),
      );
      if (inserted[0]) ids.push(inserted[0].id);
    }
    // wakes the outbox of every instance at commit (none on rollback); SQLite's one process kicks its own
    if (d.name === 'postgres' && !o.simulated && ids.length > 0)
      yield* exec(db.execute(sql`select pg_notify(${WAKE_CHANNELS.outbox}, ${o.waId})`));
    return ids;
  };

/**
 * Queues outbound messages (validated against WhatsApp's limits) in the outbox.
 * Call inside the caller's transaction so the reply and the state it reports commit together.
 */
export function enqueueOutbound(db: DbTx, items: OutboundMessage[], o: EnqueueOptions): number[] {
  const client = '$client' in db ? (db.$client as Database.Database) : null;
  const insert = client ? insertStatement(client) : null;
  const ids: number[] = [];
  items.forEach((item, seq) => {
    const values = rowValues(item, seq, o);
    // the raw client takes part in any transaction open on it, as Drizzle's would
    const row = insert
      ? insert.get(
          values.waId,
          values.conversationId,
          values.kind,
          values.text,
          JSON.stringify(values.payload),
          values.inReplyTo,
          values.seq,
          values.turnId,
          values.sentBy,
          values.sendStatus,
          values.nextAttemptAt,
          values.createdAt,
          values.statusAt,
        )
      : db.insert(messages).values(values).onConflictDoNothing().returning({ id: messages.id }).get();
    if (row) ids.push(row.id);
  });
  return ids;
}

// A prepared insert per connection: a turn queues one to three replies, and building the
// statement through Drizzle each time cost more than running it.
const inserts = new WeakMap<Database.Database, Database.Statement<unknown[], { id: number }>>();
function insertStatement(client: Database.Database) {
  let s = inserts.get(client);
  if (!s) {
    s = client.prepare<unknown[], { id: number }>(
      `insert into messages (wa_id, conversation_id, direction, kind, text, payload, in_reply_to, seq, turn_id,
         sent_by, send_status, next_attempt_at, created_at, status_at)
       values (?, ?, 'out', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       on conflict do nothing returning id`,
    );
    inserts.set(client, s);
  }
  return s;
}
