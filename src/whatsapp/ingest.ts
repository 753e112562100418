import type Database from 'better-sqlite3';
import type { Db } from '../db/open-database.js';
import { wamidHash } from '../privacy/erase-citizen.js';
import { eventText } from './inbound-event.js';
import {
  describeWhatsAppError,
  type InboundItem,
  type StatusUpdate,
  toInboundEvents,
  toStatusUpdates,
  type WebhookEnvelope,
} from './webhook-payload.js';

/** An inbound message just stored: its row, its sender, and Meta's id (what a read receipt names). */
export interface AcceptedMessage {
  id: number;
  waId: string;
  wamid: string;
}

export interface IngestResult {
  /** inbound rows created by this delivery (duplicates excluded), in payload order */
  accepted: AcceptedMessage[];
  /** messages whose wamid was already stored: Meta's retries and duplicate deliveries */
  duplicates: number;
  /** status updates that changed an outbound row */
  statuses: number;
  /** accepted messages with a file for the media fetch job (photos, documents, voice notes) */
  media: number;
}

// A status only moves forward: a late 'delivered' after 'read' is ignored. 'failed' ranks
// with 'read' so a failure report is not overwritten, and a failure after a read is noise.
export const STATUS_RANK: Record<StatusUpdate['status'], number> = {
  sent: 1,
  delivered: 2,
  read: 3,
  failed: 3,
};
const MAX_NAME = 256;

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(client: Database.Database) {
  const insertMessage = client.prepare(
    `insert into messages (wa_id, direction, kind, text, payload, wamid, wa_timestamp, process_status, created_at)
     values (?, 'in', ?, ?, ?, ?, ?, 'pending', ?)
     on conflict(wamid) do nothing`,
  );
  const upsertCitizen = client.prepare(
    `insert into citizens (wa_id, name, last_inbound_at, created_at) values (?, ?, ?, ?)
     on conflict(wa_id) do update set
       name = coalesce(excluded.name, citizens.name),
       last_inbound_at = max(coalesce(citizens.last_inbound_at, 0), excluded.last_inbound_at)`,
  );
  const insertAttachment = client.prepare(
    `insert into attachments (wa_id, message_id, case_id, media_id, mime_type, sha256, caption, created_at)
     values (?, ?, null, ?, ?, ?, ?, ?)`,
  );
  // the media fetch job's queue: one row per Meta media id (a redelivery is the same file)
  const insertMedia = client.prepare(
    `insert into media_files (wa_id, message_id, media_id, kind, mime_type, expected_sha256, caption, file_name,
       status, attempts, next_attempt_at, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)
     on conflict(media_id) do nothing`,
  );
  // matched on the recipient too: a status naming another number must not touch this message
  const applyStatus = client.prepare(
    `update messages set send_status = ?, status_at = ?, last_error = coalesce(?, last_error)
     where wamid = ? and direction = 'out' and wa_id = ?
       and (case send_status when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 when 'failed' then 3 else 0 end) < ?`,
  );
  // an erased citizen's messages are gone, their wamids kept as hashes (src/privacy/erase-citizen.ts)
  const erasedWamid = client.prepare('select 1 from erased_wamids where wamid_hash = ?').pluck();
  /** One inbound message: durable inbox row (once per wamid), its sender, a photo as evidence. */
  const store = (item: InboundItem, now: number): { id: number; duplicate: boolean; media?: true } => {
    const { event } = item;
    // Meta's redelivery of an erased message: answered once already, and its text must not return
    if (erasedWamid.get(wamidHash(item.wamid)) !== undefined) return { id: 0, duplicate: true };
    const info = insertMessage.run(
      item.waId,
      event.kind,
      eventText(event) || null,
      // a quoted reply keeps the wamid it quotes beside the event (read by src/whatsapp/quoted-reply.ts)
      JSON.stringify(item.contextWamid ? { ...event, quotedWamid: item.contextWamid } : event),
      item.wamid,
      item.timestamp,
      now,
    );
    if (info.changes === 0) return { id: 0, duplicate: true };
    const id = Number(info.lastInsertRowid);
    // the receipt time, not Meta's timestamp: a retried delivery is still a fresh contact for us
    upsertCitizen.run(item.waId, item.name?.slice(0, MAX_NAME) ?? null, now, now);
    if (event.kind === 'image' || event.kind === 'document' || event.kind === 'audio') {
      insertMedia.run(
        item.waId,
        id,
        event.mediaId,
        event.kind,
        event.mimeType ?? null,
        event.sha256 ?? null,
        event.kind === 'audio' ? null : (event.caption ?? null),
        event.kind === 'document' ? (event.fileName ?? null) : null,
        now,
        now,
      );
    }
    const media = event.kind === 'image' || event.kind === 'document' || event.kind === 'audio';
    if (event.kind === 'image' || event.kind === 'document') {
      insertAttachment.run(
        item.waId,
        id,
        event.mediaId,
        event.mimeType ?? null,
        event.sha256 ?? null,
        event.caption ?? null,
        now,
      );
    }
    return media ? { id, duplicate: false, media } : { id, duplicate: false };
  };
  const apply = (payload: WebhookEnvelope, now: number): IngestResult => {
    const result: IngestResult = { accepted: [], duplicates: 0, statuses: 0, media: 0 };
    for (const item of toInboundEvents(payload)) {
      const stored = store(item, now);
      if (stored.duplicate) result.duplicates++;
      else {
        result.accepted.push({ id: stored.id, waId: item.waId, wamid: item.wamid });
        if (stored.media) result.media++;
      }
    }
    for (const s of toStatusUpdates(payload)) {
      const error =
        s.status === 'failed' ? (s.errors?.map(describeWhatsAppError).join('; ') ?? 'failed') : null;
      const info = applyStatus.run(
        s.status,
        s.timestamp * 1000,
        error,
        s.wamid,
        s.recipientId,
        STATUS_RANK[s.status],
      );
      result.statuses += info.changes;
    }
    return result;
  };
  return { apply, run: client.transaction(apply), store: client.transaction(store) };
}

function statementsFor(db: Db): Statements {
  let s = cache.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    cache.set(db.$client, s);
  }
  return s;
}

/**
 * Stores one webhook delivery in a single transaction: inbound messages into the durable
 * inbox (the same wamid twice is one row), the sender as a citizen, photos as attachments
 * (evidence for a complaint filed later), and delivery statuses onto our outbound rows.
 */
export function ingestWebhook(db: Db, payload: WebhookEnvelope, { now }: { now: number }): IngestResult {
  return statementsFor(db).run(payload, now);
}

/**
 * The same work without its own transaction (not even a savepoint): for a caller that
 * already holds one and rolls the whole of it back on any error (the ingest batcher).
 */
export function ingestWebhookUnwrapped(db: Db, payload: WebhookEnvelope, now: number): IngestResult {
  return statementsFor(db).apply(payload, now);
}

/**
 * Stores one inbound message from any channel (webhook, /chat, the terminal) in its own
 * transaction; the same wamid twice is stored once.
 */
export function storeInbound(db: Db, item: InboundItem, now: number): { id: number; duplicate: boolean } {
  const { id, duplicate } = statementsFor(db).store(item, now);
  return { id, duplicate };
}
