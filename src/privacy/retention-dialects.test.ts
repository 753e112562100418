import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { exec, type Op, rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { runRetention, startRetentionJob } from './retention-job.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T10:00:00Z');
const silent = pino({ level: 'silent' });

/** `n` conversations last active `ageDays` ago, each with a message, a turn and a filed photo on the first */
const seed = (prefix: string, n: number, ageDays: number): Op<void> =>
  function* ({ db, t }) {
    const at = NOW - ageDays * DAY;
    for (let i = 0; i < n; i++) {
      const waId = `${prefix}${String(i).padStart(4, '0')}`;
      const [c] = yield* rows(
        db
          .insert(t.conversations)
          .values({ waId, startedAt: at, lastMessageAt: at })
          .returning({ id: t.conversations.id }),
      );
      const [m] = yield* rows(
        db
          .insert(t.messages)
          .values({ waId, conversationId: c.id, direction: 'in', kind: 'text', text: 'hi', createdAt: at })
          .returning({ id: t.messages.id }),
      );
      yield* exec(
        db.insert(t.turns).values({
          inboundId: m.id,
          conversationId: c.id,
          waId,
          engine: 'offline',
          language: 'en',
          steps: [],
          latencyMs: 1,
          promptTokens: 0,
          completionTokens: 0,
          createdAt: at,
        } as never),
      );
    }
  };
const waIdsOf = (table: 'conversations' | 'messages' | 'turns'): Op<string[]> =>
  function* ({ db, t }) {
    const tb = t[table] as typeof t.messages;
    return (yield* rows(db.select({ waId: tb.waId }).from(tb))).map((r) => r.waId).sort();
  };

describe.each(testDialects)('retention on %s', (dialect) => {
  const store = useStore(dialect);

  it('deletes the transcripts of conversations silent past the period, in chunks, and nothing newer', async () => {
    const s = store();
    await s.transaction(seed('9190', 7, 400));
    await s.transaction(seed('9191', 2, 10));
    expect(await runRetention({ store: s, days: 180, now: () => NOW, logger: silent, chunk: 3 })).toBe(7);
    for (const table of ['conversations', 'messages', 'turns'] as const)
      expect(await s.read(waIdsOf(table)), table).toEqual(['91910000', '91910001']);
  });

  if (dialect === 'postgres')
    it('two instances scheduling it at once: one runs it, the other skips (advisory lock)', async () => {
      const s = store() as PgStore;
      await s.transaction(seed('9192', 60, 400));
      const passes: string[] = [];
      const logger = {
        info: (o: unknown) => passes.push(JSON.stringify(o)),
        error: (o: unknown) => passes.push(`error ${String(o)}`),
      } as never;
      const a = startRetentionJob({ store: s, days: 180, now: () => NOW, logger, chunk: 5, everyMs: 60_000 });
      const b = startRetentionJob({ store: s, days: 180, now: () => NOW, logger, chunk: 5, everyMs: 60_000 });
      await Promise.all([a.stop(), b.stop()]);
      expect(await s.read(waIdsOf('conversations'))).toEqual([]);
      // one purge of all 60, logged once: the other instance found the lock taken
      expect(passes).toEqual([JSON.stringify({ conversations: 60, days: 180 })]);
    });
});
