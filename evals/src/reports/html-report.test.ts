import { describe, expect, it } from 'vitest';
import { summariseAll } from '../aggregate.js';
import type { EvalReport } from '../run-eval.js';
import type { CaseResult, TrialResult } from '../types.js';
import { htmlReport } from './html-report.js';

const trial = (pass: boolean, read?: unknown): TrialResult =>
  ({
    trial: 0,
    scores: { pass, latencyMs: 1, promptTokens: 0, completionTokens: 0, costUsd: null },
    checks: pass
      ? []
      : [
          {
            kind: 'end_state',
            pass: false,
            message: 'applications: dateOfBirth: expected "2026-11-12", got "2026-11-21"',
          },
        ],
    turns: [
      {
        index: 0,
        input: '12 nov ko hua',
        inboundId: 1,
        replies: [],
        replyText: 'Maa ka poora naam kya hai?',
        toolCalls: [],
        latencyMs: 1,
        wallMs: 1,
        promptTokens: 0,
        completionTokens: 0,
        ...(read !== undefined ? { read } : {}),
      },
    ],
    endState: { applications: [], complaints: [], payments: [] },
  }) as unknown as TrialResult;

const result = (id: string, t: TrialResult): CaseResult => ({
  variant: 'offline',
  id,
  suite: 's',
  language: 'hinglish',
  tags: [],
  trials: [t],
  passes: t.scores.pass ? 1 : 0,
  passHatK: [t.scores.pass ? 1 : 0],
  expected: {},
});

describe('htmlReport', () => {
  it('shows what the engine read on each turn of a failing case, so a wrong value shows where it came from', () => {
    const read = [{ field: 'dateOfBirth', value: '2026-11-21', from: '21' }];
    const cases = [result('bad-date', trial(false, read)), result('fine', trial(true, [{ field: 'x' }]))];
    const report = {
      version: 1,
      startedAt: '2026-11-24T04:30:00.000Z',
      finishedAt: '2026-11-24T04:30:01.000Z',
      variants: [{ name: 'offline', engine: 'offline' }],
      repeat: 1,
      concurrency: 1,
      cases,
      summary: summariseAll(cases),
      thresholds: [],
      timing: { wallMs: 1, engineMs: 1, concurrency: 1, idealMs: 1, ratio: 1 },
      passed: false,
    } as EvalReport;
    const html = htmlReport(report);
    const failing = html.slice(html.indexOf('Failing cases'), html.indexOf('All cases'));
    expect(failing).toContain(
      'engine read: [{&quot;field&quot;:&quot;dateOfBirth&quot;,&quot;value&quot;:&quot;2026-11-21&quot;,&quot;from&quot;:&quot;21&quot;}]',
    );
    expect(failing).not.toContain('fine');
    // a turn record without it (today's engines) shows no empty line
    expect(htmlReport({ ...report, cases: [result('old', trial(false))] })).not.toContain('engine read:');
  });
});
