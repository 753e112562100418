import type { Thresholds } from './eval-config.js';
import type { CaseResult } from './types.js';

export interface ThresholdResult {
  variant: string;
  scope: 'suite' | 'language' | 'tag';
  name: string;
  passRate: number;
  threshold: number;
  pass: boolean;
}

const passRate = (cs: CaseResult[]) => cs.reduce((s, c) => s + c.passes / c.trials.length, 0) / cs.length;

/** Pass rate per suite, language and tag of each variant against the configured minimums. */
export function checkThresholds(results: CaseResult[], t: Thresholds): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  // simulated citizens are gated by their own suite floors until the engine catches up with them
  const excluded = new Set(t.languagesExcludeTags ?? []);
  const inLanguageGate = (cs: CaseResult[]) => cs.filter((c) => !c.tags.some((x) => excluded.has(x)));
  const variants = [...new Set(results.map((r) => r.variant))];
  for (const variant of variants) {
    const mine = results.filter((r) => r.variant === variant);
    const add = (
      scope: ThresholdResult['scope'],
      name: string,
      cs: CaseResult[],
      threshold: number | undefined,
    ) => {
      if (threshold === undefined || cs.length === 0) return;
      const rate = passRate(cs);
      // a tiny epsilon: 19/20 must meet a 0.95 threshold despite float rounding
      out.push({ variant, scope, name, passRate: rate, threshold, pass: rate + 1e-9 >= threshold });
    };
    for (const suite of [...new Set(mine.map((r) => r.suite))].sort()) {
      add(
        'suite',
        suite,
        mine.filter((r) => r.suite === suite),
        t.suites[suite] ??
          (inLanguageGate(mine.filter((r) => r.suite === suite)).length ? t.default : undefined),
      );
    }
    for (const [lang, th] of Object.entries(t.languages))
      add('language', lang, inLanguageGate(mine.filter((r) => r.language === lang)), th);
    for (const [tag, th] of Object.entries(t.tags))
      add(
        'tag',
        tag,
        mine.filter((r) => r.tags.includes(tag)),
        th,
      );
  }
  return out;
}
