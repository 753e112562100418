import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toolContext } from '../../../tools/test-context.js';
import type { AnyToolDef } from '../../../tools/tool.js';
import { openDatabase } from '../../db/open-database.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import { createLogger } from '../../logging/create-logger.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import { text } from '../../whatsapp/outbound-builders.js';
import type { Engine } from '../engine.js';
import { runTurn, type TurnInput } from '../turn-runner.js';
import { loadSystemPrompt } from './load-prompt.js';
import { createOpenAIEngine } from './openai-engine.js';

// The turn runner with this engine against the fake server: what a citizen gets when the
// model misbehaves or the provider is down.

const lookupTool: AnyToolDef = {
  name: 'check_status',
  description: 'Status of the citizen’s own records.',
  schema: z.object({
    reference: z
      .string()
      .regex(/^(BC|HC)-\d{4}-\d{6}$/)
      .describe('a reference'),
  }),
  requiresConfirmation: false,
  run: (args: { reference: string }) => ({
    ok: true,
    data: { reference: args.reference, status: 'received' },
  }),
};

const offline: Engine = { name: 'offline', decide: async () => ({ reply: text('offline answer') }) };

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer({ model: 'fake-gpt' });
});
afterEach(async () => {
  await server.close();
});

function turn(timeoutMs = 5_000) {
  const db = openDatabase({ path: ':memory:' });
  const ctx = toolContext(db, { waId: '919812345678' });
  const input: TurnInput = {
    citizen: { waId: ctx.waId, name: null, lang: 'en', languageChosen: false },
    inbound: { kind: 'text', text: 'status of BC-2026-000123?' },
    inboundId: ctx.inboundId,
    lang: 'en',
    history: [],
    engineState: null,
    pending: null,
    now: ctx.now,
    citizenConfirmed: false,
    toolContext: ctx,
  };
  const engine = createOpenAIEngine({
    baseUrl: server.url,
    model: 'gpt-test',
    timeoutMs,
    maxRetries: 0,
    systemPrompt: loadSystemPrompt({ variant: 'default' }),
    toolJsonSchema: (t) => z.toJSONSchema(t.schema),
  });
  return runTurn(input, {
    engine,
    fallbackEngine: offline,
    tools: [lookupTool],
    catalogue: loadCatalogue(),
    logger: createLogger({ level: 'silent' }),
    maxSteps: 4,
  });
}

describe('openai engine in a turn', () => {
  it('runs the tool call and answers with the model’s reply', async () => {
    server.push(
      { toolCall: { name: 'check_status', arguments: { reference: 'BC-2026-000123' } } },
      { reply: 'It is received.' },
    );
    const outcome = await turn();
    expect(outcome).toMatchObject({
      reply: text('It is received.'),
      engine: 'openai',
      model: 'fake-gpt',
      fellBack: false,
    });
    const toolMessage = server.requests[1].messages?.at(-1);
    expect(toolMessage).toEqual({
      role: 'tool',
      tool_call_id: 'call_fake_1_0',
      content: '{"status":"ok","ok":true,"data":{"reference":"BC-2026-000123","status":"received"}}',
    });
  });

  it('feeds malformed arguments back as a validation error and lets the model correct itself', async () => {
    server.push(
      { toolCall: { name: 'check_status', arguments: '{"reference": ' } },
      { toolCall: { name: 'check_status', arguments: { reference: 'BC-2026-000123' } } },
      { reply: 'It is received.' },
    );
    const outcome = await turn();
    expect(outcome.steps.map((s) => s.toolCalls.map((c) => c.status))).toEqual([['invalid'], ['ok'], []]);
    expect(outcome.reply).toEqual(text('It is received.'));
    expect(server.requests[1].messages?.at(-1)).toMatchObject({
      role: 'tool',
      content: expect.stringContaining('"status":"invalid"'),
    });
  });

  it.each([
    ['a persistent 500', { status: 500 }, 'server_error'],
    ['a timeout', { hang: true as const }, 'timeout'],
    ['an unparseable body', { malformed: true as const }, 'bad_response'],
  ])('falls back to the offline engine on %s', async (_name, step, reason) => {
    server.push(step);
    const outcome = await turn(300);
    expect(outcome).toMatchObject({
      reply: text('offline answer'),
      engine: 'offline',
      fellBack: true,
      fallbackReason: reason,
    });
  });

  it('falls back when the model loops on tool calls', async () => {
    server.setHandler(() => ({ toolCall: { name: 'no_such_tool', arguments: {} } }));
    const outcome = await turn();
    expect(outcome).toMatchObject({ reply: text('offline answer'), fellBack: true, fallbackReason: 'loop' });
    expect(server.requestCount).toBe(4);
  });
});
