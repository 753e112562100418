import { z } from 'zod';
import type { EvalReport } from '../run-eval.js';
import { pct, table } from './format.js';

// Only what a comparison needs, so older reports with extra or fewer fields still load.
const baselineSchema = z.object({
  cases: z.array(
    z.object({
      variant: z.string(),
      id: z.string(),
      suite: z.string(),
      language: z.string(),
      passes: z.number(),
      trials: z.array(z.unknown()),
    }),
  ),
});
export type Baseline = z.infer<typeof baselineSchema>;

export function parseBaseline(json: string): Baseline {
  return baselineSchema.parse(JSON.parse(json));
}

export interface CaseChange {
  variant: string;
  id: string;
  suite: string;
  language: string;
  before: number | null;
  after: number | null;
}

export interface Comparison {
  regressions: CaseChange[];
  improvements: CaseChange[];
  added: CaseChange[];
  removed: CaseChange[];
  unchanged: number;
  /** pass rate before → after per variant / suite and variant / language, over cases present in both */
  groups: { key: string; before: number; after: number }[];
}

/** Case by case: what passed before and fails now (and the reverse), matched on variant + id. */
export function compareReports(baseline: Baseline, current: Pick<EvalReport, 'cases'>): Comparison {
  const rate = (c: { passes: number; trials: unknown[] }) =>
    c.trials.length ? c.passes / c.trials.length : 0;
  // one variant on each side (prompt A against prompt B, one model against another): match on
  // the case id; a matrix against a matrix: on variant and id
  const single =
    new Set(baseline.cases.map((c) => c.variant)).size <= 1 &&
    new Set(current.cases.map((c) => c.variant)).size <= 1;
  const key = (c: { variant: string; id: string }) => (single ? c.id : `${c.variant}\u0000${c.id}`);
  const before = new Map(baseline.cases.map((c) => [key(c), c]));
  const after = new Map(current.cases.map((c) => [key(c), c]));
  const out: Comparison = {
    regressions: [],
    improvements: [],
    added: [],
    removed: [],
    unchanged: 0,
    groups: [],
  };
  const groups = new Map<string, { before: number; after: number; n: number }>();
  for (const [k, a] of after) {
    const b = before.get(k);
    const change = {
      variant: a.variant,
      id: a.id,
      suite: a.suite,
      language: a.language,
      before: b ? rate(b) : null,
      after: rate(a),
    };
    if (!b) {
      out.added.push(change);
      continue;
    }
    if (change.after < change.before!) out.regressions.push(change);
    else if (change.after > change.before!) out.improvements.push(change);
    else out.unchanged += 1;
    for (const g of [`${a.variant} / ${a.suite}`, `${a.variant} / ${a.language}`]) {
      const x = groups.get(g) ?? { before: 0, after: 0, n: 0 };
      groups.set(g, { before: x.before + change.before!, after: x.after + change.after, n: x.n + 1 });
    }
  }
  for (const [k, b] of before) {
    if (!after.has(k))
      out.removed.push({
        variant: b.variant,
        id: b.id,
        suite: b.suite,
        language: b.language,
        before: rate(b),
        after: null,
      });
  }
  out.groups = [...groups.entries()]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([k, g]) => ({ key: k, before: g.before / g.n, after: g.after / g.n }));
  return out;
}

/** The comparison for the terminal. */
export function comparisonText(c: Comparison): string {
  const lines: string[] = [];
  const delta = (x: number) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
  lines.push(
    table(
      ['compared with baseline', 'before', 'after', 'Δ pts'],
      c.groups.map((g) => [g.key, pct(g.before), pct(g.after), delta(g.after - g.before)]),
    ),
  );
  const list = (title: string, xs: CaseChange[], mark: string, max = Number.POSITIVE_INFINITY) => {
    if (!xs.length) return;
    lines.push(`${title} (${xs.length}):`);
    for (const x of xs.slice(0, max))
      lines.push(`  ${mark} ${x.variant} ${x.id}  ${pct(x.before)} → ${pct(x.after)}`);
    if (xs.length > max) lines.push(`  … and ${xs.length - max} more`);
  };
  list('regressions', c.regressions, '▼');
  list('improvements', c.improvements, '▲');
  // regressions and improvements are the point; new and removed cases are context
  list('new cases', c.added, '+', 10);
  list('removed cases', c.removed, '-', 10);
  lines.push(`${c.unchanged} unchanged`);
  return lines.join('\n');
}
