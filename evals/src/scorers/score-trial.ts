import type { Lang } from '../../../src/lang/language.js';
import type { EvalCase } from '../case-schema.js';
import type { Check, StoreState, TrialScores, TurnRecord } from '../types.js';
import { checkEndState } from './end-state.js';
import { checkGrounding } from './grounding.js';
import { checkTurn } from './turn-checks.js';

export interface Pricing {
  /** USD per million tokens */
  input: number;
  output: number;
}

export interface TrialObservation {
  turns: TurnRecord[];
  /** records created during the case */
  created: StoreState;
  /** the whole store at the end, seeded records included */
  all: StoreState;
  waId: string;
  error?: string;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** Deterministic scores and the list of checks of one trial. */
export function scoreTrial(
  c: EvalCase,
  obs: TrialObservation,
  pricing?: Pricing,
): { scores: TrialScores; checks: Check[] } {
  const checks: Check[] = [];
  if (obs.error) checks.push({ kind: 'error', pass: false, message: obs.error });
  let lang: Lang | 'any' = c.language;
  let tools = 0;
  let toolsOk = 0;
  let argM = 0;
  let argT = 0;
  let langs = 0;
  let langsOk = 0;
  let replyP = 0;
  let replyT = 0;
  (c.turns ?? []).forEach((exp, i) => {
    const rec = obs.turns[i];
    if (!rec) return;
    // an explicit language switch is remembered: later turns default to it
    const want = exp.replyLanguage ?? lang;
    if (exp.replyLanguage && exp.replyLanguage !== 'any') lang = exp.replyLanguage;
    const t = checkTurn(exp, rec, want);
    checks.push(...t.checks);
    if (t.toolOk !== null) {
      tools += 1;
      if (t.toolOk) toolsOk += 1;
    }
    if (t.args) {
      argM += t.args.matched;
      argT += t.args.total;
    }
    if (t.languageOk !== null) {
      langs += 1;
      if (t.languageOk) langsOk += 1;
    }
    replyP += t.reply.passed;
    replyT += t.reply.total;
  });

  const diffs = checkEndState(c.expect, obs.created);
  for (const d of diffs) {
    const detail = d.records
      .flatMap((r) =>
        r.mismatches.map(
          (m) => `${m.field}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`,
        ),
      )
      .join('; ');
    const count = d.countOk ? '' : `expected ${JSON.stringify(d.expectedCount)} new, found ${d.actualCount}`;
    checks.push({
      kind: 'end_state',
      pass: d.pass,
      message: `${d.table}: ${d.pass ? `${d.actualCount} new, as expected` : [count, detail].filter(Boolean).join('; ')}`,
    });
  }
  const taskSuccess = !obs.error && diffs.every((d) => d.pass);

  const g = checkGrounding(
    obs.turns.map((t) => t.replyText).join('\n'),
    obs.all,
    obs.waId,
    obs.turns.map((t) => t.input).join('\n'),
  );
  checks.push({
    kind: 'grounding',
    pass: g.pass,
    message: g.pass
      ? 'every reference is real and the citizen’s own'
      : [
          g.ungrounded.length ? `unknown references ${g.ungrounded.join(', ')}` : '',
          g.foreign.length ? `another citizen’s references ${g.foreign.join(', ')}` : '',
        ]
          .filter(Boolean)
          .join('; '),
  });

  const sourceTurn = new Map(obs.turns.map((t) => [t.inboundId, t.index + 1]));
  const completedAt = Object.values(obs.created)
    .flat()
    .map((r) => sourceTurn.get(Number(r.sourceMessageId)))
    .filter((n): n is number => n !== undefined);
  const promptTokens = obs.turns.reduce((s, t) => s + t.promptTokens, 0);
  const completionTokens = obs.turns.reduce((s, t) => s + t.completionTokens, 0);
  const scores: TrialScores = {
    pass: checks.every((x) => x.pass),
    taskSuccess,
    toolSelection: ratio(toolsOk, tools),
    argAccuracy: ratio(argM, argT),
    languageMatch: ratio(langsOk, langs),
    replyChecks: ratio(replyP, replyT),
    grounding: g.pass,
    turnsToCompletion: completedAt.length ? Math.max(...completedAt) : null,
    latencyMs: obs.turns.reduce((s, t) => s + t.latencyMs, 0),
    wallMs: obs.turns.reduce((s, t) => s + t.wallMs, 0),
    promptTokens,
    completionTokens,
    costUsd: pricing ? (promptTokens * pricing.input + completionTokens * pricing.output) / 1e6 : null,
    fellBack: obs.turns.filter((t) => t.fellBack).length,
  };
  return { scores, checks };
}
