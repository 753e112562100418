import { expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { createCommitBatcher } from './commit-batcher.js';

const count = (db: ReturnType<typeof openDatabase>) =>
  (db.$client.prepare(`select count(*) as n from counters where name like 't%'`).get() as { n: number }).n;

it('commits the turns of one iteration together; a failing turn rolls back alone and gets its error', async () => {
  const db = openDatabase({ path: ':memory:' });
  const commit = createCommitBatcher(db);
  const insert = db.$client.prepare(`insert into counters (name, value) values (?, 1)`);
  const turn = (name: string, fail = false) =>
    commit(() =>
      db.transaction(() => {
        insert.run(name);
        if (fail) throw new Error(`turn ${name} failed`);
        return name;
      }),
    );
  const results = await Promise.allSettled([turn('t1'), turn('t2', true), turn('t3')]);
  expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
    't1',
    'turn t2 failed',
    't3',
  ]);
  expect(count(db)).toBe(2);
  expect(db.$client.inTransaction).toBe(false);
});

it('rejects every turn of a batch whose commit fails, and writes none of them', async () => {
  const db = openDatabase({ path: ':memory:' });
  const commit = createCommitBatcher(db);
  // a deferred foreign key fails at COMMIT, not at the statement: the whole batch is refused
  db.$client.exec(`create table parent (id integer primary key);
    create table child (pid integer references parent(id) deferrable initially deferred)`);
  const ok = commit(() => db.$client.prepare(`insert into counters (name, value) values ('t1', 1)`).run());
  const bad = commit(() => db.$client.prepare('insert into child (pid) values (42)').run());
  const results = await Promise.allSettled([ok, bad]);
  expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  expect(db.$client.inTransaction).toBe(false);
  expect(count(db)).toBe(0);
});
