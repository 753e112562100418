import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../i18n/catalogue.js';
import { exec, type Op, rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { usePipelines } from '../testing/pipeline-on-store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import {
  ERASED_WAMID_DAYS,
  ERASURE_REPLY_GRACE_MS,
  forgetErasedWamidsOp,
  forgetErasureRepliesOp,
  isErasedWaId,
} from './erase-citizen.js';

const catalogue = loadCatalogue();
const NOW = new Date('2026-11-24T05:00:00Z');
const WA = '919811112222';
const OTHER = '919833334444';
const pipelines = usePipelines(NOW);

function pipelineOn(store: SqliteStore | PgStore) {
  return pipelineWith(store).say;
}

function pipelineWith(store: SqliteStore | PgStore) {
  const run = pipelines(store);
  let n = 0;
  const deliver = (waId: string, wamid: string, text: string) => run(waId, wamid, { kind: 'text', text });
  const say = (waId: string, text: string) => deliver(waId, `wamid.erase.${waId}.${++n}`, text);
  return { say, deliver };
}

/** A case the citizen filed earlier (the department keeps it) and a payment for it. */
const fileCase = (waId: string): Op<void> =>
  function* ({ db, t }) {
    yield* exec(
      db.insert(t.cases).values({
        service: 'income_certificate',
        reference: `IC-2026-${waId.slice(-6)}`,
        status: 'submitted',
        waId,
        language: 'en',
        fields: { applicantName: 'Qzxv Kumar' },
        createdAt: NOW.getTime(),
        updatedAt: NOW.getTime(),
        statusAt: NOW.getTime(),
      } as never),
    );
  };

const countWhere = (
  table: 'messages' | 'citizens' | 'turns' | 'conversations' | 'dialogueStates' | 'cases',
  waId: string,
): Op<number> =>
  function* ({ db, t }) {
    const tb = t[table] as typeof t.messages;
    return (yield* rows(db.select({ waId: tb.waId }).from(tb))).filter((r) => r.waId === waId).length;
  };

describe.each(testDialects)('erasure on %s', (dialect) => {
  const store = useStore(dialect);

  it('"delete my data" then yes: nothing with the number is left but the reply saying so; filed cases stay under a pseudonym', async () => {
    const s = store();
    const say = pipelineOn(s);
    await s.transaction(fileCase(WA));
    await say(WA, 'hello');
    await say(OTHER, 'hello');
    await say(WA, 'delete my data');
    await say(WA, 'yes');

    const outbound = await s.read(allMessagesOf(WA));
    // the one row left for the number is the notice that the data is deleted, still to be delivered
    expect(outbound).toHaveLength(1);
    expect(outbound[0].text).toBe(catalogue.t('en', 'runtime.data_deleted'));
    for (const table of ['citizens', 'turns', 'conversations', 'dialogueStates', 'cases'] as const)
      expect(await s.read(countWhere(table, WA)), table).toBe(0);
    const kept = await s.read(function* ({ db, t }) {
      return yield* rows(db.select({ waId: t.cases.waId, fields: t.cases.fields }).from(t.cases));
    });
    expect(kept).toHaveLength(1);
    expect(isErasedWaId(kept[0].waId)).toBe(true);
    const erasures = await s.read(function* ({ db, t }) {
      return yield* rows(db.select({ id: t.erasures.id }).from(t.erasures));
    });
    expect(erasures).toHaveLength(1);
    // the other citizen is untouched
    expect(await s.read(countWhere('citizens', OTHER))).toBe(1);
    expect(await s.read(countWhere('messages', OTHER))).toBeGreaterThan(1);

    // a notice that never goes through the outbox (the simulator's) loses the number after the
    // grace period (one that is sent loses it at once: the trigger of migration 0007 / pg 0003)
    expect(await s.transaction(forgetErasureRepliesOp(NOW.getTime() + 1_000))).toBe(0);
    expect(await s.transaction(forgetErasureRepliesOp(NOW.getTime() + ERASURE_REPLY_GRACE_MS + 1))).toBe(1);
    expect(await s.read(countWhere('messages', WA))).toBe(0);
  });
});

describe.each(testDialects)('after an erasure on %s', (dialect) => {
  const store = useStore(dialect);

  // a tester's finding (2026-12-07): the inbox's unique wamid went with the erased messages, so
  // Meta's redeliveries (it retries for up to 7 days) were answered again and stored "hello" again
  it("Meta's redeliveries of the erased messages are duplicates: no reply, nothing stored again", async () => {
    const s = store();
    const { say, deliver } = pipelineWith(s);
    await say(WA, 'hello');
    await say(WA, 'delete my data');
    await say(WA, 'yes');
    const before = await s.read(allMessagesOf(WA));
    expect(before).toHaveLength(1);
    for (const [i, text] of ['hello', 'delete my data', 'yes'].entries()) {
      const again = await deliver(WA, `wamid.erase.${WA}.${i + 1}`, text);
      expect(again.duplicate, text).toBe(true);
    }
    expect(await s.read(allMessagesOf(WA))).toEqual(before);
    expect(await s.read(countWhere('citizens', WA))).toBe(0);
    // a new message from the number is a new contact
    expect((await say(WA, 'namaste')).duplicate).toBe(false);
  });

  it("the hashes are forgotten after Meta's retry window, and hold no wamid as written", async () => {
    const s = store();
    const { say } = pipelineWith(s);
    await say(WA, 'hello');
    await say(WA, 'delete my data');
    await say(WA, 'yes');
    const hashes = await s.read(function* ({ db, t }) {
      return yield* rows(db.select({ h: t.erasedWamids.wamidHash }).from(t.erasedWamids));
    });
    expect(hashes).toHaveLength(3);
    for (const { h } of hashes) expect(h).toMatch(/^[0-9a-f]{64}$/);
    const day = 24 * 60 * 60 * 1000;
    expect(await s.transaction(forgetErasedWamidsOp(NOW.getTime() + (ERASED_WAMID_DAYS - 1) * day))).toBe(0);
    expect(await s.transaction(forgetErasedWamidsOp(NOW.getTime() + ERASED_WAMID_DAYS * day + 1))).toBe(3);
  });
});

const allMessagesOf = (waId: string): Op<{ waId: string; direction: string; text: string | null }[]> =>
  function* ({ db, t }) {
    const all = yield* rows(
      db
        .select({ waId: t.messages.waId, direction: t.messages.direction, text: t.messages.text })
        .from(t.messages),
    );
    return all.filter((r) => r.waId === waId);
  };
