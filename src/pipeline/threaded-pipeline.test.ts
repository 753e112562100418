import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open-database.js';
import { createLogger } from '../logging/create-logger.js';
import { createWriteLock, preferImmediateTransactions } from './immediate-transactions.js';
import { createThreadedPipeline } from './threaded-pipeline.js';

// A real worker thread on a real file (a second connection is the point): messages stored
// here are answered there, in order per citizen, and close() drains before it resolves.
it('answers on the worker thread what the webhook thread stored, then drains on close', async () => {
  const config = loadConfig({
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'sahayak-threaded-')), 'db.sqlite'),
  });
  const db = openDatabase({ path: config.databasePath });
  const writeLock = createWriteLock();
  preferImmediateTransactions(db, writeLock);
  let wakes = 0;
  const pipeline = createThreadedPipeline({
    db,
    config,
    writeLock,
    logger: createLogger({ level: 'silent' }),
    onOutbound: () => wakes++,
  });
  const said = [
    ['sim919800000001', 'namaste'],
    ['sim919800000002', 'hello'],
    ['sim919800000001', 'birth certificate chahiye'],
  ];
  said.forEach(([waId, text], i) => {
    pipeline.receive({ waId, wamid: `w${i}`, event: { kind: 'text', text } });
    pipeline.kick(waId);
  });
  await pipeline.idle();

  const inbound = db.$client
    .prepare(
      `select wa_id as waId, process_status as status from messages where direction = 'in' order by id`,
    )
    .all();
  expect(inbound).toEqual(said.map(([waId]) => ({ waId, status: 'done' })));
  const answered = db.$client
    .prepare(`select count(distinct in_reply_to) as n from messages where direction = 'out'`)
    .get() as { n: number };
  expect(answered.n).toBe(3);
  expect(wakes).toBeGreaterThan(0);

  pipeline.receive({ waId: 'sim919800000002', wamid: 'late', event: { kind: 'text', text: 'late' } });
  await pipeline.close();
  pipeline.kick('sim919800000002'); // after close: ignored, left pending for the next start
  expect(pipeline.recover()).toBe(1);
  db.$client.close();
});
