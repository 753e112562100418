import { afterEach, describe, expect, it } from 'vitest';
import { toolJsonSchema } from '../../tools/tool-json-schema.js';
import { loadSystemPrompt } from '../agent/openai/load-prompt.js';
import { createOpenAIEngine } from '../agent/openai/openai-engine.js';
import {
  type FakeOpenAIServer,
  type FakeStep,
  startFakeOpenAIServer,
} from '../testing/fake-openai-server.js';
import { createHarness } from './harness.js';

const WA = '919822200001';
const MESSAGE = 'mujhe beti ka janm praman patra banwana hai';

let fake: FakeOpenAIServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** What the offline engine alone answers to the same message: the reply a fallback must give. */
async function offlineReply(): Promise<string> {
  return createHarness().say(WA, MESSAGE);
}

async function turnWith(failure: { script?: FakeStep[]; handler?: () => FakeStep }, timeoutMs = 2_000) {
  fake = await startFakeOpenAIServer({ script: failure.script, handler: failure.handler });
  const engine = createOpenAIEngine({
    baseUrl: fake.url,
    model: 'fake-model',
    timeoutMs,
    maxRetries: 1,
    systemPrompt: loadSystemPrompt({ variant: 'default' }),
    toolJsonSchema,
  });
  const h = createHarness({ engine });
  const reply = await h.say(WA, MESSAGE);
  const turn = h.db.$client
    .prepare('select engine, fell_back as fellBack, fallback_reason as reason from turns')
    .all() as { engine: string; fellBack: number; reason: string }[];
  const inbox = h.db.$client.prepare(`select process_status as s from messages where direction = 'in'`).all();
  return { reply, turn, inbox, requests: fake.requestCount };
}

const error = (status: number) => ({ status, retryAfterMs: 5 });

describe('LLM failures end in the offline engine’s reply, never in silence', () => {
  it.each<[string, { script?: FakeStep[]; handler?: () => FakeStep }, string, number]>([
    ['a timeout', { handler: () => ({ hang: true }) }, 'timeout', 2],
    ['429 twice (after the SDK’s retry)', { script: [error(429), error(429)] }, 'rate_limited', 2],
    ['503 twice', { script: [error(503), error(503)] }, 'server_error', 2],
    ['500 twice', { script: [error(500), error(500)] }, 'server_error', 2],
    ['a body that is not JSON', { handler: () => ({ malformed: true }) }, 'bad_response', 1],
    [
      'a completion without choices',
      { handler: () => ({ raw: { id: 'x', object: 'chat.completion', choices: [] } }) },
      'bad_response',
      1,
    ],
    [
      'a model that only calls a tool that does not exist',
      { handler: () => ({ toolCall: { name: 'delete_all_records', arguments: {} } }) },
      'loop',
      6,
    ],
    [
      'a model that calls check_status forever',
      { handler: () => ({ toolCall: { name: 'check_status', arguments: {} } }) },
      'loop',
      6,
    ],
  ])('%s', async (_name, failure, reason, minRequests) => {
    const expected = await offlineReply();
    // a short client timeout only where the timeout is the failure under test
    const got = await turnWith(failure, reason === 'timeout' ? 300 : 5_000);
    expect(got.turn).toEqual([{ engine: 'offline', fellBack: 1, reason }]);
    expect(got.inbox).toEqual([{ s: 'done' }]);
    expect(got.reply).toBe(expected);
    expect(got.reply.length).toBeGreaterThan(0);
    expect(got.requests).toBeGreaterThanOrEqual(minRequests);
  });

  it('does not fall back when the model answers', async () => {
    const got = await turnWith({
      script: [{ reply: 'Zaroor, main madad karunga. Bachche ka naam kya hai?' }],
    });
    expect(got.turn).toEqual([{ engine: 'openai', fellBack: 0, reason: null }]);
    expect(got.reply).toContain('Bachche ka naam kya hai?');
  });
});
