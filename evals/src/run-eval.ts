import type { Logger } from 'pino';
import type { Engine } from '../../src/agent/engine.js';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import type { PipelineSettings } from '../../src/pipeline/process-inbound.js';
import type { AnyToolDef } from '../../tools/tool.js';
import { type Summary, summariseAll } from './aggregate.js';
import type { EvalCase } from './case-schema.js';
import type { Thresholds } from './eval-config.js';
import { type JudgeDeps, judgeConversation } from './judge.js';
import { passHatCurve } from './pass-hat-k.js';
import { runPool } from './pool.js';
import { runCaseTrial } from './run-case.js';
import type { Pricing } from './scorers/score-trial.js';
import type { Citizen } from './simulator/citizen.js';
import { checkThresholds, type ThresholdResult } from './thresholds.js';
import type { CaseResult, TrialResult, Variant } from './types.js';

export interface EvalRunOptions {
  cases: EvalCase[];
  variants: Variant[];
  /** builds (once per variant) the engine under test */
  engineFor: (v: Variant) => Engine;
  fallbackEngine: Engine;
  tools: AnyToolDef[];
  catalogue: Catalogue;
  logger: Logger;
  settings: PipelineSettings;
  repeat: number;
  concurrency: number;
  thresholds: Thresholds;
  pricing?: Record<string, Pricing>;
  judge?: JudgeDeps;
  llmCitizen?: (c: EvalCase, trial: number) => Citizen;
  onTrial?: (label: string, pass: boolean) => void;
}

export interface RunTiming {
  wallMs: number;
  /** sum of the engine time of every turn (model time for LLM variants) */
  engineMs: number;
  concurrency: number;
  /** engineMs ÷ concurrency: the wall time of perfect parallelism */
  idealMs: number;
  /** wall ÷ ideal; 1.0 is perfect */
  ratio: number | null;
}

export interface EvalReport {
  version: 1;
  startedAt: string;
  finishedAt: string;
  variants: Variant[];
  repeat: number;
  concurrency: number;
  cases: CaseResult[];
  summary: Summary;
  thresholds: ThresholdResult[];
  timing: RunTiming;
  passed: boolean;
}

/** Runs every case × variant × trial in fresh stores, scores them, judges (optionally) and summarises. */
export async function runEval(o: EvalRunOptions): Promise<EvalReport> {
  const startedAt = new Date();
  const t0 = performance.now();
  const engines = new Map(o.variants.map((v) => [v.name, o.engineFor(v)]));
  const tasks = o.variants.flatMap((variant) =>
    o.cases.flatMap((c) => Array.from({ length: o.repeat }, (_, trial) => ({ variant, c, trial }))),
  );
  const trials = await runPool(tasks, o.concurrency, async ({ variant, c, trial }) => {
    const engine = engines.get(variant.name)!;
    const pricing = o.pricing?.[variant.model ?? engine.model ?? ''];
    const result = await runCaseTrial(c, trial, {
      engine,
      fallbackEngine: o.fallbackEngine,
      tools: o.tools,
      catalogue: o.catalogue,
      logger: o.logger,
      settings: o.settings,
      ...(pricing ? { pricing } : {}),
      ...(o.llmCitizen ? { llmCitizen: o.llmCitizen } : {}),
    });
    o.onTrial?.(`${variant.name} ${c.id}${o.repeat > 1 ? ` #${trial + 1}` : ''}`, result.scores.pass);
    return result;
  });

  const byKey = new Map<string, TrialResult[]>();
  tasks.forEach((t, i) => {
    const key = `${t.variant.name}\u0000${t.c.id}`;
    byKey.set(key, [...(byKey.get(key) ?? []), trials[i]]);
  });
  const cases: CaseResult[] = o.variants.flatMap((v) =>
    o.cases.map((c) => {
      const ts = byKey.get(`${v.name}\u0000${c.id}`) ?? [];
      const passes = ts.filter((t) => t.scores.pass).length;
      return {
        variant: v.name,
        id: c.id,
        suite: c.suite,
        language: c.language,
        tags: c.tags,
        ...(c.description ? { description: c.description } : {}),
        trials: ts,
        passes,
        passHatK: passHatCurve(passes, ts.length),
        expected: {
          ...(c.turns ? { turns: c.turns } : {}),
          ...(c.goal ? { goal: c.goal } : {}),
          ...(c.expect ? { expect: c.expect } : {}),
        },
      };
    }),
  );
  const wallMs = performance.now() - t0;

  if (o.judge) {
    const judge = o.judge;
    await runPool(cases, o.concurrency, async (cr) => {
      try {
        cr.judge = await judgeConversation(cr.language, cr.trials[0]?.turns ?? [], judge);
      } catch (err) {
        cr.judge = { error: err instanceof Error ? err.message : String(err) };
      }
    });
  }

  const engineMs = cases.reduce((s, c) => s + c.trials.reduce((a, t) => a + t.scores.latencyMs, 0), 0);
  const idealMs = engineMs / Math.max(1, o.concurrency);
  const thresholds = checkThresholds(cases, o.thresholds);
  return {
    version: 1,
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    variants: o.variants,
    repeat: o.repeat,
    concurrency: o.concurrency,
    cases,
    summary: summariseAll(cases),
    thresholds,
    timing: {
      wallMs,
      engineMs,
      concurrency: o.concurrency,
      idealMs,
      ratio: idealMs > 0 ? wallMs / idealMs : null,
    },
    passed: thresholds.every((t) => t.pass),
  };
}
