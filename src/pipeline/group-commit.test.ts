import { expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { groupCommits } from './group-commit.js';
import { createWriteLock } from './immediate-transactions.js';

const names = (db: ReturnType<typeof openDatabase>) =>
  (
    db.$client.prepare(`select name from counters where name like 't.%' order by name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

it('commits the transactions of one event-loop turn together, each rolled back alone on error', async () => {
  const db = openDatabase({ path: ':memory:' });
  let commits = 0;
  const batch = groupCommits(db, createWriteLock(), { maxMs: 10_000, onCommit: () => commits++ });
  const insert = db.$client.prepare(`insert into counters(name, value) values (?, 0)`);
  const write = db.$client.transaction((name: string, fail: boolean) => {
    insert.run(`t.${name}`);
    if (fail) throw new Error('tool failed');
  });

  write('a', false);
  expect(() => write('b', true)).toThrow('tool failed');
  // nested: the outer transaction's work and the inner one's land in the same batch
  db.$client.transaction(() => write('c', false))();
  expect({ open: batch.open, inTransaction: db.$client.inTransaction, commits }).toEqual({
    open: true,
    inTransaction: true,
    commits: 0,
  });

  await new Promise((r) => setImmediate(r));
  expect({ open: batch.open, inTransaction: db.$client.inTransaction, commits, rows: names(db) }).toEqual({
    open: false,
    inTransaction: false,
    commits: 1,
    rows: ['t.a', 't.c'],
  });
});

it('commits early once the batch is older than maxMs, never inside a nested transaction', () => {
  const db = openDatabase({ path: ':memory:' });
  let commits = 0;
  groupCommits(db, createWriteLock(), { maxMs: 0, onCommit: () => commits++ });
  const insert = db.$client.prepare(`insert into counters(name, value) values (?, 0)`);
  const inner = db.$client.transaction((name: string) => insert.run(`t.${name}`));
  db.$client.transaction(() => {
    inner('x');
    inner('y');
    expect(commits).toBe(0);
  })();
  expect({ commits, inTransaction: db.$client.inTransaction, rows: names(db) }).toEqual({
    commits: 1,
    inTransaction: false,
    rows: ['t.x', 't.y'],
  });
});
