import pg from 'pg';
import type { Queryable } from './pg-queryable.js';

/** Channels instances wake each other on: a message to process, a reply to send. */
export const WAKE_CHANNELS = { inbox: 'sahayak_inbox', outbox: 'sahayak_outbox' } as const;
export type WakeChannel = (typeof WAKE_CHANNELS)[keyof typeof WAKE_CHANNELS];

/**
 * Wakes the instances listening on `channel`. Inside a transaction the notification goes
 * out at commit (and not at all on rollback), so no instance looks before the row is there.
 * `payload` is a hint (a citizen's wa_id, at most 8000 bytes); listeners must not rely on it.
 */
export async function notifyWake(q: Queryable, channel: WakeChannel, payload = ''): Promise<void> {
  await q.query('select pg_notify($1, $2)', [channel, payload]);
}

/**
 * Calls `onWake` when another instance notifies a channel (LISTEN on a connection of its
 * own: a listening session cannot go back to a pool), and every `pollMs` regardless: a
 * notification sent while the connection was down is lost, so polling is the guarantee and
 * NOTIFY only the shortcut. A lost connection is made again after `reconnectMs`, followed
 * by one wake, to catch up with what was missed.
 */
export function createPgWaker({
  url,
  channels,
  onWake,
  onError,
  pollMs = 1_000,
  reconnectMs = 500,
}: {
  url: string;
  channels: readonly WakeChannel[];
  onWake: (channel: WakeChannel | 'poll', payload: string) => void;
  onError: (err: unknown) => void;
  pollMs?: number;
  reconnectMs?: number;
}) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const poll = setInterval(() => onWake('poll', ''), pollMs);
  poll.unref();

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: 'sahayak-waker' });
    let lost = false;
    const reconnect = (err?: unknown) => {
      if (lost) return;
      lost = true;
      if (client === c) client = undefined;
      c.end().catch(() => undefined);
      if (stopped) return;
      if (err) onError(err);
      retry = setTimeout(() => {
        retry = undefined;
        connect().then(
          () => onWake('poll', ''),
          () => undefined,
        );
      }, reconnectMs);
      retry.unref();
    };
    c.on('error', reconnect);
    c.on('end', () => reconnect());
    c.on('notification', (n) => onWake(n.channel as WakeChannel, n.payload ?? ''));
    try {
      await c.connect();
      for (const ch of channels) await c.query(`listen ${pg.escapeIdentifier(ch)}`);
      if (stopped) {
        await c.end();
        return;
      }
      client = c;
    } catch (err) {
      reconnect(err);
      throw err;
    }
  }

  return {
    /** listens (resolves once listening; a first failure is retried in the background and rejects here) */
    start: () => connect(),
    /** whether the LISTEN connection is up right now (else only polling wakes) */
    listening: () => client !== undefined,
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(poll);
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
