import { expect, it } from 'vitest';
import { purgeExpiredConversationsOp } from '../privacy/retention-job.js';
import { onSqlite } from '../storage/sqlite-store.js';
import { createHarness } from './harness.js';
import { seedVictim, victim } from './seed-victim.js';

const DAY = 24 * 60 * 60 * 1000;

it('purges the transcripts of conversations older than the retention period, and nothing else', async () => {
  let clock = Date.parse('2026-05-01T10:00:00Z');
  const h = createHarness({ now: () => new Date(clock) });
  seedVictim(h.db, clock);
  const old = '919812300001';
  const recent = '919812300002';
  await h.say(old, 'namaste');
  await h.say(old, 'mujhe shikayat karni hai');
  clock += 200 * DAY;
  await h.say(recent, 'namaste');

  const rows = (sql: string, ...args: unknown[]) =>
    (h.db.$client.prepare(sql).get(...args) as { n: number }).n;
  expect(rows('select count(*) as n from messages where wa_id = ?', old)).toBeGreaterThanOrEqual(4);

  expect(onSqlite(h.db, purgeExpiredConversationsOp({ days: 180, now: clock }))).toBe(1);
  expect(rows('select count(*) as n from messages where wa_id = ?', old)).toBe(0);
  expect(rows('select count(*) as n from turns where wa_id = ?', old)).toBe(0);
  expect(rows('select count(*) as n from conversations where wa_id = ?', old)).toBe(0);
  expect(rows('select count(*) as n from messages where wa_id = ?', recent)).toBeGreaterThanOrEqual(2);
  expect(rows('select count(*) as n from turns where wa_id = ?', recent)).toBe(1);
  // the department's records stay
  expect(rows('select count(*) as n from cases where reference = ?', victim.application.reference)).toBe(1);
  expect(rows('select count(*) as n from cases where reference = ?', victim.complaint.reference)).toBe(1);
  // idempotent: a second pass finds nothing more
  expect(onSqlite(h.db, purgeExpiredConversationsOp({ days: 180, now: clock }))).toBe(0);
});
