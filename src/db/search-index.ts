import type Database from 'better-sqlite3';
import type { Db } from './open-database.js';

type Statements = ReturnType<typeof prepare>;
const cache = new WeakMap<Database.Database, Statements>();

function prepare(client: Database.Database) {
  const last = client.prepare(`select value from counters where name = 'search_indexed_id'`);
  const max = client.prepare('select coalesce(max(id), 0) as id from messages');
  // the chunk's last id: the limit-th message after the mark (or the newest)
  const upTo = client.prepare(
    'select max(id) as id from (select id from messages where id > ? order by id limit ?)',
  );
  const index = client.prepare(
    'insert into messages_fts(rowid, text) select id, text from messages where id > ? and id <= ? and text is not null',
  );
  const mark = client.prepare(
    `insert into counters(name, value) values ('search_indexed_id', ?) on conflict(name) do update set value = excluded.value`,
  );
  const sync = client.transaction((limit: number) => {
    const from = (last.get() as { value: number } | undefined)?.value ?? 0;
    const to = Number.isFinite(limit)
      ? ((upTo.get(from, limit) as { id: number | null }).id ?? from)
      : (max.get() as { id: number }).id;
    if (to <= from) return { indexed: 0, done: true };
    const info = index.run(from, to);
    mark.run(to);
    return { indexed: info.changes, done: to >= (max.get() as { id: number }).id };
  });
  return { sync };
}

function statements(db: Db): Statements {
  let s = cache.get(db.$client);
  if (!s) {
    s = prepare(db.$client);
    cache.set(db.$client, s);
  }
  return s;
}

/**
 * Brings the full-text index (messages_fts) up to date with messages added since the last
 * call, at most `limit` messages (all by default). Batching this keeps the webhook's insert
 * cheap; callers that search call it first, so a search always sees every message.
 * Returns how many messages were indexed.
 */
export function syncSearchIndex(db: Db, limit = Number.POSITIVE_INFINITY): number {
  return statements(db).sync(limit).indexed;
}

/**
 * Indexes in the background in chunks of `chunk` messages, one short transaction each,
 * yielding to the event loop between chunks: a backlog of thousands of messages never
 * holds the webhook for more than one chunk's few milliseconds.
 */
export function startSearchIndexer({
  db,
  everyMs = 5_000,
  chunk = 200,
  onError,
}: {
  db: Db;
  everyMs?: number;
  chunk?: number;
  onError: (err: unknown) => void;
}) {
  let stopped = false;
  let running = false;
  const pass = () => {
    if (stopped) {
      running = false;
      return;
    }
    try {
      if (statements(db).sync(chunk).done) {
        running = false;
        return;
      }
    } catch (err) {
      running = false;
      onError(err);
      return;
    }
    setImmediate(pass);
  };
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    pass();
  }, everyMs);
  timer.unref();
  return {
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
  };
}
