import { encode } from 'gpt-tokenizer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allTools } from '../../../tools/index.js';
import { toolJsonSchema } from '../../../tools/tool-json-schema.js';
import { services } from '../../services/registry.js';
import { type FakeOpenAIServer, startFakeOpenAIServer } from '../../testing/fake-openai-server.js';
import type { EngineInput } from '../engine.js';
import { buildTools } from './build-messages.js';
import { listPromptVariants, loadSystemPrompt, renderSystemPrompt } from './load-prompt.js';
import { createOpenAIEngine } from './openai-engine.js';
import { strictSchemaProblems } from './strict-schema-problems.js';

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await startFakeOpenAIServer();
});
afterEach(async () => {
  await server.close();
});

const input: EngineInput = {
  citizen: { waId: '919812345678', name: null, lang: 'hinglish', languageChosen: false },
  inbound: { kind: 'text', text: 'beti ka janm praman patra banwana hai' },
  inboundId: 1,
  lang: 'hinglish',
  history: [],
  toolCalls: [],
  engineState: null,
  pending: null,
  now: new Date('2026-11-24T03:30:00Z'),
  tools: allTools,
};

describe('the real tools as the model sees them', () => {
  it('sends each tool as a strict function whose schema strict mode accepts', async () => {
    server.push({ reply: 'Zaroor! Bachche ki janm tithi kya hai?' });
    const engine = createOpenAIEngine({
      baseUrl: server.url,
      model: 'gpt-test',
      timeoutMs: 5_000,
      maxRetries: 0,
      systemPrompt: loadSystemPrompt({ variant: 'default' }),
      toolJsonSchema,
    });
    await engine.decide(input);
    const sent = server.requests[0].tools ?? [];
    expect(sent.map((t) => t.function.name)).toEqual(allTools.map((t) => t.name));
    for (const t of sent) {
      expect(t.function.strict).toBe(true);
      expect(t.function.parameters).toHaveProperty('properties');
      expect({ tool: t.function.name, problems: strictSchemaProblems(t.function.parameters) }).toEqual({
        tool: t.function.name,
        problems: [],
      });
    }
  });

  // 1,500 tokens for the prompt and the first two services' tools, and at most 350 more per added service
  const budget = 1_500 + 350 * (services.length - 2);
  it.each(listPromptVariants())('keeps prompt %s and the tool schemas within the token budget', (variant) => {
    const system = renderSystemPrompt(loadSystemPrompt({ variant }), {
      lang: 'hinglish',
      today: '2026-11-24',
      pending: null,
    });
    const tools = JSON.stringify(buildTools(allTools, toolJsonSchema));
    expect(encode(system).length + encode(tools).length).toBeLessThan(budget);
  });
});
