import { describe, expect, it } from 'vitest';
import { rows } from '../storage/operation.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { text } from '../whatsapp/outbound-builders.js';
import { enqueueOutboundOp } from './enqueue-outbound.js';

describe.each(testDialects)('enqueueOutboundOp on %s', (dialect) => {
  const store = useStore(dialect);

  it('queues each reply once: a replayed turn (same inbound, same seq) adds nothing', async () => {
    const s = store();
    const o = { waId: '919800000001', inReplyTo: 7, simulated: false, now: 1_000 };
    const first = await s.transaction(enqueueOutboundOp([...text('one'), ...text('two')], o));
    expect(first).toHaveLength(2);
    const again = await s.transaction(enqueueOutboundOp([...text('one'), ...text('two')], o));
    expect(again).toEqual([]);
    const stored = await s.read(function* ({ db, t }) {
      return yield* rows(db.select().from(t.messages).orderBy(t.messages.id));
    });
    expect(stored.map((r) => [r.text, r.sendStatus, r.seq, r.nextAttemptAt])).toEqual([
      ['one', 'queued', 0, 1_000],
      ['two', 'queued', 1, 1_000],
    ]);
  });

  it('rejects a message WhatsApp would refuse, and the transaction writes none of the batch', async () => {
    const s = store();
    const bad = [...text('fine'), { kind: 'sticker-of-nothing' } as never];
    await expect(
      s.transaction(enqueueOutboundOp(bad, { waId: '919800000002', simulated: true, now: 1 })),
    ).rejects.toThrow();
    const stored = await s.read(function* ({ db, t }) {
      return yield* rows(db.select().from(t.messages));
    });
    expect(stored).toEqual([]);
  });
});
