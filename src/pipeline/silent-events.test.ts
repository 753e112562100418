import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { allTools } from '../../tools/index.js';
import { createOfflineEngine } from '../agent/offline/offline-engine.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { createPgPipeline } from './create-pg-pipeline.js';
import { createPipeline } from './create-pipeline.js';

// A tester's finding (2026-12-07): a 👍 reaction to our message, or WhatsApp's system notice,
// was answered "Sorry, I can only read text, photos and button replies" each time.
const catalogue = loadCatalogue();
const NOW = new Date('2026-11-24T05:00:00Z');
const WA = '919811115555';
const offline = createOfflineEngine({ catalogue });
const deps = {
  engine: offline,
  fallbackEngine: offline,
  tools: allTools,
  catalogue,
  now: () => NOW,
  logger: pino({ level: 'silent' }),
  settings: {
    publicBaseUrl: 'http://localhost:3000',
    upi: { payeeVpa: 'demo@upi', payeeName: 'Demo' },
    fees: defaultFeeSchedule,
    simulated: true,
    rateLimitPerMinute: 30,
  },
};

const open: { close: (o?: { timeoutMs?: number }) => Promise<boolean> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close({ timeoutMs: 1_000 })));
});

describe.each(testDialects)('events that ask nothing, on %s', (dialect) => {
  const store = useStore(dialect);

  function pipelineOn(s: SqliteStore | PgStore) {
    const p =
      s.dialect === 'sqlite'
        ? createPipeline({ ...deps, db: (s as SqliteStore).db, store: s })
        : createPgPipeline({ ...deps, store: s as PgStore, instanceId: 'a', sweepMs: 50 });
    open.push(p);
    let n = 0;
    return async (event: InboundEvent) => {
      await p.receive({ waId: WA, wamid: `wamid.silent.${++n}`, event });
      p.kick(WA);
      await p.idle();
      return s.read(function* ({ db, t }) {
        const all = yield* rows(
          db.select({ waId: t.messages.waId, direction: t.messages.direction }).from(t.messages),
        );
        return all.filter((m) => m.waId === WA && m.direction === 'out').length;
      });
    };
  }

  it('a reaction or a system notice is stored and not answered; a sticker still is', async () => {
    const s = store();
    const send = pipelineOn(s);
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
