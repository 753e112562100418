import type { Db } from '../db/open-database.js';
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
 * Marking the newest message read marks the ones before it too, so one call per citizen.
 * Best effort: a failure costs only the blue ticks, never the reply.
 */
export function createReadReceipts(
  o: ReadReceiptOptions & { db: Db; logger: { debug: (obj: unknown, msg?: string) => void } },
) {
  const url = new URL(`${o.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(o.phoneNumberId)}/messages`);
  const post = createPostJson({ maxSockets: 8 });
  const headers = { authorization: `Bearer ${o.accessToken}` };
  const wamidOf = o.db.$client.prepare("select wamid from messages where id = ? and direction = 'in'");
  return {
    /** `accepted`: inbound rows just stored; the newest per citizen is marked read */
    markRead(accepted: { id: number; waId: string }[]): Promise<void> {
      const newest = new Map<string, number>();
      for (const a of accepted) newest.set(a.waId, Math.max(newest.get(a.waId) ?? 0, a.id));
      const sends = [...newest.values()].map(async (id) => {
        const wamid = (wamidOf.get(id) as { wamid: string | null } | undefined)?.wamid;
        if (!wamid) return;
        try {
          const res = await post(
            url,
            headers,
            JSON.stringify(readReceiptPayload(wamid)),
            o.timeoutMs ?? 10_000,
          );
          if (res.status >= 300) o.logger.debug({ status: res.status }, 'read receipt refused');
        } catch (err) {
          o.logger.debug({ err }, 'read receipt failed');
        }
      });
      return Promise.all(sends).then(() => {});
    },
    close: () => post.close(),
  };
}
