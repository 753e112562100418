import { and, eq, lt, sql } from 'drizzle-orm';
import { insertInboundOp } from '../pipeline/insert-inbound.js';
import { exec, type Op } from '../storage/operation.js';
import { type IngestResult, STATUS_RANK } from './ingest.js';
import {
  describeWhatsAppError,
  toInboundEvents,
  toStatusUpdates,
  type WebhookEnvelope,
} from './webhook-payload.js';

const MEDIA_KINDS = new Set(['image', 'document', 'audio']);

/**
 * One webhook delivery as a store operation, for PostgreSQL (src/whatsapp/ingest.ts keeps
 * SQLite's prepared statements and its group commit). Run it as one transaction: the inbox
 * rows (once per wamid, whichever instance got the delivery first: the unique index decides),
 * their senders, files for the media fetch job, and the delivery statuses of our replies.
 */
export const ingestWebhookOp = (payload: WebhookEnvelope, now: number): Op<IngestResult> =>
  function* (q) {
    const { db, t } = q;
    const result: IngestResult = { accepted: [], duplicates: 0, statuses: 0, media: 0 };
    for (const item of toInboundEvents(payload)) {
      const stored = yield* insertInboundOp(item, now)(q);
      if (stored.duplicate) result.duplicates++;
      else {
        result.accepted.push({ id: stored.id, waId: item.waId, wamid: item.wamid });
        if (MEDIA_KINDS.has(item.event.kind)) result.media++;
      }
    }
    // A status only moves forward: a late 'delivered' after 'read' is ignored; 'failed' ranks
    // with 'read' so a failure report is not overwritten (the same rule as ingest.ts).
    const rank = sql`(case ${t.messages.sendStatus} when 'sent' then 1 when 'delivered' then 2 when 'read' then 3 when 'failed' then 3 else 0 end)`;
    for (const s of toStatusUpdates(payload)) {
      const error =
        s.status === 'failed' ? (s.errors?.map(describeWhatsAppError).join('; ') ?? 'failed') : null;
      result.statuses += yield* exec(
        db
          .update(t.messages)
          .set({
            sendStatus: s.status,
            statusAt: s.timestamp * 1000,
            lastError: sql`coalesce(${error}, ${t.messages.lastError})`,
          })
          // matched on the recipient too: a status naming another number must not touch this message
          .where(
            and(
              eq(t.messages.wamid, s.wamid),
              eq(t.messages.direction, 'out'),
              eq(t.messages.waId, s.recipientId),
              lt(rank, STATUS_RANK[s.status]),
            ),
          ),
      );
    }
    return result;
  };
