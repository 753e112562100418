import pg from 'pg';
import { readDb } from '../../src/reliability/read-db.js';

/**
 * What a benchmark run reads back after the servers stopped, from whichever database they
 * ran on. Raw SQL that both dialects accept; counts come back as numbers either way
 * (node-postgres returns bigint counts as strings).
 */
export interface ResultDb {
  all<T>(sql: string): Promise<T[]>;
  /** rows whose count columns are converted to numbers */
  count(sql: string): Promise<number>;
  close(): Promise<void>;
}

export type RunDatabase = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export async function openResultDb(d: RunDatabase): Promise<ResultDb> {
  if (d.kind === 'sqlite') {
    const db = readDb(d.path);
    return {
      all: async <T>(sql: string) => db.all<T>(sql),
      count: async (sql) => Number(Object.values(db.get<Record<string, unknown>>(sql))[0] ?? 0),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: d.url });
  await client.connect();
  return {
    all: async <T>(sql: string) => (await client.query(sql)).rows as T[],
    count: async (sql) => Number(Object.values((await client.query(sql)).rows[0] ?? {})[0] ?? 0),
    close: () => client.end(),
  };
}

/** Inbound rows not yet processed plus outbound rows not yet sent (or failed). */
const BACKLOG = `select (select count(*) from messages where direction = 'in' and process_status = 'pending')
  + (select count(*) from messages where direction = 'out' and send_status in ('queued', 'sending')) as n`;

/** Polls until nothing is pending or queued; false when `timeoutMs` passed first. */
export async function waitForQuietDb(d: RunDatabase, timeoutMs: number): Promise<boolean> {
  const db = await openResultDb(d);
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await db.count(BACKLOG)) === 0) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  } finally {
    await db.close();
  }
}
