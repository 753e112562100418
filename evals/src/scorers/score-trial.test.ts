import { describe, expect, it } from 'vitest';
import { caseSchema } from '../case-schema.js';
import type { TurnRecord } from '../types.js';
import { scoreTrial } from './score-trial.js';

const turn = (index: number, text: string, extra: Partial<TurnRecord> = {}): TurnRecord => ({
  index,
  input: `m${index}`,
  inboundId: 10 + index,
  replies: [{ kind: 'text', text }],
  replyText: text,
  toolCalls: [],
  engine: 'openai',
  model: 'm',
  fellBack: false,
  language: null,
  latencyMs: 100,
  wallMs: 120,
  promptTokens: 1000,
  completionTokens: 100,
  ...extra,
});

describe('scoreTrial', () => {
  it('carries a language switch forward, finds the completing turn, prices tokens', () => {
    const c = caseSchema.parse({
      id: 'x',
      suite: 's',
      language: 'hi',
      turns: [{ text: 'नमस्ते' }, { text: 'English please', replyLanguage: 'en' }, { text: 'ok' }],
      expect: { complaints: { count: 1 } },
    });
    const complaint = { reference: 'HC-2026-000001', waId: 'w', sourceMessageId: 12 };
    const { scores, checks } = scoreTrial(
      c,
      {
        turns: [
          turn(0, 'नमस्ते! मैं आपकी क्या मदद करूँ?'),
          turn(1, 'Sure, I will write in English now.'),
          turn(2, 'Your complaint HC-2026-000001 is registered.'),
        ],
        created: { applications: [], complaints: [complaint], payments: [] },
        all: { applications: [], complaints: [complaint], payments: [] },
        waId: 'w',
      },
      { input: 1, output: 2 },
    );
    expect(checks.filter((x) => !x.pass)).toEqual([]);
    expect(scores).toEqual({
      pass: true,
      taskSuccess: true,
      toolSelection: null,
      argAccuracy: null,
      languageMatch: 1,
      replyChecks: null,
      grounding: true,
      turnsToCompletion: 3,
      latencyMs: 300,
      wallMs: 360,
      promptTokens: 3000,
      completionTokens: 300,
      costUsd: (3000 * 1 + 300 * 2) / 1e6,
      fellBack: 0,
    });
  });

  it('fails a case whose turn errored, even with a matching end state', () => {
    const c = caseSchema.parse({
      id: 'y',
      suite: 's',
      language: 'en',
      turns: [{ text: 'hi there, good morning' }],
    });
    const obs = {
      turns: [turn(0, 'Hello! How can I help?')],
      created: { applications: [], complaints: [], payments: [] },
      all: { applications: [], complaints: [], payments: [] },
      waId: 'w',
      error: 'turn 1 failed: boom',
    };
    const { scores, checks } = scoreTrial(c, obs);
    expect(scores).toMatchObject({ pass: false, taskSuccess: false, costUsd: null });
    expect(checks[0]).toEqual({ kind: 'error', pass: false, message: 'turn 1 failed: boom' });
  });
});
