import { expect, it } from 'vitest';
import { openDatabase } from './open-database.js';
import { startSearchIndexer, syncSearchIndex } from './search-index.js';

function withMessages(n: number) {
  const db = openDatabase({ path: ':memory:' });
  const insert = db.$client.prepare(
    `insert into messages (wa_id, direction, kind, text, created_at) values ('919800000001', 'in', 'text', ?, 0)`,
  );
  for (let i = 0; i < n; i++) insert.run(`message number ${i} about a birth certificate`);
  return db;
}
const hits = (db: ReturnType<typeof openDatabase>, q: string) =>
  (
    db.$client.prepare('select count(*) as n from messages_fts where messages_fts match ?').get(q) as {
      n: number;
    }
  ).n;

it('indexes at most `limit` messages a call, and everything without a limit', () => {
  const db = withMessages(25);
  expect(syncSearchIndex(db, 10)).toBe(10);
  expect(hits(db, 'birth')).toBe(10);
  expect(syncSearchIndex(db)).toBe(15);
  expect(syncSearchIndex(db)).toBe(0);
  expect(hits(db, 'birth')).toBe(25);
});

it('the background indexer catches up chunk by chunk, yielding between chunks', async () => {
  const db = withMessages(50);
  const job = startSearchIndexer({ db, everyMs: 1, chunk: 20, onError: (err) => expect.fail(String(err)) });
  for (let i = 0; i < 100 && hits(db, 'birth') < 50; i++) await new Promise((r) => setTimeout(r, 2));
  job.stop();
  expect(hits(db, 'birth')).toBe(50);
});
