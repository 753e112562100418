import type { CaseResult, TrialScores } from './types.js';

export interface SummaryRow {
  key: string;
  cases: number;
  trials: number;
  /** mean over cases of c/n */
  passRate: number;
  /** mean pass^k at k = trials per case (equals passRate when k = 1) */
  passHatK: number;
  taskSuccess: number;
  toolSelection: number | null;
  argAccuracy: number | null;
  languageMatch: number | null;
  grounding: number;
  turnsToCompletion: number | null;
  latencyMsPerTurn: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  judgeTone: number | null;
  judgeHelpfulness: number | null;
}

const mean = (xs: number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

function trialMean(cases: CaseResult[], pick: (s: TrialScores) => number | boolean | null): number | null {
  const xs = cases.flatMap((c) => c.trials.map((t) => pick(t.scores))).filter((x) => x !== null) as (
    | number
    | boolean
  )[];
  return mean(xs.map(Number));
}

/** One summary row over a group of case results. */
export function summarise(key: string, cases: CaseResult[]): SummaryRow {
  const trials = cases.reduce((s, c) => s + c.trials.length, 0);
  const turns = cases.reduce((s, c) => s + c.trials.reduce((a, t) => a + t.turns.length, 0), 0);
  const latency = cases.reduce((s, c) => s + c.trials.reduce((a, t) => a + t.scores.latencyMs, 0), 0);
  const costs = cases
    .flatMap((c) => c.trials.map((t) => t.scores.costUsd))
    .filter((x): x is number => x !== null);
  const judged = cases
    .map((c) => c.judge)
    .filter(
      (j): j is { tone: number; helpfulness: number; rationale: string; model: string } => !!j && 'tone' in j,
    );
  return {
    key,
    cases: cases.length,
    trials,
    passRate: mean(cases.map((c) => c.passes / c.trials.length)) ?? 0,
    passHatK: mean(cases.map((c) => c.passHatK[c.passHatK.length - 1] ?? 0)) ?? 0,
    taskSuccess: trialMean(cases, (s) => s.taskSuccess) ?? 0,
    toolSelection: trialMean(cases, (s) => s.toolSelection),
    argAccuracy: trialMean(cases, (s) => s.argAccuracy),
    languageMatch: trialMean(cases, (s) => s.languageMatch),
    grounding: trialMean(cases, (s) => s.grounding) ?? 0,
    turnsToCompletion: trialMean(cases, (s) => s.turnsToCompletion),
    latencyMsPerTurn: turns ? latency / turns : 0,
    promptTokens: cases.reduce((s, c) => s + c.trials.reduce((a, t) => a + t.scores.promptTokens, 0), 0),
    completionTokens: cases.reduce(
      (s, c) => s + c.trials.reduce((a, t) => a + t.scores.completionTokens, 0),
      0,
    ),
    costUsd: costs.length ? costs.reduce((a, b) => a + b, 0) : null,
    judgeTone: mean(judged.map((j) => j.tone)),
    judgeHelpfulness: mean(judged.map((j) => j.helpfulness)),
  };
}

function groupBy(cases: CaseResult[], keyOf: (c: CaseResult) => string[]): Map<string, CaseResult[]> {
  const out = new Map<string, CaseResult[]>();
  for (const c of cases) for (const k of keyOf(c)) out.set(k, [...(out.get(k) ?? []), c]);
  return new Map([...out.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

export interface Summary {
  byVariant: SummaryRow[];
  /** keys "variant / suite" */
  bySuite: SummaryRow[];
  /** keys "variant / language" */
  byLanguage: SummaryRow[];
  /** keys "variant / tag" */
  byTag: SummaryRow[];
}

export function summariseAll(results: CaseResult[]): Summary {
  const rows = (g: Map<string, CaseResult[]>) => [...g.entries()].map(([k, cs]) => summarise(k, cs));
  return {
    byVariant: rows(groupBy(results, (c) => [c.variant])),
    bySuite: rows(groupBy(results, (c) => [`${c.variant} / ${c.suite}`])),
    byLanguage: rows(groupBy(results, (c) => [`${c.variant} / ${c.language}`])),
    byTag: rows(groupBy(results, (c) => c.tags.map((t) => `${c.variant} / ${t}`))),
  };
}
