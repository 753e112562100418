import { expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { type CommitParticipant, FLUSH_AT_WRITES, iterationCommit } from './iteration-commit.js';

const names = (db: ReturnType<typeof openDatabase>) =>
  (
    db.$client.prepare(`select name from counters where name like 'p%' order by name`).all() as {
      name: string;
    }[]
  ).map((r) => r.name);

function participant(db: ReturnType<typeof openDatabase>, name: string, write?: () => void) {
  const events: string[] = [];
  const p: CommitParticipant = {
    write: write ?? (() => db.$client.prepare(`insert into counters (name, value) values (?, 1)`).run(name)),
    committed: () => events.push(`committed, in transaction: ${db.$client.inTransaction}`),
    failed: (e) => events.push(`failed: ${(e as Error).message}`),
  };
  return { p, events };
}

const nextIteration = () => new Promise((r) => setImmediate(r));

it('writes every participant of an iteration in one transaction; one that throws rolls back alone', async () => {
  const db = openDatabase({ path: ':memory:' });
  const commit = iterationCommit(db);
  const a = participant(db, 'p1');
  const b = participant(db, 'p2', () => {
    db.$client.prepare(`insert into counters (name, value) values ('p2', 1)`).run();
    throw new Error('boom');
  });
  const c = participant(db, 'p3');
  commit.join(a.p);
  commit.join(b.p);
  commit.join(c.p);
  commit.join(a.p); // joining twice is once
  await nextIteration();
  expect([a.events, b.events, c.events]).toEqual([
    ['committed, in transaction: false'],
    ['failed: boom'],
    ['committed, in transaction: false'],
  ]);
  expect(names(db)).toEqual(['p1', 'p3']);
});

it('a failed COMMIT fails every participant of the iteration, and none of them is written', async () => {
  const db = openDatabase({ path: ':memory:' });
  db.$client.exec(`create table parent (id integer primary key);
    create table child (pid integer references parent(id) deferrable initially deferred)`);
  const commit = iterationCommit(db);
  const a = participant(db, 'p1');
  // a deferred foreign key fails at COMMIT, not at the statement: the whole iteration is refused
  const b = participant(db, 'p2', () => db.$client.prepare('insert into child (pid) values (42)').run());
  commit.join(a.p);
  commit.join(b.p);
  await nextIteration();
  expect(a.events[0]).toMatch(/^failed: FOREIGN KEY/);
  expect(b.events[0]).toMatch(/^failed: FOREIGN KEY/);
  expect(names(db)).toEqual([]);
  expect(db.$client.inTransaction).toBe(false);
});

it('is one per connection: writers created apart share it', () => {
  const db = openDatabase({ path: ':memory:' });
  expect(iterationCommit(db)).toBe(iterationCommit(db));
  expect(iterationCommit(db)).not.toBe(iterationCommit(openDatabase({ path: ':memory:' })));
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it('under a minimum interval, writes that keep coming wait for it; one after a quiet spell does not', async () => {
  const db = openDatabase({ path: ':memory:' });
  const commit = iterationCommit(db);
  commit.setMinInterval(200);
  const a = participant(db, 'p1');
  commit.join(a.p);
  // nothing was committed for longer than the interval: the next iteration commits it
  await nextIteration();
  expect(a.events).toHaveLength(1);

  const b = participant(db, 'p2');
  commit.join(b.p);
  await sleep(50);
  expect(b.events).toEqual([]); // 50 ms after the last commit: it waits
  const c = participant(db, 'p3');
  commit.join(c.p); // and what joins meanwhile shares its commit
  await sleep(250);
  expect([b.events, c.events]).toEqual([
    ['committed, in transaction: false'],
    ['committed, in transaction: false'],
  ]);
  expect(names(db)).toEqual(['p1', 'p2', 'p3']);

  await sleep(250);
  const d = participant(db, 'p4');
  commit.join(d.p);
  await nextIteration();
  expect(d.events).toHaveLength(1);
});

it('flush() commits what waits at once, and the timer it replaces writes nothing twice', async () => {
  const db = openDatabase({ path: ':memory:' });
  const commit = iterationCommit(db);
  commit.setMinInterval(1_000);
  commit.join(participant(db, 'p1').p);
  await nextIteration();
  let writes = 0;
  const b = participant(db, 'p2', () => {
    writes++;
    db.$client.prepare(`insert into counters (name, value) values ('p2', 1)`).run();
  });
  commit.join(b.p);
  commit.flush();
  expect(b.events).toEqual(['committed, in transaction: false']);
  expect(names(db)).toEqual(['p1', 'p2']);
  db.$client.close(); // a drain closes right after: nothing is left to write into a closed file
  await sleep(1_100);
  expect(writes).toBe(1);
  expect(b.events).toHaveLength(1);
});

it('refuses a negative interval', () => {
  const commit = iterationCommit(openDatabase({ path: ':memory:' }));
  expect(() => commit.setMinInterval(-1)).toThrow(RangeError);
});

it(`${FLUSH_AT_WRITES} writes waiting end the interval early: callers who wait for the commit are not held back`, async () => {
  const db = openDatabase({ path: ':memory:' });
  const commit = iterationCommit(db);
  commit.setMinInterval(1_000);
  commit.join(participant(db, 'p0').p);
  await nextIteration();
  const ps = Array.from({ length: FLUSH_AT_WRITES - 1 }, (_, i) => participant(db, `p${i + 1}`));
  for (const x of ps) commit.join(x.p);
  await sleep(20);
  expect(ps.every((x) => x.events.length === 0)).toBe(true); // one short of it: they wait
  const last = participant(db, 'plast');
  commit.join(last.p);
  await nextIteration();
  expect([...ps, last].every((x) => x.events.length === 1)).toBe(true);
  expect(names(db)).toHaveLength(FLUSH_AT_WRITES + 1);
});
