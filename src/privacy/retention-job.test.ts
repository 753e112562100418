import pino from 'pino';
import { expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import { startRetentionJob } from './retention-job.js';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.parse('2026-12-01T10:00:00Z');

function seed(n: number) {
  const db = openDatabase({ path: ':memory:' });
  const conv = db.$client.prepare(
    'insert into conversations (wa_id, started_at, last_message_at) values (?, ?, ?) returning id',
  );
  const msg = db.$client.prepare(
    `insert into messages (wa_id, conversation_id, direction, kind, text, created_at) values (?, ?, 'in', 'text', 'hi', ?)`,
  );
  for (let i = 0; i < n; i++) {
    const at = NOW - 400 * DAY;
    const { id } = conv.get(`91980000${i}`, at, at) as { id: number };
    msg.run(`91980000${i}`, id, at);
  }
  return db;
}

const logs = () => {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const names: Record<number, string> = { 30: 'info', 50: 'error' };
  const logger = pino(
    { level: 'info', base: null, timestamp: false },
    {
      write: (line: string) => {
        const { level, msg, err: _err, ...obj } = JSON.parse(line) as Record<string, unknown>;
        lines.push({ level: names[level as number] ?? String(level), obj, msg: String(msg) });
      },
    },
  );
  return { lines, logger };
};

it('purges in chunks with the event loop free between them, and logs the total once', async () => {
  const db = seed(7);
  const { lines, logger } = logs();
  const job = startRetentionJob({ store: sqliteStore(db), days: 180, now: () => NOW, logger, chunk: 2 });
  // only the first chunk runs at start; the rest one per loop iteration, after I/O
  expect(db.$client.prepare('select count(*) as n from conversations').get()).toEqual({ n: 5 });
  for (let i = 0; i < 20 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 1));
  job.stop();
  expect(db.$client.prepare('select count(*) as n from conversations').get()).toEqual({ n: 0 });
  expect(db.$client.prepare('select count(*) as n from messages').get()).toEqual({ n: 0 });
  expect(lines).toEqual([
    { level: 'info', obj: { conversations: 7, days: 180 }, msg: 'retention: purged old conversations' },
  ]);
});

it('a failing purge is logged, not thrown', async () => {
  const db = seed(1);
  db.$client.close();
  const { lines, logger } = logs();
  const job = startRetentionJob({ store: sqliteStore(db), days: 180, now: () => NOW, logger });
  await job.stop();
  expect(lines.map((l) => [l.level, l.msg])).toEqual([['error', 'retention job failed']]);
});
