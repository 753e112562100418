import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allTools } from '../../../tools/index.js';
import { toolContext } from '../../../tools/test-context.js';
import { toolJsonSchema } from '../../../tools/tool-json-schema.js';
import { openDatabase } from '../../db/open-database.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import { createLogger } from '../../logging/create-logger.js';
import { services } from '../../services/registry.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import { text } from '../../whatsapp/outbound-builders.js';
import type { Engine, EngineInput } from '../engine.js';
import { runTurn } from '../turn-runner.js';
import { loadSystemPrompt } from './load-prompt.js';
import { createOpenAIEngine } from './openai-engine.js';
import { ROUTER_TOOL, toolAskedFor } from './tool-routing.js';

// The tools each request carries, with the real registry, against the local fake OpenAI server.

const general = ['reopen_complaint', 'check_status', 'create_payment_qr', 'delete_my_data'];
const now = new Date('2026-11-24T03:30:00Z');

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer({ model: 'fake-gpt' });
});
afterEach(async () => {
  await server.close();
});

function engine(routeTools?: boolean) {
  return createOpenAIEngine({
    baseUrl: server.url,
    model: 'gpt-test',
    timeoutMs: 5_000,
    maxRetries: 0,
    systemPrompt: loadSystemPrompt({ variant: 'default' }),
    toolJsonSchema,
    ...(routeTools === undefined ? {} : { routeTools }),
  });
}

function input(over: Partial<EngineInput> = {}): EngineInput {
  return {
    citizen: { waId: '919812345678', name: null, lang: 'hinglish', languageChosen: false },
    inbound: { kind: 'text', text: 'namaste ji' },
    inboundId: 3,
    lang: 'hinglish',
    history: [],
    toolCalls: [],
    engineState: null,
    pending: null,
    now,
    tools: allTools,
    ...over,
  };
}

const sentTools = (i: number) => (server.requests[i].tools ?? []).map((t) => t.function.name);

describe('tool routing of the openai engine', () => {
  it('sends the general tools and open_service, whose enum names every service tool, when no service is open', async () => {
    server.push({ reply: 'Namaste! Kaise madad karun?' });
    const decision = await engine().decide(input());
    expect(sentTools(0)).toEqual([...general, ROUTER_TOOL]);
    const router = server.requests[0].tools?.find((t) => t.function.name === ROUTER_TOOL);
    expect(router?.function.parameters).toMatchObject({
      properties: { tool: { enum: services.map((s) => s.toolName) } },
      required: ['tool'],
      additionalProperties: false,
    });
    expect(decision.engineState).toBeUndefined();
  });

  it('answers open_service itself and asks again with that form tool, then keeps it open', async () => {
    server.push(
      {
        toolCall: { name: ROUTER_TOOL, arguments: { tool: 'apply_caste_certificate' } },
        usage: { prompt_tokens: 700, completion_tokens: 9 },
      },
      { reply: 'Aavedak ka poora naam kya hai?', usage: { prompt_tokens: 1_100, completion_tokens: 12 } },
    );
    const decision = await engine().decide(input());
    expect(server.requests).toHaveLength(2);
    expect(sentTools(1)).toEqual([general[0], 'apply_caste_certificate', ...general.slice(1), ROUTER_TOOL]);
    expect(server.requests[1].messages?.slice(-2)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          {
            id: 'call_fake_1_0',
            type: 'function',
            function: { name: ROUTER_TOOL, arguments: '{"tool":"apply_caste_certificate"}' },
          },
        ],
      },
      {
        role: 'tool',
        tool_call_id: 'call_fake_1_0',
        content: '{"status":"ok","available":"apply_caste_certificate"}',
      },
    ]);
    expect(decision).toMatchObject({
      reply: text('Aavedak ka poora naam kya hai?'),
      engineState: { openTool: 'apply_caste_certificate', at: now.getTime() },
      intent: 'apply_caste_certificate',
      // both requests are paid for
      usage: { promptTokens: 1_800, completionTokens: 21 },
    });

    // the next message: the form is still open, the other services' tools stay out
    server.push({ reply: 'Pita ka naam?' });
    await engine().decide(
      input({ inbound: { kind: 'text', text: 'Ramesh Kumar' }, engineState: decision.engineState }),
    );
    expect(sentTools(2)).toEqual([general[0], 'apply_caste_certificate', ...general.slice(1), ROUTER_TOOL]);
  });

  it('lets the model correct an open_service call for a tool that does not exist', async () => {
    server.push(
      { toolCall: { name: ROUTER_TOOL, arguments: { tool: 'apply_ration_card' } } },
      { toolCall: { name: ROUTER_TOOL, arguments: { tool: 'apply_income_certificate' } } },
      { reply: 'Aapki saalana aay kitni hai?' },
    );
    const decision = await engine().decide(input());
    expect(server.requests[1].messages?.at(-1)).toMatchObject({
      role: 'tool',
      content: expect.stringContaining('"status":"invalid"'),
    });
    expect(sentTools(1)).not.toContain('apply_income_certificate');
    expect(sentTools(2)).toContain('apply_income_certificate');
    expect(decision.engineState).toMatchObject({ openTool: 'apply_income_certificate' });
  });

  it('sends the form of a service the message names with the first request', async () => {
    server.push({ reply: 'Aavedak ka poora naam kya hai?' });
    const decision = await engine().decide(
      input({ inbound: { kind: 'text', text: 'Jati praman-patra chahiye' } }),
    );
    expect(server.requests).toHaveLength(1);
    expect(sentTools(0)).toEqual([general[0], 'apply_caste_certificate', ...general.slice(1), ROUTER_TOOL]);
    expect(decision).toMatchObject({
      engineState: { openTool: 'apply_caste_certificate' },
      intent: 'apply_caste_certificate',
    });
  });

  it('sends one form a request: a service the message names replaces the saved form', async () => {
    server.push({ reply: 'ok' });
    const decision = await engine().decide(
      input({
        inbound: { kind: 'text', text: 'ab death certificate bhi banwana hai' },
        engineState: { openTool: 'apply_birth_certificate', at: now.getTime() },
      }),
    );
    expect(sentTools(0).filter((t) => t.startsWith('apply_'))).toEqual(['apply_death_certificate']);
    expect(decision).toMatchObject({ engineState: { openTool: 'apply_death_certificate' } });
  });

  it('sends the pending confirmation’s tool so that a yes can repeat the call, whatever the message names', async () => {
    server.push({ reply: 'ok' }, { reply: 'ok' });
    const pending = { tool: 'apply_death_certificate', args: {}, inboundId: 2, createdAt: 0 };
    await engine().decide(input({ inbound: { kind: 'button', id: 'confirm:yes', title: 'Haan' }, pending }));
    await engine().decide(input({ inbound: { kind: 'text', text: 'haan, birth certificate bhi' }, pending }));
    for (const i of [0, 1]) {
      expect(sentTools(i).filter((t) => t.startsWith('apply_'))).toEqual(['apply_death_certificate']);
    }
  });

  it('closes a form left for more than a day', async () => {
    server.push({ reply: 'ok' });
    const dayAndMinute = 24 * 60 * 60 * 1000 + 60_000;
    await engine().decide(
      input({ engineState: { openTool: 'apply_birth_certificate', at: now.getTime() - dayAndMinute } }),
    );
    expect(sentTools(0)).toEqual([...general, ROUTER_TOOL]);
  });

  it('sends every tool, and no router, with routing off', async () => {
    server.push({ reply: 'ok' });
    const decision = await engine(false).decide(input());
    expect(sentTools(0)).toEqual(allTools.map((t) => t.name));
    expect(decision.engineState).toBeUndefined();
  });
});

describe('toolAskedFor', () => {
  const names = new Set(services.map((s) => s.toolName));
  it.each([
    ['जाति प्रमाण पत्र चाहिए', 'apply_caste_certificate'],
    ['Papa ka mrityu panjikaran karwana hai', 'apply_death_certificate'],
    ['AAY PRAMAN-PATRA banwana hai', 'apply_income_certificate'],
    ['beti ka janm praman patra', 'apply_birth_certificate'],
    ['beti hui hai, registration karna hai', null],
    ['caste', null],
  ])('%s → %s', (said, tool) => {
    expect(toolAskedFor({ kind: 'text', text: said }, services, names)).toBe(tool);
  });

  it('reads only what the citizen wrote or said, and only services whose tool is there', () => {
    expect(toolAskedFor({ kind: 'button', id: 'x', title: 'birth certificate' }, services, names)).toBeNull();
    expect(
      toolAskedFor(
        { kind: 'audio', mediaId: 'm', transcript: 'income certificate chahiye' },
        services,
        names,
      ),
    ).toBe('apply_income_certificate');
    expect(toolAskedFor({ kind: 'text', text: 'income certificate' }, services, new Set(['x']))).toBeNull();
  });
});

describe('tool routing in a turn', () => {
  const offline: Engine = { name: 'offline', decide: async () => ({ reply: text('offline answer') }) };

  function turn(over: Partial<EngineInput> = {}) {
    const db = openDatabase({ path: ':memory:' });
    const ctx = toolContext(db, { waId: '919812345678', now, lang: 'hinglish' });
    return runTurn(
      {
        ...input(over),
        inboundId: ctx.inboundId,
        citizenConfirmed: false,
        toolContext: ctx,
      },
      {
        engine: engine(),
        fallbackEngine: offline,
        tools: allTools,
        catalogue: loadCatalogue(),
        logger: createLogger({ level: 'silent' }),
        maxSteps: 4,
      },
    );
  }

  it('never hands open_service to the runtime: the transcript shows only real tool calls', async () => {
    server.push(
      { toolCall: { name: ROUTER_TOOL, arguments: { tool: 'apply_caste_certificate' } } },
      { reply: 'Aavedak ka poora naam kya hai?' },
    );
    const outcome = await turn();
    expect(outcome).toMatchObject({
      reply: text('Aavedak ka poora naam kya hai?'),
      engine: 'openai',
      fellBack: false,
      engineState: { openTool: 'apply_caste_certificate' },
      intent: 'apply_caste_certificate',
    });
    expect(outcome.steps.flatMap((s) => s.toolCalls)).toEqual([]);
  });

  it('opens the form of a service tool the model called without opening it', async () => {
    // known from the system prompt; the runtime validates it like any call
    server.push(
      { toolCall: { name: 'apply_death_certificate', arguments: { deceasedName: 'Ram' } } },
      { reply: 'Mrityu ki tareekh kya thi?' },
    );
    const outcome = await turn();
    expect(outcome.steps[0].toolCalls.map((c) => [c.name, c.status])).toEqual([
      ['apply_death_certificate', 'invalid'],
    ]);
    expect(sentTools(1)).toContain('apply_death_certificate');
    expect(outcome.engineState).toMatchObject({ openTool: 'apply_death_certificate' });
  });

  it('falls back to the offline engine when the model keeps opening services', async () => {
    server.setHandler(() => ({
      toolCall: { name: ROUTER_TOOL, arguments: { tool: 'apply_birth_certificate' } },
    }));
    const outcome = await turn();
    expect(outcome).toMatchObject({ reply: text('offline answer'), fellBack: true, fallbackReason: 'loop' });
    expect(server.requestCount).toBe(3);
  });
});
