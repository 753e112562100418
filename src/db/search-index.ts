import type { Db } from './open-database.js';

/**
 * Brings the full-text index (messages_fts) up to date with messages added since the last
 * call. Batching this keeps the webhook's insert cheap; callers that search call it first,
 * so a search always sees every message. Returns how many messages were indexed.
 */
export function syncSearchIndex(db: Db): number {
  const client = db.$client;
  return client.transaction(() => {
    const last =
      (
        client.prepare(`select value from counters where name = 'search_indexed_id'`).get() as
          | { value: number }
          | undefined
      )?.value ?? 0;
    const max = (client.prepare('select coalesce(max(id), 0) as id from messages').get() as { id: number })
      .id;
    if (max <= last) return 0;
    const info = client
      .prepare(
        'insert into messages_fts(rowid, text) select id, text from messages where id > ? and id <= ? and text is not null',
      )
      .run(last, max);
    client
      .prepare(
        `insert into counters(name, value) values ('search_indexed_id', ?) on conflict(name) do update set value = excluded.value`,
      )
      .run(max);
    return info.changes;
  })();
}
