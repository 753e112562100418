import type { Engine } from '../src/agent/engine.js';
import { loadSystemPrompt } from '../src/agent/openai/load-prompt.js';
import { createOpenAIEngine } from '../src/agent/openai/openai-engine.js';
import { createLogger } from '../src/logging/create-logger.js';
import { scriptFor } from '../src/reliability/conversations.js';
import { createHarness } from '../src/reliability/harness.js';
import { startFakeOpenAIServer } from '../src/testing/fake-openai-server.js';
import { toolJsonSchema } from '../tools/tool-json-schema.js';
import { median, quantile, round } from './lib/stats.js';

/**
 * Our cost per turn around a model that answers instantly: the fake model's handler returns
 * at once, so the whole turn — store, load history, build the request, HTTP + SDK, parse,
 * commit reply and transcript — is overhead. Reported with the part spent in the engine's
 * HTTP round trip, and the time the fake server spent answering (the "model time").
 */
export async function benchOpenAIOverhead({ turns }: { turns: number }) {
  const serverMs: number[] = [];
  const fake = await startFakeOpenAIServer({
    recordRequests: false,
    handler: () => {
      const t0 = performance.now();
      const step = {
        reply: 'Ji zaroor. Bachche ka naam kya hai?',
        usage: { prompt_tokens: 900, completion_tokens: 12 },
      };
      serverMs.push(performance.now() - t0);
      return step;
    },
  });
  const inner = createOpenAIEngine({
    baseUrl: fake.url,
    model: 'zero-latency',
    timeoutMs: 5_000,
    maxRetries: 0,
    systemPrompt: loadSystemPrompt({ variant: 'default' }),
    toolJsonSchema,
  });
  const engineMs: number[] = [];
  const engine: Engine = {
    name: inner.name,
    model: inner.model,
    decide: async (input) => {
      const t0 = performance.now();
      try {
        return await inner.decide(input);
      } finally {
        engineMs.push(performance.now() - t0);
      }
    },
  };
  const h = createHarness({ engine, logger: createLogger({ level: 'warn' }) });
  const turnMs: number[] = [];
  const citizens = 50;
  for (let i = 0; i < turns + citizens; i++) {
    const c = i % citizens;
    const text = scriptFor(c, 64)[Math.floor(i / citizens)];
    const t0 = performance.now();
    await h.say(`9197700${String(c).padStart(5, '0')}`, text);
    if (i >= citizens) turnMs.push(performance.now() - t0); // the first message of each citizen warms up
  }
  await fake.close();
  const fellBack = (
    h.db.$client.prepare('select count(*) as n from turns where fell_back = 1').get() as { n: number }
  ).n;
  const modelMs = median(serverMs);
  return {
    turns: turnMs.length,
    medianTurnMs: round(median(turnMs), 2),
    p99TurnMs: round(quantile(turnMs, 0.99), 2),
    medianEngineCallMs: round(median(engineMs), 2),
    medianModelMs: round(modelMs, 3),
    medianOverheadMs: round(median(turnMs) - modelMs, 2),
    fellBack,
    targetMs: 2,
    met: median(turnMs) - modelMs < 2,
  };
}
