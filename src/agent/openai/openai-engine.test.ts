import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AnyToolDef } from '../../../tools/tool.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import { text } from '../../whatsapp/outbound-builders.js';
import { type EngineInput, EngineUnavailableError } from '../engine.js';
import { createMemoryCompletionCache } from './completion-cache.js';
import { createOpenAIEngine, type OpenAIEngineOptions } from './openai-engine.js';

const statusTool: AnyToolDef = {
  name: 'check_status',
  description: 'Status of the citizen’s own applications and complaints.',
  schema: z.object({
    reference: z.string().nullable().describe('a reference like BC-2026-000123, or null for all'),
  }),
  requiresConfirmation: false,
  run: () => ({ ok: true, data: {} }),
};
const complaintTool: AnyToolDef = {
  name: 'file_hospital_complaint',
  description: 'File a complaint about a government hospital.',
  schema: z.object({
    hospitalName: z.string().describe('the hospital'),
    anonymous: z.boolean().describe('hide the name from the hospital'),
  }),
  requiresConfirmation: true,
  run: () => ({ ok: true, data: {} }),
};
const tools = [statusTool, complaintTool];

function input(over: Partial<EngineInput> = {}): EngineInput {
  return {
    citizen: { waId: '919812345678', name: 'Sita', lang: 'hi', languageChosen: false },
    inbound: { kind: 'text', text: 'मेरी शिकायत का क्या हुआ?' },
    inboundId: 7,
    lang: 'hi',
    history: [],
    toolCalls: [],
    engineState: null,
    pending: null,
    now: new Date('2026-11-24T03:30:00Z'),
    tools,
    ...over,
  };
}

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer({ model: 'fake-gpt' });
});
afterEach(async () => {
  await server.close();
});

function engine(over: Partial<OpenAIEngineOptions> = {}) {
  return createOpenAIEngine({
    baseUrl: server.url,
    apiKey: 'test-key',
    model: 'gpt-test',
    timeoutMs: 5_000,
    maxRetries: 0,
    systemPrompt: 'You are Sahayak. Reply in {{language}}. Today is {{today}}.{{pending}}',
    toolJsonSchema: (t) => z.toJSONSchema(t.schema),
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<EngineUnavailableError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(EngineUnavailableError);
  return err as EngineUnavailableError;
}

describe('openai engine', () => {
  it('returns a tool call with its raw arguments, the model and the usage', async () => {
    server.push({ toolCall: { name: 'check_status', arguments: { reference: 'HC-2026-000045' } } });
    const decision = await engine().decide(input());
    expect(decision).toEqual({
      toolCalls: [{ id: 'call_fake_1_0', name: 'check_status', arguments: '{"reference":"HC-2026-000045"}' }],
      model: 'fake-gpt',
      engineState: undefined,
      usage: { promptTokens: expect.any(Number), completionTokens: expect.any(Number) },
    });
  });

  it('passes malformed arguments and unknown tools through for the runtime to report', async () => {
    server.push({
      toolCalls: [
        { name: 'delete_everything', arguments: '{}' },
        { name: 'check_status', arguments: '{"reference": "BC-2026' },
      ],
    });
    const decision = await engine().decide(input());
    expect(decision.toolCalls).toEqual([
      { id: 'call_fake_1_0', name: 'delete_everything', arguments: '{}' },
      { id: 'call_fake_1_1', name: 'check_status', arguments: '{"reference": "BC-2026' },
    ]);
  });

  it('ends the turn with a text reply and records the reported usage', async () => {
    server.push({
      reply: 'आपकी शिकायत HC-2026-000045 पर काम चल रहा है।',
      usage: { prompt_tokens: 812, completion_tokens: 23 },
    });
    const decision = await engine().decide(input());
    expect(decision).toEqual({
      reply: text('आपकी शिकायत HC-2026-000045 पर काम चल रहा है।'),
      model: 'fake-gpt',
      engineState: undefined,
      usage: { promptTokens: 812, completionTokens: 23 },
    });
  });

  it('sends system, history, the inbound and each tool call followed by its result', async () => {
    server.push({ reply: 'done' });
    await engine().decide(
      input({
        lang: 'en',
        inbound: { kind: 'image', mediaId: 'm1', caption: 'dirty ward' },
        history: [
          { role: 'user', text: 'I want to complain' },
          { role: 'assistant', text: 'Which hospital?' },
        ],
        toolCalls: [
          {
            id: 'c1',
            name: 'check_status',
            arguments: '{"reference":null}',
            result: { ok: true, data: { items: [] } },
            status: 'ok',
          },
          {
            id: 'c2',
            name: 'check_status',
            arguments: '{"ref":1}',
            result: { ok: false },
            validationError: 'reference: required',
            status: 'invalid',
          },
        ],
      }),
    );
    const messages = server.requests[0].messages ?? [];
    expect(messages.slice(1)).toEqual([
      { role: 'user', content: 'I want to complain' },
      { role: 'assistant', content: 'Which hospital?' },
      { role: 'user', content: '[photo attached: dirty ward]' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c1', type: 'function', function: { name: 'check_status', arguments: '{"reference":null}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c1', content: '{"status":"ok","ok":true,"data":{"items":[]}}' },
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'c2', type: 'function', function: { name: 'check_status', arguments: '{"ref":1}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'c2', content: '{"status":"invalid","error":"reference: required"}' },
    ]);
    expect(messages[0]).toEqual({
      role: 'system',
      content: 'You are Sahayak. Reply in English. Today is 2026-11-24.',
    });
  });

  it('sends a button reply as its title and the pending confirmation in the system prompt', async () => {
    server.push({ reply: 'ok' });
    await engine().decide(
      input({
        inbound: { kind: 'button', id: 'confirm:yes', title: 'हाँ, जमा करें' },
        pending: {
          tool: 'file_hospital_complaint',
          args: { hospitalName: 'AIIMS', anonymous: true },
          inboundId: 6,
          createdAt: 0,
        },
      }),
    );
    const [system, user] = server.requests[0].messages ?? [];
    expect(user).toEqual({ role: 'user', content: 'हाँ, जमा करें' });
    expect(system.content).toContain('Reply in Hindi in Devanagari.');
    expect(system.content).toContain(
      'Shown for confirmation: file_hospital_complaint {"hospitalName":"AIIMS","anonymous":true}',
    );
    expect(system.content).toContain('call file_hospital_complaint again with exactly these arguments');
  });

  it('sends every tool as a strict function with its JSON Schema, one call at a time', async () => {
    server.push({ reply: 'ok' });
    await engine().decide(input());
    const body = server.requests[0];
    expect(body.model).toBe('gpt-test');
    expect(body.parallel_tool_calls).toBe(false);
    expect(body.tools?.map((t) => t.function.name)).toEqual(['check_status', 'file_hospital_complaint']);
    for (const t of body.tools ?? []) {
      expect(t.type).toBe('function');
      expect(t.function.strict).toBe(true);
      expect(t.function.parameters).toHaveProperty('properties');
    }
  });

  it('rides out one 500 with the SDK retry and returns one decision', async () => {
    server.push({ status: 500, retryAfterMs: 0 }, { reply: 'back again' });
    const decision = await engine({ maxRetries: 2 }).decide(input());
    expect(decision.reply).toEqual(text('back again'));
    expect(server.requests).toHaveLength(2);
  });

  it('gives up with server_error when the 500s persist after the retries', async () => {
    server.push({ status: 500, retryAfterMs: 0 }, { status: 503, retryAfterMs: 0 }, { reply: 'too late' });
    const err = await failure(engine({ maxRetries: 1 }).decide(input()));
    expect(err.reason).toBe('server_error');
    expect(server.requests).toHaveLength(2);
  });

  it('maps a 429 to rate_limited', async () => {
    server.push({
      status: 429,
      body: { error: { message: 'slow down', type: 'requests', code: 'rate_limit_exceeded' } },
    });
    expect((await failure(engine().decide(input()))).reason).toBe('rate_limited');
  });

  it('maps a request that never answers to timeout', async () => {
    server.push({ hang: true });
    expect((await failure(engine({ timeoutMs: 200 }).decide(input()))).reason).toBe('timeout');
  });

  it('maps a server that is not there to connection', async () => {
    const gone = await startFakeOpenAIServer();
    await gone.close();
    expect((await failure(engine({ baseUrl: gone.url }).decide(input()))).reason).toBe('connection');
  });

  it.each([
    ['an unparseable body', { malformed: true as const }],
    ['no choices', { raw: { id: 'x', object: 'chat.completion', choices: [] } }],
    ['an empty message', { raw: { choices: [{ index: 0, message: { role: 'assistant', content: '' } }] } }],
    ['a refused request', { status: 400 }],
  ])('maps %s to bad_response', async (_name, step) => {
    server.push(step);
    expect((await failure(engine().decide(input()))).reason).toBe('bad_response');
  });

  it('answers a repeated request from the cache without asking the server again', async () => {
    const cache = createMemoryCompletionCache();
    server.push({ toolCall: { name: 'check_status', arguments: { reference: null } } });
    const first = await engine({ cache }).decide(input());
    const second = await engine({ cache }).decide(input());
    expect(second).toEqual(first);
    expect(server.requests).toHaveLength(1);
    expect(cache.size()).toBe(1);
  });

  it('does not cache a failure', async () => {
    const cache = createMemoryCompletionCache();
    server.push({ raw: { choices: [] } }, { reply: 'fine now' });
    await failure(engine({ cache }).decide(input()));
    expect((await engine({ cache }).decide(input())).reply).toEqual(text('fine now'));
    expect(server.requests).toHaveLength(2);
  });
});
