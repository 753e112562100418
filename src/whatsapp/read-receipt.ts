import type { AcceptedMessage } from './ingest.js';
import { createPostJson } from './post-json.js';

export interface ReadReceiptOptions {
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
}

/** The Cloud API body that marks a message read and shows "typing…" until our reply (or 25 s). */
export function readReceiptPayload(wamid: string) {
  return {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: wamid,
    typing_indicator: { type: 'text' },
  };
}

/**
 * Read receipts with a typing indicator, sent when a citizen's turn is about to start.
 * Marking the newest message read marks the ones before it too, so one call per citizen,
 * and a citizen who writes again before their mark went out gets one mark, for the newest
 * message. At most `maxInFlight` on the wire: under a burst the marks wait (coalesced per
 * citizen, at most `maxWaiting` citizens, oldest dropped) instead of piling up in the HTTP
 * agent with a request object each; a mark that waited longer than `maxWaitMs` is dropped:
 * by then the reply is usually there, and "typing…" after it would be wrong. Replies come
 * first: under a burst these are what gives way. Best effort: a failure costs only the blue
 * ticks, never the reply.
 */
export function createReadReceipts(
  o: ReadReceiptOptions & {
    logger: { debug: (obj: unknown, msg?: string) => void };
    maxInFlight?: number;
    maxWaiting?: number;
    maxWaitMs?: number;
  },
) {
  const url = new URL(`${o.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(o.phoneNumberId)}/messages`);
  const maxInFlight = o.maxInFlight ?? 16;
  const maxWaiting = o.maxWaiting ?? 10_000;
  const maxWaitMs = o.maxWaitMs ?? 3_000;
  const post = createPostJson({ maxSockets: maxInFlight });
  const headers = { authorization: `Bearer ${o.accessToken}` };
  // wa_id → the newest inbound message not yet marked and since when the citizen waits; a Map
  // keeps the order citizens wrote in
  const waiting = new Map<string, { id: number; wamid: string; since: number }>();
  let active = 0;

  async function mark(wamid: string) {
    try {
      const res = await post(url, headers, JSON.stringify(readReceiptPayload(wamid)), o.timeoutMs ?? 10_000);
      if (res.status >= 300) o.logger.debug({ status: res.status }, 'read receipt refused');
    } catch (err) {
      o.logger.debug({ err }, 'read receipt failed');
    }
  }

  function pump() {
    const now = performance.now();
    for (const [waId, { wamid, since }] of waiting) {
      if (active >= maxInFlight) return;
      waiting.delete(waId);
      if (now - since > maxWaitMs) continue;
      active++;
      void mark(wamid).finally(() => {
        active--;
        pump();
      });
    }
  }

  return {
    /** `accepted`: inbound rows just stored; the newest per citizen is marked read, soon */
    markRead(accepted: AcceptedMessage[]): void {
      const now = performance.now();
      for (const a of accepted) {
        const prev = waiting.get(a.waId);
        if (prev === undefined) waiting.set(a.waId, { id: a.id, wamid: a.wamid, since: now });
        else if (a.id > prev.id) {
          prev.id = a.id;
          prev.wamid = a.wamid;
        }
      }
      for (const waId of waiting.keys()) {
        if (waiting.size <= maxWaiting) break;
        waiting.delete(waId);
      }
      pump();
    },
    close: () => post.close(),
  };
}
