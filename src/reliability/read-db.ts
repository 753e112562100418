import Database from 'better-sqlite3';

/**
 * A read-only look at a database another process is writing (WAL lets both proceed).
 * Raw SQL on purpose: the tests check the rows themselves, not our query helpers.
 */
export function readDb(path: string) {
  const client = new Database(path, { readonly: true, fileMustExist: true });
  client.pragma('busy_timeout = 2000');
  return {
    all: <T>(sql: string, ...params: unknown[]) => client.prepare(sql).all(...params) as T[],
    get: <T>(sql: string, ...params: unknown[]) => client.prepare(sql).get(...params) as T,
    close: () => client.close(),
  };
}

/** Inbound rows not yet processed plus outbound rows not yet sent (or failed). */
export function backlog(path: string): number {
  const db = readDb(path);
  try {
    return db.get<{ n: number }>(
      `select (select count(*) from messages where direction = 'in' and process_status = 'pending')
            + (select count(*) from messages where direction = 'out' and send_status in ('queued', 'sending')) as n`,
    ).n;
  } finally {
    db.close();
  }
}

/** Polls until nothing is pending or queued; false when `timeoutMs` passed first. */
export async function waitForQuiet(path: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (backlog(path) === 0) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
