import { sql } from 'drizzle-orm';
import type { DbTx } from '../db/open-database.js';
import { messages } from '../db/schema.js';
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

/**
 * Queues outbound messages (validated against WhatsApp's limits) in the outbox.
 * Call inside the caller's transaction so the reply and the state it reports commit together.
 */
export function enqueueOutbound(db: DbTx, items: OutboundMessage[], o: EnqueueOptions): number[] {
  const ids: number[] = [];
  items.forEach((item, seq) => {
    const m = outboundMessageSchema.parse(item);
    const row = db
      .insert(messages)
      .values({
        waId: o.waId,
        conversationId: o.conversationId ?? null,
        direction: 'out',
        kind: m.kind,
        text: plainText(m),
        payload: m,
        inReplyTo: o.inReplyTo ?? null,
        seq: o.inReplyTo == null ? null : seq,
        turnId: o.turnId ?? null,
        sentBy: o.sentBy ?? 'assistant',
        sendStatus: o.simulated ? 'simulated' : 'queued',
        nextAttemptAt: o.simulated ? null : o.now,
        createdAt: o.now,
        statusAt: o.now,
      })
      .onConflictDoNothing()
      .returning({ id: messages.id })
      .get();
    if (row) ids.push(row.id);
  });
  return ids;
}

/** Outbound rows waiting to be sent, oldest first. */
export function dueOutbound(db: DbTx, now: number, limit = 50) {
  return db.all<{ id: number }>(
    sql`select id from messages where send_status = 'queued' and next_attempt_at <= ${now} order by id limit ${limit}`,
  );
}
