import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../i18n/catalogue.js';
import { exec, rows } from '../storage/operation.js';
import type { PgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import { usePipelines } from '../testing/pipeline-on-store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { HANDOFF_QUEUE_LAPSE_MS } from './handoff-gate.js';

// A tester's finding (2026-12-07): while a citizen waited for a person (or talked to one),
// every message got silence: "delete my data" erased nothing, the citizen never heard that an
// officer would come, and a request nobody took kept the assistant quiet for good.
const catalogue = loadCatalogue();
const WA = '919811116666';
const T0 = Date.parse('2026-11-24T05:00:00Z');

describe.each(testDialects)('a citizen in a handoff, on %s', (dialect) => {
  const store = useStore(dialect);
  let clock = T0;
  const pipelineOn = usePipelines(() => new Date(clock));

  /** sends one message a minute later than the last; the replies it got */
  const chat = (s: SqliteStore | PgStore) => {
    const deliver = pipelineOn(s);
    let n = 0;
    return async (text: string) => {
      clock += 60_000;
      const before = await outbound(s);
      await deliver(WA, `wamid.handoff.${++n}`, { kind: 'text', text });
      return (await outbound(s)).slice(before.length);
    };
  };
  const outbound = (s: SqliteStore | PgStore) =>
    s.read(function* ({ db, t }) {
      const all = yield* rows(
        db
          .select({ id: t.messages.id, text: t.messages.text })
          .from(t.messages)
          .where(eq(t.messages.direction, 'out'))
          .orderBy(t.messages.id),
      );
      return all.map((m) => m.text ?? '');
    });
  const handoffOf = (s: SqliteStore | PgStore) =>
    s.read(function* ({ db, t }) {
      const [c] = yield* rows(
        db
          .select({ handoff: t.citizens.handoff, at: t.citizens.handoffAt })
          .from(t.citizens)
          .where(eq(t.citizens.waId, WA)),
      );
      return c;
    });
  const waiting = catalogue.t('en', 'runtime.handoff_waiting');

  it('hears once that an officer will reply, then silence', async () => {
    clock = T0;
    const s = store();
    const say = chat(s);
    await say('I want to talk to a person');
    expect((await handoffOf(s))?.handoff).toBe('queued');
    expect(await say('hello? anyone there')).toEqual([waiting]);
    expect(await say('please reply')).toEqual([]);
  });

  it('"delete my data" is heard and done while waiting for a person', async () => {
    clock = T0;
    const s = store();
    const say = chat(s);
    await say('I want to talk to a person');
    const asked = await say('delete my data');
    expect(asked.join('\n')).toContain(catalogue.t('en', 'runtime.delete_summary'));
    await say('yes');
    const left = await outbound(s);
    expect(left.at(-1)).toBe(catalogue.t('en', 'runtime.data_deleted'));
    // nothing of theirs is left under their number
    expect((await handoffOf(s))?.handoff ?? 'none').toBe('none');
  });

  it('a request nobody took for a day lapses: the assistant answers, and a new request is queued afresh', async () => {
    clock = T0;
    const s = store();
    const say = chat(s);
    await say('I want to talk to a person');
    const queuedAt = (await handoffOf(s))?.at ?? 0;
    clock += HANDOFF_QUEUE_LAPSE_MS;
    const answered = await say('status');
    expect(answered.length).toBeGreaterThan(0);
    expect(answered).not.toContain(waiting);
    await say('I want to talk to a person');
    const again = await handoffOf(s);
    expect(again?.handoff).toBe('queued');
    expect(again?.at ?? 0).toBeGreaterThan(queuedAt + HANDOFF_QUEUE_LAPSE_MS);
  });

  it('an officer who has the chat is not talked over', async () => {
    clock = T0;
    const s = store();
    const say = chat(s);
    await say('I want to talk to a person');
    await s.transaction(function* ({ db, t }) {
      yield* exec(
        db.update(t.citizens).set({ handoff: 'human', handoffAt: clock }).where(eq(t.citizens.waId, WA)),
      );
    });
    expect(await say('hello officer')).toEqual([]);
    clock += 2 * HANDOFF_QUEUE_LAPSE_MS;
    expect(await say('are you there')).toEqual([]);
  });
});
