import { asc } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultFeeSchedule } from '../../tools/fee-schedule.js';
import { allTools } from '../../tools/index.js';
import type { Engine, EngineDecision, EngineInput } from '../agent/engine.js';
import { usePgInstances } from '../coordination/pg-test-instances.js';
import { createPgTurnLeases, TurnLeaseLostError } from '../coordination/pg-turn-lease.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import type { Op } from '../storage/operation.js';
import { rows } from '../storage/operation.js';
import { type PgStore, pgStore } from '../storage/pg-store.js';
import type { SqliteStore } from '../storage/sqlite-store.js';
import type { VoiceResolver } from '../stt/voice-notes.js';
import { pgTestServer } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { text } from '../whatsapp/outbound-builders.js';
import { createPgPipeline } from './create-pg-pipeline.js';
import { createPipeline } from './create-pipeline.js';
import type { InboundMessage } from './insert-inbound.js';
import { processInbound } from './process-inbound.js';
import { pgTurnStore } from './turn-store-pg.js';

const catalogue = loadCatalogue();
const NOW = new Date('2026-11-24T05:00:00Z');
const inEveryLanguage = (key: string) => (['hi', 'en', 'hinglish'] as const).map((l) => catalogue.t(l, key));
const notices = inEveryLanguage('runtime.privacy_notice');
const isNotice = (t: string | null) => notices.includes(t ?? '');
const sorry = inEveryLanguage('runtime.something_went_wrong');

/** A stand-in for the model (not for the code under test): echoes, after `delayMs` of "thinking". */
function echoEngine(seen: EngineInput[] = [], delayMs = 0): Engine {
  return {
    name: 'scripted',
    async decide(input): Promise<EngineDecision> {
      seen.push(input);
      if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
      return {
        reply: text(`echo: ${input.inbound.kind === 'text' ? input.inbound.text : input.inbound.kind}`),
      };
    },
  };
}

const settings = {
  publicBaseUrl: 'http://localhost:3000',
  upi: { payeeVpa: 'demo@upi', payeeName: 'Demo' },
  fees: defaultFeeSchedule,
  simulated: true,
  rateLimitPerMinute: 30,
  maxSteps: 4,
};

function common(engine: Engine, voice?: VoiceResolver) {
  return {
    engine,
    fallbackEngine: echoEngine(),
    tools: allTools,
    catalogue,
    now: () => NOW,
    logger: pino({ level: process.env.TEST_LOG ?? 'silent' }),
    settings,
    voice,
  };
}

type Row = {
  id: number;
  waId: string;
  direction: 'in' | 'out';
  text: string | null;
  processStatus: string | null;
  inReplyTo: number | null;
  turnId: number | null;
  lastError: string | null;
};
const allMessages: Op<Row[]> = function* ({ db, t }) {
  const m = t.messages;
  return yield* rows(
    db
      .select({
        id: m.id,
        waId: m.waId,
        direction: m.direction,
        text: m.text,
        processStatus: m.processStatus,
        inReplyTo: m.inReplyTo,
        turnId: m.turnId,
        lastError: m.lastError,
      })
      .from(m)
      .orderBy(asc(m.id)),
  );
};
const turnCount: Op<number> = function* ({ db, t }) {
  return (yield* rows(db.select({ id: t.turns.id }).from(t.turns))).length;
};

// closed after each test even when it failed: a PG pipeline left running keeps sweeping
const open: { close: (o?: { timeoutMs?: number }) => Promise<boolean> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close({ timeoutMs: 1_000 })));
});

/** The same pipeline shape on either database. */
function pipelineOn(
  store: SqliteStore | PgStore,
  engine: Engine,
  o: { voice?: VoiceResolver; id?: string } = {},
) {
  const p =
    store.dialect === 'sqlite'
      ? createPipeline({ ...common(engine, o.voice), db: (store as SqliteStore).db, store })
      : createPgPipeline({
          ...common(engine, o.voice),
          store: store as PgStore,
          instanceId: o.id ?? 'a',
          sweepMs: 50,
        });
  open.push(p);
  let n = 0;
  const receive = async (m: InboundMessage) => p.receive(m);
  const say = async (said: InboundEvent | string, waId = '919812345678') => {
    const event: InboundEvent = typeof said === 'string' ? { kind: 'text', text: said } : said;
    const { id } = await receive({ waId, wamid: `wamid.${o.id ?? 'a'}.${++n}`, event });
    p.kick(waId);
    await p.idle();
    return (await store.read(allMessages)).filter((r) => r.inReplyTo === id);
  };
  return { p, receive, say };
}

describe.each(testDialects)('pipeline on %s', (dialect) => {
  const store = useStore(dialect);

  it('processes one citizen’s messages one at a time, in arrival order, each seeing the earlier ones', async () => {
    const seen: EngineInput[] = [];
    const { p, receive } = pipelineOn(store(), echoEngine(seen));
    for (const t of ['one', 'two', 'three'])
      await receive({ waId: '919800000001', wamid: `w.${t}`, event: { kind: 'text', text: t } });
    p.kick('919800000001');
    await p.idle();
    expect(seen.map((s) => (s.inbound.kind === 'text' ? s.inbound.text : ''))).toEqual([
      'one',
      'two',
      'three',
    ]);
    // the replies were written after 'two' and 'three' arrived, and still come right after what they answer
    const said = (i: number) => seen[i].history.filter((h) => !isNotice(h.text)).map((h) => h.text);
    expect(said(1)).toEqual(['one', 'echo: one']);
    expect(said(2)).toEqual(['one', 'echo: one', 'two', 'echo: two']);
    const all = await store().read(allMessages);
    expect(all.filter((r) => r.processStatus === 'pending')).toEqual([]);
    expect(
      all.filter((r) => r.direction === 'out').map((r) => (isNotice(r.text) ? 'notice' : r.text)),
    ).toEqual(['notice', 'echo: one', 'echo: two', 'echo: three']);
    await p.close();
  });

  it('stores the same wamid once and answers it once, however often it is kicked', async () => {
    const { p, receive } = pipelineOn(store(), echoEngine());
    const m = {
      waId: '919812345678',
      wamid: 'wamid.dup',
      event: { kind: 'text', text: 'namaste' } as InboundEvent,
    };
    expect((await receive(m)).duplicate).toBe(false);
    expect((await receive(m)).duplicate).toBe(true);
    p.kick(m.waId);
    p.kick(m.waId);
    await p.idle();
    p.kick(m.waId);
    await p.idle();
    const all = await store().read(allMessages);
    expect(all.filter((r) => r.direction === 'in')).toHaveLength(1);
    expect(
      all.filter((r) => r.direction === 'out').map((r) => (isNotice(r.text) ? 'notice' : r.text)),
    ).toEqual(['notice', 'echo: namaste']);
    expect(await store().read(turnCount)).toBe(1);
    await p.close();
  });

  it('a turn that throws leaves its row failed with the apology, and the next message goes on', async () => {
    const voice: VoiceResolver = async () => {
      throw new Error('speech to text exploded');
    };
    const { p, say } = pipelineOn(store(), echoEngine(), { voice });
    await say('namaste');
    const reply = await say({ kind: 'audio', mediaId: 'm1', voice: true });
    expect(reply).toHaveLength(1);
    expect(sorry).toContain(reply[0].text);
    const failed = (await store().read(allMessages)).find((r) => r.direction === 'in' && r.text === null);
    expect(failed).toMatchObject({ processStatus: 'failed', lastError: 'speech to text exploded' });
    expect((await say('after')).map((r) => r.text)).toEqual(['echo: after']);
    await p.close();
  });

  it('processes at start what an earlier process left pending', async () => {
    const { p, receive } = pipelineOn(store(), echoEngine());
    await receive({ waId: '919800000002', wamid: 'w.left', event: { kind: 'text', text: 'left behind' } });
    // no kick: as if the process died after the 200
    expect(await p.recover()).toBe(1);
    await p.idle();
    const all = await store().read(allMessages);
    expect(all.find((r) => r.direction === 'in')?.processStatus).toBe('done');
    expect(all.at(-1)?.text).toBe('echo: left behind');
    await p.close();
  });
  it('close() resolves at its deadline when an engine call hangs, leaving the message pending', async () => {
    const hung: Engine = { name: 'openai', decide: () => new Promise<EngineDecision>(() => {}) };
    const { p, receive } = pipelineOn(store(), hung);
    await receive({ waId: '919800000004', wamid: 'w.hang', event: { kind: 'text', text: 'hi' } });
    p.kick('919800000004');
    await new Promise((r) => setTimeout(r, 50));
    const t = performance.now();
    expect(await p.close({ timeoutMs: 100 })).toBe(false);
    expect(performance.now() - t).toBeLessThan(1_000);
    const all = await store().read(allMessages);
    expect(all.map((r) => [r.direction, r.processStatus])).toEqual([['in', 'pending']]);
  });

  it('close() waits for the turn in flight and starts no new one', async () => {
    const seen: EngineInput[] = [];
    const { p, receive } = pipelineOn(store(), echoEngine(seen, 30));
    for (const t of ['one', 'two'])
      await receive({ waId: '919800000005', wamid: `w.c.${t}`, event: { kind: 'text', text: t } });
    p.kick('919800000005');
    for (let i = 0; i < 100 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(await p.close({ timeoutMs: 2_000 })).toBe(true);
    const all = await store().read(allMessages);
    expect(all.filter((r) => r.direction === 'in').map((r) => [r.text, r.processStatus])).toEqual([
      ['one', 'done'],
      ['two', 'pending'],
    ]);
  });
});

describe.runIf(pgTestServer.available)(
  'pipeline on PostgreSQL: the turn commits only under its lease',
  () => {
    const store = useStore('postgres');

    it('a turn whose lease was taken over commits nothing and leaves the message pending', async () => {
      const pg = store() as PgStore;
      const { p, receive } = pipelineOn(pg, echoEngine());
      await p.close();
      const { id } = await receive({
        waId: '919800000009',
        wamid: 'w.lease',
        event: { kind: 'text', text: 'hi' },
      });
      const mine = createPgTurnLeases({ pool: pg.db.$client, owner: 'paused', leaseMs: 1 });
      const lease = await mine.acquire('919800000009');
      if (!lease) throw new Error('no lease');
      await new Promise((r) => setTimeout(r, 5));
      // the lease expired while this holder was paused: another instance takes the citizen over
      const other = await createPgTurnLeases({ pool: pg.db.$client, owner: 'other' }).acquire('919800000009');
      expect(other).not.toBeNull();
      const deps = { ...common(echoEngine()), store: pg, turnStore: pgTurnStore(pg, lease) };
      await expect(processInbound(id, deps)).rejects.toBeInstanceOf(TurnLeaseLostError);
      const all = await pg.read(allMessages);
      expect(all.map((r) => [r.direction, r.processStatus])).toEqual([['in', 'pending']]);
      expect(await pg.read(turnCount)).toBe(0);
    });

    it('the sweep answers a dead instance’s citizen once its lease expires, without a kick', async () => {
      const pg = store() as PgStore;
      const { receive } = pipelineOn(pg, echoEngine(), { id: 'survivor' });
      const { id } = await receive({
        waId: '919800000010',
        wamid: 'w.dead',
        event: { kind: 'text', text: 'hello?' },
      });
      // the instance that took the citizen died holding its lease
      const dead = await createPgTurnLeases({ pool: pg.db.$client, owner: 'dead', leaseMs: 300 }).acquire(
        '919800000010',
      );
      expect(dead).not.toBeNull();
      const status = async () => (await pg.read(allMessages)).find((r) => r.id === id)?.processStatus;
      await new Promise((r) => setTimeout(r, 150));
      expect(await status()).toBe('pending');
      for (let i = 0; i < 100 && (await status()) !== 'done'; i++)
        await new Promise((r) => setTimeout(r, 20));
      expect(await status()).toBe('done');
      expect((await pg.read(allMessages)).at(-1)?.text).toBe('echo: hello?');
    });

    it('a turn whose commit fails is rolled back, marked failed and answered with the apology', async () => {
      const pg = store() as PgStore;
      await pg.db.$client.query(`
      create or replace function fail_boom() returns trigger language plpgsql as $$
      begin
        if (select text from messages where id = new.inbound_id) = 'boom' then
          raise exception 'database or disk is full';
        end if;
        return new;
      end $$;
      drop trigger if exists fail_boom on turns;
      create trigger fail_boom before insert on turns for each row execute function fail_boom();`);
      try {
        const { p, say } = pipelineOn(pg, echoEngine());
        const reply = await say('boom');
        expect(reply).toHaveLength(1);
        expect(sorry).toContain(reply[0].text);
        const all = await pg.read(allMessages);
        expect(all.find((r) => r.text === 'boom')).toMatchObject({
          processStatus: 'failed',
          lastError: 'database or disk is full',
        });
        // nothing of the rolled-back turn: no notice, no echo, no turn
        expect(all.filter((r) => r.direction === 'out')).toHaveLength(1);
        expect((await say('after')).map((r) => r.text)).toContain('echo: after');
        await p.close();
      } finally {
        await pg.db.$client.query('drop trigger if exists fail_boom on turns');
      }
    });
  },
);

describe.runIf(pgTestServer.available)('two PostgreSQL instances kicked for the same citizens', () => {
  const instances = usePgInstances(2);

  it('answer every message once, each citizen’s in order', async () => {
    const seen: EngineInput[] = [];
    const stores = [pgStore(instances.db(0)), pgStore(instances.db(1))];
    const pipelines = stores.map((s, i) => pipelineOn(s, echoEngine(seen, 3), { id: `instance-${i}` }));
    const citizens = Array.from({ length: 6 }, (_, c) => `91980000010${c}`);
    const texts = ['m0', 'm1', 'm2', 'm3', 'm4'];
    let n = 0;
    for (const t of texts)
      for (const waId of citizens) {
        // a delivery lands at either instance, and both are told about the citizen
        await pipelines[n % 2].receive({ waId, wamid: `w.${waId}.${t}`, event: { kind: 'text', text: t } });
        n++;
        for (const x of pipelines) x.p.kick(waId);
      }
    const pending = async () =>
      (await stores[0].read(allMessages)).filter((r) => r.processStatus === 'pending').length;
    for (let i = 0; i < 200 && (await pending()) > 0; i++) {
      await Promise.all(pipelines.map((x) => x.p.idle()));
      await new Promise((r) => setTimeout(r, 20));
    }
    await Promise.all(pipelines.map((x) => x.p.close()));
    const all = await stores[0].read(allMessages);
    const inbound = all.filter((r) => r.direction === 'in');
    expect(inbound).toHaveLength(30);
    expect(inbound.every((r) => r.processStatus === 'done')).toBe(true);
    for (const m of inbound) {
      const replies = all.filter((r) => r.inReplyTo === m.id).map((r) => r.text);
      expect(replies.filter((t) => !isNotice(t))).toEqual([`echo: ${m.text}`]);
    }
    expect(await stores[0].read(turnCount)).toBe(30);
    for (const waId of citizens)
      expect(
        seen
          .filter((s) => s.citizen.waId === waId)
          .map((s) => (s.inbound.kind === 'text' ? s.inbound.text : '')),
      ).toEqual(texts);
  }, 30_000);
});
