import { describe, expect, it } from 'vitest';
import { first } from '../storage/operation.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { SERVICE_WINDOW_MS, serviceWindowOp, tagPurposeOp } from '../whatsapp/service-window.js';
import { enqueueOutboundOp } from './enqueue-outbound.js';
import { rowInfoOp } from './send-preparation.js';

const NOW = 1_764_000_000_000;
const A = '919800000001';

describe.each(testDialects)('send preparation reads on %s', (dialect) => {
  const store = useStore(dialect);

  it("tags a row's purpose and reads it back with its citizen's language and window", async () => {
    await store().transaction(function* ({ db, t }) {
      yield* first(
        db
          .insert(t.citizens)
          .values({ waId: A, language: 'en', lastInboundAt: NOW - SERVICE_WINDOW_MS - 1, createdAt: NOW })
          .returning({ waId: t.citizens.waId }),
      );
    });
    const [id] = await store().transaction(
      enqueueOutboundOp([{ kind: 'text', text: 'hi' }], { waId: A, simulated: false, now: NOW }),
    );
    expect(await store().transaction(tagPurposeOp([id!], 'reminder'))).toBe(1);
    expect(await store().read(rowInfoOp(id!))).toEqual({
      purpose: 'reminder',
      language: 'en',
      lastInboundAt: NOW - SERVICE_WINDOW_MS - 1,
    });
    expect(await store().read(serviceWindowOp(A, NOW))).toEqual({ open: false, closesAt: NOW - 1 });
    expect(await store().read(serviceWindowOp(A, NOW - 2))).toEqual({ open: true, closesAt: NOW - 1 });
    // no citizen row: open, Graph is the judge
    expect(await store().read(serviceWindowOp('919800000009', NOW))).toEqual({ open: true, closesAt: null });
  });
});
