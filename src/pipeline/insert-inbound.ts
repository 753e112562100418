import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { wamidHash } from '../privacy/erase-citizen.js';
import { exec, type Op, rows } from '../storage/operation.js';
import { eventText, type InboundEvent } from '../whatsapp/inbound-event.js';
import { storeInbound } from '../whatsapp/ingest.js';
import { withoutNul } from '../whatsapp/without-nul.js';

export interface InboundMessage {
  waId: string;
  name?: string | null;
  /** Meta's id; the simulator makes its own. The same wamid twice is stored once. */
  wamid: string;
  event: InboundEvent;
  /** WhatsApp's timestamp (epoch seconds) */
  timestamp?: number;
  /** the wamid of our message the citizen replied to (button and list replies carry it) */
  contextWamid?: string;
}

/** Stores a message from the simulator or the terminal exactly as a webhook delivery is stored. */
export function insertInbound(db: Db, m: InboundMessage, now: number): { id: number; duplicate: boolean } {
  return storeInbound(
    db,
    {
      waId: m.waId,
      name: m.name ?? undefined,
      wamid: m.wamid,
      event: m.event,
      timestamp: m.timestamp ?? Math.floor(now / 1000),
      ...(m.contextWamid && { contextWamid: m.contextWamid }),
    },
    now,
  );
}

const MAX_NAME = 256;

/**
 * The same store as an operation, for PostgreSQL (src/whatsapp/ingest.ts keeps SQLite's prepared
 * statements): the inbox row once per wamid, its sender as a citizen, a file for the media
 * fetch job and a photo or document as evidence. Run it as one transaction.
 */
export const insertInboundOp = (given: InboundMessage, now: number): Op<{ id: number; duplicate: boolean }> =>
  function* ({ db, t, d }) {
    // PostgreSQL cannot store U+0000 (without-nul.ts); SQLite keeps the text as it came
    const m = d.name === 'postgres' ? withoutNul(given) : given;
    const { event } = m;
    // Meta's redelivery of an erased citizen's message: a duplicate (src/privacy/erase-citizen.ts)
    const erased = yield* rows(
      db
        .select({ h: t.erasedWamids.wamidHash })
        .from(t.erasedWamids)
        .where(eq(t.erasedWamids.wamidHash, wamidHash(m.wamid))),
    );
    if (erased.length > 0) return { id: 0, duplicate: true };
    const [row] = yield* rows(
      db
        .insert(t.messages)
        .values({
          waId: m.waId,
          direction: 'in',
          kind: event.kind,
          text: eventText(event) || null,
          // a quoted reply keeps the wamid it quotes beside the event (read by src/whatsapp/quoted-reply.ts)
          payload: m.contextWamid ? { ...event, quotedWamid: m.contextWamid } : event,
          wamid: m.wamid,
          waTimestamp: m.timestamp ?? Math.floor(now / 1000),
          processStatus: 'pending',
          createdAt: now,
        })
        .onConflictDoNothing({ target: t.messages.wamid })
        .returning({ id: t.messages.id }),
    );
    if (!row) return { id: 0, duplicate: true };
    // the receipt time, not Meta's timestamp: a retried delivery is still a fresh contact for us
    yield* exec(
      db
        .insert(t.citizens)
        .values({
          waId: m.waId,
          name: m.name?.slice(0, MAX_NAME) ?? null,
          lastInboundAt: now,
          createdAt: now,
        })
        .onConflictDoUpdate({
          target: t.citizens.waId,
          set: {
            name: sql`coalesce(excluded.name, ${t.citizens.name})`,
            lastInboundAt: sql`greatest(${t.citizens.lastInboundAt}, excluded.last_inbound_at)`,
          },
        }),
    );
    if (event.kind === 'image' || event.kind === 'document' || event.kind === 'audio') {
      yield* exec(
        db
          .insert(t.mediaFiles)
          .values({
            waId: m.waId,
            messageId: row.id,
            mediaId: event.mediaId,
            kind: event.kind,
            mimeType: event.mimeType ?? null,
            expectedSha256: event.sha256 ?? null,
            caption: event.kind === 'audio' ? null : (event.caption ?? null),
            fileName: event.kind === 'document' ? (event.fileName ?? null) : null,
            status: 'pending',
            attempts: 0,
            nextAttemptAt: now,
            createdAt: now,
          })
          .onConflictDoNothing({ target: t.mediaFiles.mediaId }),
      );
    }
    if (event.kind === 'image' || event.kind === 'document') {
      yield* exec(
        db.insert(t.attachments).values({
          waId: m.waId,
          messageId: row.id,
          mediaId: event.mediaId,
          mimeType: event.mimeType ?? null,
          sha256: event.sha256 ?? null,
          caption: event.caption ?? null,
          createdAt: now,
        }),
      );
    }
    return { id: row.id, duplicate: false };
  };
