import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import OpenAI from 'openai';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineEngine } from '../../../src/agent/offline/offline-engine.js';
import { createMemoryCompletionCache } from '../../../src/agent/openai/completion-cache.js';
import { loadCatalogue } from '../../../src/i18n/catalogue.js';
import {
  type FakeOpenAIServer,
  type FakeRequestBody,
  startFakeOpenAIServer,
} from '../../../src/testing/fake-openai-server.js';
import { testPipelineSettings } from '../../../src/testing/pipeline-settings.js';
import { allTools } from '../../../tools/index.js';
import { caseSchema } from '../case-schema.js';
import { runCaseTrial } from '../run-case.js';
import { runCli } from '../run-cli.js';
import { captureIo, tempEvalDir } from '../testing/temp-suite.js';
import { createLlmCitizen } from './llm-citizen.js';

// A fake "citizen model": reads the last assistant message it is shown (as the user turn)
// and answers with a JSON move, the way the prompt asks a real model to.
function citizenModel(body: FakeRequestBody) {
  const last = String(body.messages?.at(-1)?.content ?? '');
  const move = (m: unknown) => ({
    reply: JSON.stringify(m),
    usage: { prompt_tokens: 50, completion_tokens: 5 },
  });
  if (last.startsWith('(you start')) return move({ message: 'I want to complain about a hospital' });
  if (/HC-2026-\d+/.test(last)) return move({ done: 'submitted' });
  if (last.includes('[confirm:yes]')) return move({ tap: 'confirm:yes' });
  if (last.includes('[anon:no]')) return move({ tap: 'anon:no' });
  if (last.includes('[skip]')) return move({ tap: 'skip' });
  if (/which district/i.test(last)) return move({ message: 'Lucknow' });
  if (/which hospital/i.test(last)) return move({ message: 'Civil Hospital' });
  if (/what happened/i.test(last))
    return move({ message: 'the ward boy shouted at my father and pushed him' });
  if (last.includes('[cat:staff_behaviour]')) return move({ tap: 'cat:staff_behaviour' });
  return move({ done: 'stuck' });
}

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer({ handler: citizenModel });
});
afterAll(() => server.close());

const catalogue = loadCatalogue();
const engine = createOfflineEngine({ catalogue });
const c = caseSchema.parse({
  id: 'llm-citizen-complaint',
  suite: 'sim',
  language: 'en',
  goal: {
    service: 'hospital_complaint',
    simulator: 'llm',
    facts: {
      hospitalName: 'Civil Hospital',
      district: 'Lucknow',
      description: 'the ward boy shouted at my father and pushed him',
      category: 'staff_behaviour',
      anonymous: false,
    },
  },
  expect: {
    complaints: {
      count: 1,
      records: [
        {
          hospitalName: 'Civil Hospital',
          district: 'Lucknow',
          category: 'staff_behaviour',
          anonymous: false,
        },
      ],
    },
  },
});

describe('the OpenAI-compatible simulated citizen', () => {
  it('plays the goal with a pinned model, temperature and seed; the same oracle scores it; the cache replays it', async () => {
    const client = new OpenAI({ apiKey: 'test', baseURL: server.url, maxRetries: 0, logLevel: 'off' });
    const cache = createMemoryCompletionCache();
    const settings = { model: 'citizen-model-2026-01-01', temperature: 0.7, seed: 42 };
    const deps = {
      engine,
      fallbackEngine: engine,
      tools: allTools,
      catalogue,
      logger: pino({ level: 'silent' }),
      settings: testPipelineSettings({ rateLimitPerMinute: 1000 }),
      llmCitizen: (k: typeof c, trial: number) =>
        createLlmCitizen({ client, settings, goal: k.goal!, lang: k.language, trial, cache }),
    };
    const r = await runCaseTrial(c, 0, deps);
    expect(r.simulation).toEqual({ simulator: 'llm:citizen-model-2026-01-01', outcome: 'submitted' });
    expect(r.checks.filter((x) => !x.pass)).toEqual([]);
    expect(r.sent?.some((t) => t.button?.id === 'anon:no')).toBe(true);
    const asked = server.requests.length;
    expect(asked).toBeGreaterThan(4);
    for (const body of server.requests) {
      expect(body).toMatchObject({
        model: settings.model,
        temperature: 0.7,
        seed: 42,
        response_format: { type: 'json_object' },
      });
      expect(String(body.messages?.[0]?.content)).toContain('You are playing a citizen');
      expect(String(body.messages?.[0]?.content)).toContain('district: Lucknow');
    }

    const again = await runCaseTrial(c, 0, deps);
    expect(again.sent).toEqual(r.sent);
    expect(server.requests.length).toBe(asked);

    // another trial is another citizen: the seed moves with it, so it is asked afresh
    await runCaseTrial(c, 1, deps);
    expect(server.requests.length).toBeGreaterThan(asked);
    expect(server.requests.at(-1)?.seed).toBe(43);
  });

  it('is wired into npm run eval: the config pins it, --simulator llm picks it, the report says who played', async () => {
    const suite = `
suite: sim
cases:
  - id: cli-llm-citizen
    language: en
    goal:
      service: hospital_complaint
      facts: { hospitalName: Civil Hospital, district: Lucknow, description: the ward boy shouted at my father and pushed him, category: staff_behaviour, anonymous: false }
`;
    const config = `thresholds:\n  default: 0\nsimulator:\n  model: citizen-pinned\n  baseUrl: ${server.url}\n  temperature: 0.2\n  seed: 7\n`;
    const t = tempEvalDir(suite, config);
    const before = server.requests.length;
    const cap = captureIo();
    const code = await runCli(
      ['--cases', t.cases, '--config', t.config, '--out', t.out, '--quiet', '--simulator', 'llm'],
      { ...cap.io, cacheDir: join(t.dir, 'cache') },
    );
    expect(cap.stderr()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(readFileSync(join(t.out, 'latest', 'report.json'), 'utf8'));
    expect(report.cases[0].trials[0].simulation).toEqual({
      simulator: 'llm:citizen-pinned',
      outcome: 'submitted',
    });
    expect(report.cases[0].passes).toBe(1);
    const mine = server.requests.slice(before);
    expect(mine.length).toBeGreaterThan(3);
    expect(mine.every((b) => b.model === 'citizen-pinned' && b.temperature === 0.2 && b.seed === 7)).toBe(
      true,
    );
  });
});
