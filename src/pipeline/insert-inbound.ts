import { sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { attachments, citizens, messages } from '../db/schema.js';
import { eventText, type InboundEvent } from '../whatsapp/inbound-event.js';

export interface InboundMessage {
  waId: string;
  name?: string | null;
  /** Meta's id; the simulator makes its own. The same wamid twice is stored once. */
  wamid: string;
  event: InboundEvent;
  /** WhatsApp's timestamp (epoch seconds) */
  timestamp?: number;
}

/**
 * Stores one inbound message in the durable inbox (and a photo as evidence), idempotent on
 * wamid. Runs inside the caller's transaction when there is one; better-sqlite3 nests it.
 */
export function insertInbound(db: Db, m: InboundMessage, now: number): { id: number; duplicate: boolean } {
  return db.transaction((tx) => {
    tx.insert(citizens)
      .values({ waId: m.waId, name: m.name ?? null, lastInboundAt: now, createdAt: now })
      .onConflictDoUpdate({
        target: citizens.waId,
        set: { lastInboundAt: now, name: sql`coalesce(${m.name ?? null}, ${citizens.name})` },
      })
      .run();
    const row = tx
      .insert(messages)
      .values({
        waId: m.waId,
        direction: 'in',
        kind: m.event.kind,
        text: eventText(m.event) || null,
        payload: m.event,
        wamid: m.wamid,
        waTimestamp: m.timestamp ?? Math.floor(now / 1000),
        processStatus: 'pending',
        createdAt: now,
      })
      .onConflictDoNothing({ target: messages.wamid })
      .returning({ id: messages.id })
      .get();
    if (!row) {
      const existing = tx
        .select({ id: messages.id })
        .from(messages)
        .where(sql`${messages.wamid} = ${m.wamid}`)
        .get();
      return { id: existing?.id ?? 0, duplicate: true };
    }
    if (m.event.kind === 'image') {
      tx.insert(attachments)
        .values({
          waId: m.waId,
          messageId: row.id,
          mediaId: m.event.mediaId,
          mimeType: m.event.mimeType ?? null,
          sha256: m.event.sha256 ?? null,
          caption: m.event.caption ?? null,
          createdAt: now,
        })
        .run();
    }
    return { id: row.id, duplicate: false };
  });
}
