import { eq } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { allTools } from '../../tools/index.js';
import {
  type Engine,
  type EngineDecision,
  type EngineInput,
  EngineUnavailableError,
} from '../agent/engine.js';
import { applicationRows } from '../cases/legacy-rows.js';
import { openDatabase } from '../db/open-database.js';
import { messages, turns } from '../db/schema.js';
import { loadCatalogue } from '../i18n/catalogue.js';
import { testPipelineSettings } from '../testing/pipeline-settings.js';
import { sampleBirthApplication } from '../testing/sample-birth-application.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { text } from '../whatsapp/outbound-builders.js';
import { createPipeline } from './create-pipeline.js';

const catalogue = loadCatalogue();
const NOW = new Date('2026-11-24T05:00:00Z');
const birth = sampleBirthApplication;

/**
 * A scripted engine (a stand-in for the model, not for the code under test): it asks for the
 * application on "apply", repeats the pending call when told "again", and otherwise echoes.
 */
function scriptedEngine(seen: EngineInput[] = []): Engine {
  return {
    name: 'scripted',
    async decide(input): Promise<EngineDecision> {
      seen.push(input);
      const said =
        input.inbound.kind === 'text'
          ? input.inbound.text
          : input.inbound.kind === 'button'
            ? input.inbound.id
            : '';
      const last = input.toolCalls.at(-1);
      if (last) return { reply: text(`result: ${JSON.stringify(last.result)}`) };
      if (said === 'apply' || said === 'apply now')
        return {
          toolCalls: [{ id: 'c1', name: 'apply_birth_certificate', arguments: JSON.stringify(birth) }],
        };
      if (input.pending && (said === 'confirm:yes' || said === 'haan' || said === 'something else'))
        return {
          toolCalls: [{ id: 'c2', name: input.pending.tool, arguments: JSON.stringify(input.pending.args) }],
        };
      if (said === 'bad args')
        return { toolCalls: [{ id: 'c3', name: 'apply_birth_certificate', arguments: '{"sex":"robot"' }] };
      return { reply: text(`echo: ${said}`) };
    },
  };
}

function setup(
  engine: Engine = scriptedEngine(),
  fallbackEngine: Engine = scriptedEngine(),
  { retryDelayMs }: { retryDelayMs?: number } = {},
) {
  const db = openDatabase({ path: ':memory:' });
  const pipeline = createPipeline({
    db,
    engine,
    fallbackEngine,
    tools: allTools,
    catalogue,
    now: () => NOW,
    logger: pino({ level: 'silent' }),
    retryDelayMs,
    settings: testPipelineSettings({ maxSteps: 4 }),
  });
  let n = 0;
  const say = async (event: InboundEvent | string, waId = '919812345678') => {
    const e: InboundEvent = typeof event === 'string' ? { kind: 'text', text: event } : event;
    const { id } = pipeline.receive({ waId, wamid: `wamid.test.${++n}`, event: e });
    pipeline.kick(waId);
    await pipeline.idle();
    return db.select().from(messages).where(eq(messages.inReplyTo, id)).all();
  };
  return { db, pipeline, say };
}

describe('pipeline: the confirmation rule is the runtime’s', () => {
  it('shows a summary instead of submitting, and submits on the citizen’s yes', async () => {
    const { db, say } = setup();
    await say('namaste');
    const summary = await say('apply');
    expect(applicationRows(db)).toEqual([]);
    const buttons = summary.at(-1)?.payload as { kind: string; buttons: { id: string }[]; text: string };
    expect(buttons.kind).toBe('buttons');
    expect(buttons.buttons.map((b) => b.id)).toEqual(['confirm:yes', 'confirm:change', 'confirm:cancel']);
    expect(buttons.text).toContain('Rekha Devi');

    const done = await say({ kind: 'button', id: 'confirm:yes', title: 'हाँ, जमा करें' });
    const rows = applicationRows(db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      waId: '919812345678',
      motherName: 'Rekha Devi',
      status: 'submitted',
      feeRule: 'free',
    });
    expect(done.at(-1)?.text).toContain(rows[0].reference);
  });

  it('does not submit when the answer to the summary is not a yes, even if the engine calls the tool', async () => {
    const { db, say } = setup();
    await say('apply');
    const reply = await say('something else');
    expect(applicationRows(db)).toEqual([]);
    expect((reply.at(-1)!.payload as { kind: string }).kind).toBe('buttons');
  });

  it('does not accept a yes that comes two messages after the summary', async () => {
    const { db, say } = setup();
    await say('apply');
    await say('hello');
    await say('haan');
    expect(applicationRows(db)).toEqual([]);
  });
});

describe('pipeline: the inbox', () => {
  it('stores the same wamid once and answers it once', async () => {
    const { db, pipeline } = setup();
    const m = {
      waId: '919812345678',
      wamid: 'wamid.dup',
      event: { kind: 'text', text: 'namaste' } as InboundEvent,
    };
    expect(pipeline.receive(m).duplicate).toBe(false);
    expect(pipeline.receive(m).duplicate).toBe(true);
    pipeline.kick(m.waId);
    pipeline.kick(m.waId);
    await pipeline.idle();
    expect(db.select().from(messages).where(eq(messages.direction, 'in')).all()).toHaveLength(1);
    expect(db.select().from(turns).all()).toHaveLength(1);
  });

  it('processes one citizen’s messages one at a time, in arrival order', async () => {
    const seen: EngineInput[] = [];
    const { db, pipeline } = setup(scriptedEngine(seen));
    for (const t of ['one', 'two', 'three'])
      pipeline.receive({ waId: '919800000001', wamid: `w.${t}`, event: { kind: 'text', text: t } });
    pipeline.kick('919800000001');
    await pipeline.idle();
    expect(seen.map((s) => (s.inbound.kind === 'text' ? s.inbound.text : ''))).toEqual([
      'one',
      'two',
      'three',
    ]);
    // each turn saw the previous ones in its history
    expect(seen[2].history.filter((h) => h.role === 'user').map((h) => h.text)).toEqual(['one', 'two']);
    expect(db.select().from(messages).where(eq(messages.processStatus, 'pending')).all()).toEqual([]);
  });

  it('processes at start what an earlier process left pending', async () => {
    const { db, pipeline } = setup();
    pipeline.receive({ waId: '919800000002', wamid: 'w.left', event: { kind: 'text', text: 'left behind' } });
    // no kick: as if the process died after the 200
    expect(pipeline.recover()).toBe(1);
    await pipeline.idle();
    expect(
      db.select({ s: messages.processStatus }).from(messages).where(eq(messages.wamid, 'w.left')).get(),
    ).toEqual({ s: 'done' });
  });

  it('answers a voice note politely in the citizen’s language without asking the engine', async () => {
    const seen: EngineInput[] = [];
    const { say } = setup(scriptedEngine(seen));
    await say('मुझे जन्म प्रमाण पत्र चाहिए');
    const reply = await say({ kind: 'audio', mediaId: 'm1', voice: true });
    expect(reply.map((r) => r.text)).toEqual([catalogue.t('hi', 'runtime.audio_not_supported')]);
    expect(seen).toHaveLength(1);
  });
});

describe('pipeline: engines', () => {
  it('feeds a validation error back to the engine instead of running the tool', async () => {
    const { db, say } = setup();
    const reply = await say('bad args');
    expect(reply.at(-1)?.text).toContain('invalid_arguments');
    const turn = db.select().from(turns).get();
    expect((turn!.steps as { toolCalls: { status: string }[] }[])[0].toolCalls[0].status).toBe('invalid');
  });

  it('falls back to the offline engine when the LLM is down, and the transcript says so', async () => {
    const down: Engine = {
      name: 'openai',
      model: 'gpt-test',
      decide: async () => {
        throw new EngineUnavailableError('502 from provider', 'server_error');
      },
    };
    const { db, say } = setup(down, scriptedEngine());
    const reply = await say('namaste');
    expect(reply.map((r) => r.text)).toContain('echo: namaste');
    expect(db.select().from(turns).get()).toMatchObject({
      engine: 'scripted',
      fellBack: true,
      fallbackReason: 'server_error',
    });
  });

  it('breaks a tool-call loop by its step bound and falls back', async () => {
    const looping: Engine = {
      name: 'openai',
      decide: async () => ({
        toolCalls: [{ id: 'x', name: 'check_status', arguments: '{"reference":null}' }],
      }),
    };
    const { db, say } = setup(looping, scriptedEngine());
    await say('status?');
    const turn = db.select().from(turns).get();
    expect(turn).toMatchObject({ fellBack: true, fallbackReason: 'loop' });
    expect((turn!.steps as unknown[]).length).toBeGreaterThan(4);
  });
});

describe('pipeline: history, failures, closing', () => {
  it('history has the reply to a message even when the citizen’s next message arrived before it', async () => {
    const seen: EngineInput[] = [];
    const { pipeline } = setup(scriptedEngine(seen));
    // both stored before either is answered: the replies get ids after 'two'
    for (const t of ['one', 'two', 'three'])
      pipeline.receive({ waId: '919800000001', wamid: `w.${t}`, event: { kind: 'text', text: t } });
    pipeline.kick('919800000001');
    await pipeline.idle();
    const notice = catalogue.t('en', 'runtime.privacy_notice');
    const said = (i: number) => seen[i].history.filter((h) => h.text !== notice);
    expect(said(1)).toEqual([
      { role: 'user', text: 'one' },
      { role: 'assistant', text: 'echo: one' },
    ]);
    expect(said(2).map((h) => h.text)).toEqual(['one', 'echo: one', 'two', 'echo: two']);
  });

  it('an engine that is its own fallback (the offline server) is not given the transcript it does not read', async () => {
    const seen: EngineInput[] = [];
    const offline = scriptedEngine(seen);
    const { say } = setup(offline, offline);
    await say('one');
    await say('two');
    expect(seen.map((s) => s.history)).toEqual([[], []]);
  });

  it('a turn whose commit fails is marked failed and answered, and the next message goes on', async () => {
    const { db, say } = setup();
    db.$client.exec(`create trigger fail_turn before insert on turns
      when (select text from messages where id = new.inbound_id) = 'boom'
      begin select raise(abort, 'database or disk is full'); end`);
    const reply = await say('boom');
    expect(reply.map((r) => r.text)).toEqual([catalogue.t('hi', 'runtime.something_went_wrong')]);
    expect(db.select().from(messages).where(eq(messages.text, 'boom')).get()).toMatchObject({
      processStatus: 'failed',
      lastError: 'database or disk is full',
    });
    expect((await say('after')).map((r) => r.text)).toContain('echo: after');
  });

  it('when the database refuses every write for a while, the message stays pending and is answered once it recovers', async () => {
    const { db, pipeline } = setup(scriptedEngine(), scriptedEngine(), { retryDelayMs: 20 });
    db.$client.exec(`
      create table outage (on_ integer);
      insert into outage values (1);
      create trigger outage_turns before insert on turns when (select count(*) from outage) > 0
        begin select raise(abort, 'disk I/O error'); end;
      create trigger outage_marks before update of process_status on messages when (select count(*) from outage) > 0
        begin select raise(abort, 'disk I/O error'); end;`);
    const { id } = pipeline.receive({
      waId: '919800000003',
      wamid: 'w.out',
      event: { kind: 'text', text: 'hi' },
    });
    pipeline.kick('919800000003');
    await pipeline.idle();
    const status = () => db.select().from(messages).where(eq(messages.id, id)).get()?.processStatus;
    expect(status()).toBe('pending');
    db.$client.exec('delete from outage');
    // no kick: the pipeline tries again by itself
    for (let i = 0; i < 100 && status() !== 'done'; i++) await new Promise((r) => setTimeout(r, 10));
    expect(status()).toBe('done');
    const replies = db.select().from(messages).where(eq(messages.inReplyTo, id)).all();
    expect(replies.map((r) => r.text).at(-1)).toBe('echo: hi');
  });

  it('close() resolves at its deadline when an engine call hangs, leaving the message pending for the next start', async () => {
    const hung: Engine = { name: 'openai', decide: () => new Promise<EngineDecision>(() => {}) };
    const { db, pipeline } = setup(hung);
    pipeline.receive({ waId: '919800000004', wamid: 'w.hang', event: { kind: 'text', text: 'hi' } });
    pipeline.kick('919800000004');
    await new Promise((r) => setTimeout(r, 10));
    const t = performance.now();
    expect(await pipeline.close({ timeoutMs: 100 })).toBe(false);
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(db.select().from(messages).where(eq(messages.wamid, 'w.hang')).get()?.processStatus).toBe(
      'pending',
    );
  });
});

describe('pipeline: an LLM failure after a confirmed tool', () => {
  it('sends the payment QR once when the LLM fails after a confirmed create_payment_qr', async () => {
    // the model asks for the QR, runs it on the yes, then fails on its next call; the
    // fallback repeats the confirmed call (as the offline engine does on a yes)
    const base = scriptedEngine();
    const llm: Engine = {
      name: 'openai',
      async decide(input) {
        if (input.toolCalls.at(-1)?.name === 'create_payment_qr')
          throw new EngineUnavailableError('502 from provider', 'server_error');
        const said = input.inbound.kind === 'text' ? input.inbound.text : '';
        if (said.startsWith('pay '))
          return {
            toolCalls: [
              {
                id: 'p1',
                name: 'create_payment_qr',
                arguments: JSON.stringify({ forReference: said.slice(4) }),
              },
            ],
          };
        return base.decide(input);
      },
    };
    const { db, say } = setup(llm, scriptedEngine());
    await say('apply');
    await say({ kind: 'button', id: 'confirm:yes', title: 'हाँ' });
    const [app] = applicationRows(db);
    const summary = await say(`pay ${app.reference}`);
    expect(summary.at(-1)?.kind).toBe('buttons');
    const reply = await say({ kind: 'button', id: 'confirm:yes', title: 'हाँ' });
    expect(reply.filter((r) => r.kind === 'image')).toHaveLength(1);
    expect(db.select().from(turns).all().at(-1)).toMatchObject({ fellBack: true });
  });
});

describe('pipeline: erasure inside the turn’s one write', () => {
  it('erases the citizen and queues only the data-deleted notice, in the same commit', async () => {
    const eraser: Engine = {
      name: 'scripted',
      async decide(input): Promise<EngineDecision> {
        const said = input.inbound.kind === 'button' ? input.inbound.id : '';
        if (input.toolCalls.length) return { reply: text('unused') };
        if (input.pending && said === 'confirm:yes')
          return {
            toolCalls: [
              { id: 'd2', name: input.pending.tool, arguments: JSON.stringify(input.pending.args) },
            ],
          };
        return { toolCalls: [{ id: 'd1', name: 'delete_my_data', arguments: '{"reason":null}' }] };
      },
    };
    const { db, say } = setup(eraser, eraser);
    await say('delete everything');
    expect(db.select().from(messages).where(eq(messages.direction, 'in')).all()).toHaveLength(1);
    await say({ kind: 'button', id: 'confirm:yes', title: 'Yes' });
    const left = db.select().from(messages).all();
    // nothing the citizen wrote is kept; the one row is the notice that it was deleted
    expect(left.filter((m) => m.direction === 'in')).toEqual([]);
    const notice = left.filter((m) => m.direction === 'out');
    expect(notice.map((m) => m.text)).toEqual([catalogue.t('en', 'runtime.data_deleted')]);
    expect(db.select().from(turns).all()).toEqual([]);
  });
});
