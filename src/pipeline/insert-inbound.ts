import type { Db } from '../db/open-database.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { storeInbound } from '../whatsapp/ingest.js';

export interface InboundMessage {
  waId: string;
  name?: string | null;
  /** Meta's id; the simulator makes its own. The same wamid twice is stored once. */
  wamid: string;
  event: InboundEvent;
  /** WhatsApp's timestamp (epoch seconds) */
  timestamp?: number;
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
    },
    now,
  );
}
