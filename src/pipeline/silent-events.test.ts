import { describe, expect, it } from 'vitest';
import { rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { usePipelines } from '../testing/pipeline-on-store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';

// A tester's finding (2026-12-07): a 👍 reaction to our message, or WhatsApp's system notice,
// was answered "Sorry, I can only read text, photos and button replies" each time.
const NOW = new Date('2026-11-24T05:00:00Z');
const WA = '919811115555';

describe.each(testDialects)('events that ask nothing, on %s', (dialect) => {
  const store = useStore(dialect);

  const pipelineOn = usePipelines(NOW);
  const sender = (s: SqliteStore | PgStore) => {
    const deliver = pipelineOn(s);
    let n = 0;
    return async (event: InboundEvent) => {
      await deliver(WA, `wamid.silent.${++n}`, event);
      return s.read(function* ({ db, t }) {
        const all = yield* rows(
          db.select({ waId: t.messages.waId, direction: t.messages.direction }).from(t.messages),
        );
        return all.filter((m) => m.waId === WA && m.direction === 'out').length;
      });
    };
  };

  it('a reaction or a system notice is stored and not answered; a sticker still is', async () => {
    const s = store();
    const send = sender(s);
    const first = await send({ kind: 'text', text: 'hello' });
    expect(first).toBeGreaterThan(0);
    expect(await send({ kind: 'unsupported', type: 'reaction' })).toBe(first);
    expect(await send({ kind: 'unsupported', type: 'system' })).toBe(first);
    expect(await send({ kind: 'unsupported', type: 'sticker' })).toBe(first + 1);
    const stored = await s.read(function* ({ db, t }) {
      return yield* rows(
        db.select({ kind: t.messages.kind, direction: t.messages.direction }).from(t.messages),
      );
    });
    expect(stored.filter((m) => m.direction === 'in' && m.kind === 'unsupported')).toHaveLength(3);
  });
});
