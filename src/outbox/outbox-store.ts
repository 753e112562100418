import type Database from 'better-sqlite3';

/** a claimed row as SQLite returns it: the payload still JSON text */
export interface StoredRow {
  id: number;
  waId: string;
  payload: string;
  attempts: number;
}

// How far one pass looks down the due list for sendable rows: a citizen with a long
// backlog cannot hide every other citizen's rows behind its own blocked ones.
const MAX_SCAN = 2000;

/** The outbox's SQL: claiming rows in per-citizen order and recording each send's outcome. */
export function createOutboxStore(client: Database.Database) {
  const q = {
    // index order (send_status, next_attempt_at, rowid): no sort, however long the backlog
    due: client.prepare(
      `select id, wa_id as waId from messages where send_status = 'queued' and next_attempt_at <= ?
       order by next_attempt_at, id`,
    ),
    // rows whose sender's lease ran out (a crash, a kill mid-send): the same index, usually empty
    expired: client.prepare(
      `select id, wa_id as waId from messages where send_status = 'sending' and next_attempt_at <= ?
       order by next_attempt_at, id`,
    ),
    // the citizen's oldest unfinished row: the only one that may be sent next
    head: client.prepare(
      `select id, send_status as status, next_attempt_at as at from messages
       where wa_id = ? and send_status in ('queued', 'sending') order by id limit 1`,
    ),
    // a claim is a lease: while next_attempt_at is ahead, no one else sends the row
    claim: client.prepare(
      `update messages set send_status = 'sending', status_at = ?, next_attempt_at = ?
       where id = ? and (send_status = 'queued' or (send_status = 'sending' and coalesce(next_attempt_at, 0) <= ?))
       returning id, wa_id as waId, payload, attempts`,
    ),
    sent: client.prepare(
      `update messages set send_status = 'sent', wamid = ?, attempts = ?, status_at = ?, next_attempt_at = null,
         last_error = null
       where id = ? and send_status = 'sending'`,
    ),
    retry: client.prepare(
      `update messages set send_status = 'queued', attempts = ?, next_attempt_at = ?, last_error = ?
       where id = ? and send_status = 'sending'`,
    ),
    // a claimed row not sent after all (the worker is stopping): back in line, no attempt spent
    release: client.prepare(
      `update messages set send_status = 'queued', next_attempt_at = ? where id = ? and send_status = 'sending'`,
    ),
    fail: client.prepare(
      `update messages set send_status = 'failed', attempts = ?, last_error = ?, status_at = ?, next_attempt_at = null
       where id = ? and send_status = 'sending'`,
    ),
    nextDue: client.prepare(
      `select min(at) as at from (
         select min(next_attempt_at) as at from messages where send_status = 'queued'
         union all select min(next_attempt_at) from messages where send_status = 'sending')`,
    ),
    // only expired leases (or rows from before leases, without one): a row another process
    // is sending right now keeps its lease and is not sent twice
    recover: client.prepare(
      `update messages set send_status = 'queued', next_attempt_at = ?
       where send_status = 'sending' and direction = 'out' and (next_attempt_at is null or next_attempt_at <= ?)`,
    ),
  };
  /**
   * Leases up to `limit` rows ('queued', or 'sending' with an expired lease → 'sending'
   * until now + leaseMs): per citizen only the oldest unsent row, and none for citizens in
   * `busy` (a send in flight here). One transaction for the whole batch.
   */
  const claim = client.transaction(
    (limit: number, now: number, busy: ReadonlySet<string>, leaseMs: number): StoredRow[] => {
      const seen = new Set<string>(busy);
      const candidates: { id: number; waId: string }[] = [];
      let scanned = 0;
      const scan = (rows: IterableIterator<{ id: number; waId: string }>) => {
        for (const row of rows) {
          if (++scanned > MAX_SCAN || candidates.length >= limit * 2) return;
          if (seen.has(row.waId)) continue;
          seen.add(row.waId);
          candidates.push(row);
        }
      };
      scan(q.expired.iterate(now) as IterableIterator<{ id: number; waId: string }>);
      scan(q.due.iterate(now) as IterableIterator<{ id: number; waId: string }>);
      const claimed: StoredRow[] = [];
      for (const c of candidates) {
        if (claimed.length >= limit) break;
        // the due row may sit behind an older one in retry backoff or under a live lease
        // (or the other way round: a retried head now due behind rows queued earlier): only
        // the head goes, and only once its time (backoff or lease) has come
        const head = q.head.get(c.waId) as { id: number; status: string; at: number | null } | undefined;
        if (!head || (head.at ?? 0) > now) continue;
        const row = q.claim.get(now, now + leaseMs, head.id, now) as StoredRow | undefined;
        if (row) claimed.push(row);
      }
      return claimed;
    },
  );

  return {
    claim,
    markSent: (id: number, wamid: string, attempts: number, now: number) =>
      q.sent.run(wamid, attempts, now, id),
    markRetry: (id: number, attempts: number, at: number, error: string) =>
      q.retry.run(attempts, at, error, id),
    release: (id: number, now: number) => q.release.run(now, id),
    markFailed: (id: number, attempts: number, error: string, now: number) =>
      q.fail.run(attempts, error, now, id),
    nextDue: () => (q.nextDue.get() as { at: number | null }).at,
    recover: (now: number) => q.recover.run(now, now).changes,
    /** runs writes together in one transaction: one commit for many send outcomes */
    batch: client.transaction((writes: (() => unknown)[]) => {
      for (const w of writes) w();
    }),
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
