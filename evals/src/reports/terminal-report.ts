import type { SummaryRow } from '../aggregate.js';
import type { EvalReport } from '../run-eval.js';
import { ms, num, pct, table } from './format.js';

function rows(list: SummaryRow[], withK: boolean): string[][] {
  return list.map((r) => [
    r.key,
    String(r.cases),
    pct(r.passRate),
    ...(withK ? [pct(r.passHatK)] : []),
    pct(r.taskSuccess),
    pct(r.toolSelection),
    pct(r.argAccuracy),
    pct(r.languageMatch),
    pct(r.grounding),
    num(r.turnsToCompletion),
    ms(r.latencyMsPerTurn),
    r.promptTokens + r.completionTokens ? String(r.promptTokens + r.completionTokens) : '—',
    r.costUsd === null ? '—' : `$${r.costUsd.toFixed(4)}`,
    ...(r.judgeTone !== null ? [`${num(r.judgeTone)}/${num(r.judgeHelpfulness)}`] : []),
  ]);
}

/** The score tables, failing cases and threshold verdicts, for the terminal. */
export function terminalReport(report: EvalReport, { failures = 25 }: { failures?: number } = {}): string {
  const k = report.repeat;
  const judged = report.summary.byVariant.some((r) => r.judgeTone !== null);
  const header = [
    '',
    'cases',
    'pass',
    ...(k > 1 ? [`pass^${k}`] : []),
    'task',
    'tool',
    'args',
    'lang',
    'ground',
    'turns',
    'lat/turn',
    'tokens',
    'cost',
    ...(judged ? ['judge t/h'] : []),
  ];
  const out: string[] = [];
  const section = (title: string, list: SummaryRow[]) => {
    const head = [...header];
    head[0] = title;
    const r = rows(list, k > 1).map((row) => (judged && row.length < head.length ? [...row, '—'] : row));
    out.push(table(head, r), '');
  };
  section('variant', report.summary.byVariant);
  section('language', report.summary.byLanguage);
  section('suite', report.summary.bySuite);

  const failed = report.cases.filter((c) => c.passes < c.trials.length);
  if (failed.length) {
    out.push(`failing cases (${failed.length}):`);
    for (const c of failed.slice(0, failures)) {
      const first = c.trials.find((t) => !t.scores.pass);
      const why = first?.checks
        .filter((x) => !x.pass)
        .map((x) => `${x.turn !== undefined ? `t${x.turn + 1} ` : ''}${x.kind}: ${x.message}`);
      out.push(
        `  ✗ ${c.variant} ${c.id} (${c.passes}/${c.trials.length})  ${(why ?? []).slice(0, 2).join(' | ')}`,
      );
    }
    if (failed.length > failures) out.push(`  … and ${failed.length - failures} more (see the HTML report)`);
    out.push('');
  }
  const below = report.thresholds.filter((t) => !t.pass);
  for (const t of below) {
    out.push(`below threshold: ${t.variant} ${t.scope} ${t.name}: ${pct(t.passRate)} < ${pct(t.threshold)}`);
  }
  const tm = report.timing;
  // the offline engine is CPU-bound in one thread: parallelism only pays while waiting for a model
  const waits = report.variants.some((v) => v.engine === 'openai');
  const trials = report.cases.reduce((s, c) => s + c.trials.length, 0);
  out.push(
    `${report.cases.length} case results, ${trials} trials in ${ms(tm.wallMs)} (concurrency ${tm.concurrency}; engine time ${ms(tm.engineMs)}` +
      (waits && tm.ratio !== null ? `, ideal ${ms(tm.idealMs)}, wall/ideal ${tm.ratio.toFixed(2)}×)` : ')'),
  );
  out.push(report.passed ? 'thresholds: all met' : `thresholds: ${below.length} not met`);
  return out.join('\n');
}
