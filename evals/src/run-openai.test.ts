import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeOpenAIServer,
  type FakeRequestBody,
  lastUserText,
  startFakeOpenAIServer,
} from '../../src/testing/fake-openai-server.js';
import { runCli } from './run-cli.js';
import { captureIo, tempEvalDir } from './testing/temp-suite.js';

// A scripted model: greets in the citizen's script, calls check_status when asked about a
// status, reports the tool result; as the judge it grades by the rubric's language.
function fakeModel(body: FakeRequestBody) {
  const messages = body.messages ?? [];
  const system = String(messages[0]?.content ?? '');
  if (system.includes('अंक दे रहे हैं'))
    return { reply: '{"tone": 5, "helpfulness": 4, "rationale": "polite, in Hindi"}' };
  if (system.includes('You are grading'))
    return { reply: 'Verdict: {"tone": 4, "helpfulness": 3, "rationale": "fine"}' };
  if (messages.at(-1)?.role === 'tool') return { reply: 'Your application BC-2026-000417 is under review.' };
  const text = lastUserText(body);
  if (/status/i.test(text))
    return { toolCall: { name: 'check_status', arguments: { reference: 'BC-2026-000417' } } };
  if (/[\u0900-\u097F]/.test(text))
    return { reply: 'नमस्ते! मैं जन्म प्रमाण पत्र और अस्पताल की शिकायत में आपकी मदद कर सकता हूँ।' };
  return { reply: 'Hello! I can help you apply for a birth certificate or file a hospital complaint.' };
}

const suite = `
suite: llm
cases:
  - id: llm-hi-greeting
    language: hi
    turns:
      - text: नमस्ते
        tool: none
  - id: llm-en-status
    language: en
    setup:
      applications:
        - { waId: "919800000001", reference: BC-2026-000417, status: under_review, language: en }
    turns:
      - text: what is the status of BC-2026-000417
        tool: check_status
        args: { reference: BC-2026-000417 }
        replyContains: [BC-2026-000417]
`;

let server: FakeOpenAIServer;
beforeAll(async () => {
  server = await startFakeOpenAIServer({ handler: fakeModel, model: 'fake-model' });
});
afterAll(() => server.close());

describe('npm run eval (openai engine against the fake server)', () => {
  it('runs a prompt matrix, judges apart from the scores, and replays from the cache on the second run', async () => {
    const config = `
variants:
  - { name: fake/default, engine: openai, model: fake-model, baseUrl: "${server.url}", prompt: default }
  - { name: fake/concise, engine: openai, model: fake-model, baseUrl: "${server.url}", prompt: concise }
concurrency: 4
llm: { timeoutMs: 5000, maxRetries: 0 }
judge: { model: judge-model, baseUrl: "${server.url}" }
pricing: { fake-model: { input: 1, output: 2 } }
`;
    const t = tempEvalDir(suite, config);
    const argv = ['--cases', t.cases, '--config', t.config, '--out', t.out, '--judge', '--quiet'];
    const first = captureIo();
    expect(await runCli(argv, { ...first.io, cacheDir: join(t.dir, 'cache') })).toBe(0);
    const report = JSON.parse(readFileSync(join(t.out, 'latest', 'report.json'), 'utf8'));
    const rows = report.cases.map(
      (c: { variant: string; id: string; passes: number; judge?: { tone: number } }) => [
        c.variant,
        c.id,
        c.passes,
        c.judge?.tone,
      ],
    );
    expect(rows).toEqual([
      ['fake/default', 'llm-hi-greeting', 1, 5],
      ['fake/default', 'llm-en-status', 1, 4],
      ['fake/concise', 'llm-hi-greeting', 1, 5],
      ['fake/concise', 'llm-en-status', 1, 4],
    ]);
    const status = report.cases[1].trials[0];
    expect(status.scores).toMatchObject({
      toolSelection: 1,
      argAccuracy: 1,
      languageMatch: 1,
      grounding: true,
    });
    expect(status.scores.promptTokens).toBeGreaterThan(0);
    expect(status.scores.costUsd).toBeGreaterThan(0);
    expect(first.stdout()).toMatch(/judge t\/h/);
    // the prompt variants differ, so each variant asked the model itself: 2 + 1 + 1 per variant, + 4 judgements
    const requests = server.requests.length;
    expect(requests).toBe(10);

    const second = captureIo();
    expect(await runCli(argv, { ...second.io, cacheDir: join(t.dir, 'cache') })).toBe(0);
    expect(server.requests.length).toBe(requests);
  });

  it('keeps the fake model busy at concurrency 16 (wall time vs ideal is printed, not asserted)', async () => {
    const slow = await startFakeOpenAIServer({ handler: fakeModel, latencyMs: 300 });
    try {
      const cases = Array.from(
        { length: 16 },
        (_, i) =>
          `  - id: slow-${i}\n    language: en\n    turns:\n      - text: hello there, how are you today\n`,
      ).join('');
      const t = tempEvalDir(`suite: slow\ncases:\n${cases}`, 'concurrency: 16\n');
      const cap = captureIo();
      const code = await runCli(
        [
          '--cases',
          t.cases,
          '--config',
          t.config,
          '--out',
          t.out,
          '--engine',
          'openai',
          '--model',
          'fake',
          '--base-url',
          slow.url,
          '--no-cache',
          '--quiet',
        ],
        cap.io,
      );
      expect(code).toBe(0);
      const timing = JSON.parse(readFileSync(join(t.out, 'latest', 'report.json'), 'utf8')).timing;
      console.log(
        cap
          .stdout()
          .split('\n')
          .find((l) => l.includes('wall/ideal')),
      );
      expect(timing.engineMs).toBeGreaterThanOrEqual(16 * 300);
      expect(slow.requests.length).toBe(16);
    } finally {
      await slow.close();
    }
  });
});
