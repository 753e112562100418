import type { SummaryRow } from '../aggregate.js';
import type { EvalReport } from '../run-eval.js';
import type { CaseResult } from '../types.js';
import type { Comparison } from './compare.js';
import { pct } from './format.js';
import { barChart, escapeHtml as h } from './html-charts.js';

const CSS = `
body{font-family:"Noto Sans","Noto Sans Devanagari","Lohit Devanagari","Mangal","Nirmala UI",system-ui,sans-serif;margin:24px;color:#111;max-width:1200px}
table{border-collapse:collapse;margin:8px 0 20px}td,th{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:right;font-size:14px}
td:first-child,th:first-child{text-align:left}th{background:#f3f4f6}.ok{color:#15803d}.bad{color:#b91c1c;font-weight:600}
.chart{font-size:12px;margin-right:24px}.ct{font-weight:600;font-size:14px}.cl,.bv,.tk{fill:#374151}.gl{stroke:#e5e7eb}.gl90{stroke:#f59e0b;stroke-dasharray:3 3}
figure{display:inline-block;margin:0 12px 16px 0;vertical-align:top}.lg{margin-right:12px;font-size:13px}.lg i{display:inline-block;width:10px;height:10px;margin-right:4px}
details{border:1px solid #e5e7eb;border-radius:6px;padding:6px 10px;margin:6px 0}summary{cursor:pointer}
.msg{white-space:pre-wrap;padding:4px 8px;border-radius:6px;margin:3px 0;max-width:760px}.in{background:#dcf8c6}.out{background:#f3f4f6}
.calls{font-family:ui-monospace,monospace;font-size:12px;color:#4b5563}.diff td{text-align:left;vertical-align:top;font-family:ui-monospace,monospace;font-size:12px}
.miss{background:#fee2e2}.hit{background:#dcfce7}.read{font-family:ui-monospace,monospace;font-size:12px;color:#1d4ed8;margin:2px 0 2px 8px}`;

function summaryTable(title: string, rows: SummaryRow[]): string {
  const head = [
    'pass',
    'pass^k',
    'task',
    'tool',
    'args',
    'lang/script',
    'grounding',
    'turns',
    'ms/turn',
    'tokens',
    'judge tone',
    'judge help',
  ];
  const body = rows
    .map(
      (r) =>
        `<tr><td>${h(r.key)} (${r.cases})</td><td class="${r.passRate >= 0.95 ? 'ok' : 'bad'}">${pct(r.passRate)}</td><td>${pct(r.passHatK)}</td><td>${pct(r.taskSuccess)}</td><td>${pct(r.toolSelection)}</td><td>${pct(r.argAccuracy)}</td><td>${pct(r.languageMatch)}</td><td>${pct(r.grounding)}</td><td>${r.turnsToCompletion?.toFixed(1) ?? '—'}</td><td>${r.latencyMsPerTurn.toFixed(1)}</td><td>${r.promptTokens + r.completionTokens}</td><td>${r.judgeTone?.toFixed(2) ?? '—'}</td><td>${r.judgeHelpfulness?.toFixed(2) ?? '—'}</td></tr>`,
    )
    .join('');
  return `<table><tr><th>${h(title)}</th>${head.map((x) => `<th>${x}</th>`).join('')}</tr>${body}</table>`;
}

function chartFor(title: string, rows: SummaryRow[], variants: string[]): string {
  const cats = [...new Set(rows.map((r) => r.key.split(' / ')[1]))];
  const series = variants.map((v) => ({
    name: v,
    values: cats.map((c) => rows.find((r) => r.key === `${v} / ${c}`)?.passRate ?? null),
  }));
  return barChart(title, cats, series);
}

function stateDiff(c: CaseResult): string {
  const trial = c.trials.find((t) => !t.scores.pass) ?? c.trials[0];
  const rows = (['applications', 'complaints', 'payments'] as const).map((table) => {
    const want = c.expected.expect?.[table] ?? { count: 0 };
    const got = trial.endState[table];
    const check = trial.checks.find((x) => x.kind === 'end_state' && x.message.startsWith(`${table}:`));
    return `<tr class="${check?.pass ? 'hit' : 'miss'}"><td>${table}</td><td>${h(JSON.stringify(want, null, 1))}</td><td>${h(
      JSON.stringify(
        got.map(({ reference, ...r }) => ({ reference, ...pick(r) })),
        null,
        1,
      ),
    )}</td></tr>`;
  });
  return `<table class="diff"><tr><th>table</th><th>expected</th><th>actual (created)</th></tr>${rows.join('')}</table>`;
}

// the fields a reader compares; timestamps and ids are noise in a diff
function pick(r: Record<string, unknown>): Record<string, unknown> {
  const skip = new Set([
    'id',
    'createdAt',
    'statusAt',
    'slaDueAt',
    'sourceMessageId',
    'mediaToken',
    'upiUri',
    'assignedTo',
    'rejectionReason',
    'providerTxnId',
    'paidAt',
  ]);
  return Object.fromEntries(Object.entries(r).filter(([k, v]) => !skip.has(k) && v !== null));
}

function caseDetail(c: CaseResult): string {
  const trial = c.trials.find((t) => !t.scores.pass) ?? c.trials[0];
  const checks = trial.checks
    .filter((x) => !x.pass)
    .map(
      (x) =>
        `<li class="bad">${x.turn !== undefined ? `turn ${x.turn + 1} · ` : ''}${h(x.kind)}: ${h(x.message)}</li>`,
    )
    .join('');
  const transcript = trial.turns
    .map((t) => {
      const calls = t.toolCalls.map((k) => `${k.name}(${JSON.stringify(k.args)}) → ${k.status}`).join('\n');
      // what the engine read this turn (fields set or changed, from which words): where a wrong value came from
      const read =
        t.read !== undefined ? `<div class="read">engine read: ${h(JSON.stringify(t.read))}</div>` : '';
      return `<div class="msg in">${h(t.input)}</div>${read}${calls ? `<div class="calls">${h(calls)}</div>` : ''}<div class="msg out" lang="${c.language === 'hi' ? 'hi' : 'en'}">${h(t.replyText || '(no reply)')}</div>`;
    })
    .join('');
  return `<details><summary><b>${h(c.id)}</b> · ${h(c.variant)} · ${h(c.suite)} · ${c.language} · ${c.passes}/${c.trials.length} ${c.tags.includes('critical') ? '· <span class="bad">critical</span>' : ''}</summary>${c.description ? `<p>${h(c.description)}</p>` : ''}${c.expected.goal ? `<p>simulated citizen (${h(c.expected.goal.simulator)}, ${h(c.expected.goal.style)}): ${h(trial.simulation?.outcome ?? '?')} · facts ${h(JSON.stringify(c.expected.goal.facts))}</p>` : ''}<ul>${checks}</ul>${trial.error ? `<p class="bad">${h(trial.error)}</p>` : ''}${transcript}${stateDiff(c)}</details>`;
}

function comparisonHtml(c: Comparison): string {
  const li = (xs: Comparison['regressions'], cls: string) =>
    xs
      .map((x) => `<li class="${cls}">${h(x.variant)} ${h(x.id)}: ${pct(x.before)} → ${pct(x.after)}</li>`)
      .join('');
  return `<h2>Compared with the baseline</h2><p>${c.regressions.length} regressions, ${c.improvements.length} improvements, ${c.added.length} new, ${c.removed.length} removed, ${c.unchanged} unchanged.</p><ul>${li(c.regressions, 'bad')}${li(c.improvements, 'ok')}</ul>`;
}

/** The self-contained HTML report: charts, tables, and every failing case with transcript and state diff. */
export function htmlReport(report: EvalReport, comparison?: Comparison): string {
  const variants = report.variants.map((v) => v.name);
  const failed = report.cases.filter((c) => c.passes < c.trials.length);
  const thresholds = report.thresholds
    .map(
      (t) =>
        `<tr><td>${h(`${t.variant} · ${t.scope} ${t.name}`)}</td><td>${pct(t.passRate)}</td><td>${pct(t.threshold)}</td><td class="${t.pass ? 'ok' : 'bad'}">${t.pass ? 'met' : 'NOT MET'}</td></tr>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sahayak eval report — सहायक मूल्यांकन</title><style>${CSS}</style></head><body>
<h1>Sahayak eval report <small>(सहायक मूल्यांकन)</small></h1>
<p>${h(report.startedAt)} · variants: ${h(variants.join(', '))} · ${report.cases.length} case results · repeat ${report.repeat} · concurrency ${report.concurrency} · wall ${(report.timing.wallMs / 1000).toFixed(1)} s · <b class="${report.passed ? 'ok' : 'bad'}">${report.passed ? 'thresholds met' : 'thresholds NOT met'}</b></p>
${chartFor('Pass rate by language (भाषा)', report.summary.byLanguage, variants)}
${chartFor('Pass rate by suite', report.summary.bySuite, variants)}
${summaryTable('variant', report.summary.byVariant)}${summaryTable('language', report.summary.byLanguage)}${summaryTable('suite', report.summary.bySuite)}
${thresholds ? `<h2>Thresholds</h2><table><tr><th>scope</th><th>pass rate</th><th>minimum</th><th></th></tr>${thresholds}</table>` : ''}
${comparison ? comparisonHtml(comparison) : ''}
<h2>Failing cases (${failed.length})</h2>${failed.map(caseDetail).join('\n') || '<p class="ok">none</p>'}
<h2>All cases</h2><table><tr><th>case</th><th>variant</th><th>suite</th><th>lang</th><th>pass</th></tr>${report.cases
    .map(
      (c) =>
        `<tr><td>${h(c.id)}</td><td>${h(c.variant)}</td><td>${h(c.suite)}</td><td>${c.language}</td><td class="${c.passes === c.trials.length ? 'ok' : 'bad'}">${c.passes}/${c.trials.length}</td></tr>`,
    )
    .join('')}</table>
</body></html>
`;
}
