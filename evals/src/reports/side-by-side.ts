import type { EvalReport } from '../run-eval.js';
import type { CaseResult, TrialResult } from '../types.js';
import { pct } from './format.js';
import { escapeHtml as h } from './html-charts.js';

// One page, two runs, case by case: what a prompt engineer reads after changing a prompt,
// a model or the engine. Replies sit next to each other turn by turn; end-state checks,
// scores, latency, tokens and cost are shown for both; filters narrow by language, service
// (suite) and to the cases whose outcome or replies changed.

/** The part of a report the page reads; older reports may lack some of it. */
export type RunForPage = Pick<EvalReport, 'startedAt' | 'variants' | 'cases'> & Partial<EvalReport>;

const CSS = `
body{font-family:"Noto Sans","Noto Sans Devanagari","Lohit Devanagari","Mangal","Nirmala UI",system-ui,sans-serif;margin:20px;color:#111}
.bar{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid #e5e7eb;z-index:1}
.bar label{margin-right:14px;font-size:14px}table{border-collapse:collapse}td,th{padding:4px 8px;font-size:13px;text-align:left;vertical-align:top}
.case{border:1px solid #e5e7eb;border-radius:6px;margin:8px 0;padding:6px 10px}.case>summary{cursor:pointer}
.ok{color:#15803d}.bad{color:#b91c1c;font-weight:600}.chg{background:#fef3c7;border-radius:4px;padding:0 4px;font-size:12px}
.turns td{width:50%}.msg{white-space:pre-wrap;padding:4px 8px;border-radius:6px;margin:2px 0}.in{background:#dcf8c6}.out{background:#f3f4f6}
.differs .out{outline:2px solid #f59e0b}.calls{font-family:ui-monospace,monospace;font-size:11px;color:#4b5563}
.metrics td{border-bottom:1px solid #f3f4f6}.hidden{display:none}`;

interface Pair {
  key: string;
  id: string;
  suite: string;
  language: string;
  a?: CaseResult;
  b?: CaseResult;
  changed: boolean;
}

const rate = (c?: CaseResult) => (c?.trials.length ? c.passes / c.trials.length : null);
const firstTrial = (c?: CaseResult): TrialResult | undefined =>
  c ? (c.trials.find((t) => !t.scores.pass) ?? c.trials[0]) : undefined;
const replyTexts = (c?: CaseResult) => firstTrial(c)?.turns.map((t) => t.replyText) ?? [];

/** Pairs the two runs' cases: by id when each run has one variant (prompt A vs prompt B), else by variant + id. */
export function pairCases(a: RunForPage, b: RunForPage): Pair[] {
  const single = a.variants.length <= 1 && b.variants.length <= 1;
  const key = (c: CaseResult) => (single ? c.id : `${c.variant} · ${c.id}`);
  const pairs = new Map<string, Pair>();
  for (const [side, run] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const c of run.cases) {
      const k = key(c);
      const p = pairs.get(k) ?? { key: k, id: c.id, suite: c.suite, language: c.language, changed: false };
      p[side] = c;
      pairs.set(k, p);
    }
  }
  for (const p of pairs.values()) {
    p.changed =
      !p.a ||
      !p.b ||
      rate(p.a) !== rate(p.b) ||
      JSON.stringify(replyTexts(p.a)) !== JSON.stringify(replyTexts(p.b)) ||
      JSON.stringify(firstTrial(p.a)?.endState) !== JSON.stringify(firstTrial(p.b)?.endState);
  }
  return [...pairs.values()].sort((x, y) => x.suite.localeCompare(y.suite) || x.id.localeCompare(y.id));
}

const label = (r: RunForPage) => `${r.variants.map((v) => v.name).join(', ')} · ${r.startedAt}`;

function metrics(c?: CaseResult): string[] {
  const t = c?.trials ?? [];
  if (!c) return ['—', '—', '—', '—', '—'];
  const sum = (f: (x: TrialResult) => number) => t.reduce((s, x) => s + f(x), 0) / Math.max(1, t.length);
  const cost = t.map((x) => x.scores.costUsd).filter((x): x is number => x !== null);
  return [
    `${c.passes}/${t.length}${c.passHatK.length > 1 ? ` (pass^${c.passHatK.length} ${pct(c.passHatK.at(-1) ?? 0)})` : ''}`,
    `${sum((x) => x.turns.length).toFixed(1)}`,
    `${sum((x) => x.scores.latencyMs).toFixed(0)} ms`,
    `${sum((x) => x.scores.promptTokens + x.scores.completionTokens).toFixed(0)}`,
    cost.length ? `$${(cost.reduce((s, x) => s + x, 0) / cost.length).toFixed(5)}` : '—',
  ];
}

function failing(c?: CaseResult): string {
  const t = firstTrial(c);
  if (!t) return '<i>not in this run</i>';
  const bad = t.checks.filter((x) => !x.pass);
  const endState = t.checks
    .filter((x) => x.kind === 'end_state')
    .map((x) => `<div class="${x.pass ? 'ok' : 'bad'}">${h(x.message)}</div>`)
    .join('');
  return `${endState}${bad
    .filter((x) => x.kind !== 'end_state')
    .map(
      (x) =>
        `<div class="bad">${x.turn !== undefined ? `turn ${x.turn + 1} · ` : ''}${h(x.kind)}: ${h(x.message)}</div>`,
    )
    .join('')}`;
}

function side(t: TrialResult | undefined, i: number, lang: string): string {
  const turn = t?.turns[i];
  if (!turn) return '';
  const calls = turn.toolCalls.map((k) => `${k.name}(${JSON.stringify(k.args)}) → ${k.status}`).join('\n');
  return `<div class="msg in">${h(turn.input)}</div>${calls ? `<div class="calls">${h(calls)}</div>` : ''}<div class="msg out" lang="${lang === 'hi' ? 'hi' : 'en'}">${h(turn.replyText || '(no reply)')}</div>`;
}

function caseBlock(p: Pair): string {
  const ta = firstTrial(p.a);
  const tb = firstTrial(p.b);
  const n = Math.max(ta?.turns.length ?? 0, tb?.turns.length ?? 0);
  const rows = Array.from({ length: n }, (_, i) => {
    const differs = ta?.turns[i]?.replyText !== tb?.turns[i]?.replyText;
    return `<tr class="${differs ? 'differs' : ''}"><td>${side(ta, i, p.language)}</td><td>${side(tb, i, p.language)}</td></tr>`;
  }).join('');
  const ma = metrics(p.a);
  const mb = metrics(p.b);
  const names = ['pass', 'turns', 'engine time', 'tokens', 'cost'];
  const mrows = names
    .map((m, i) => `<tr><td>${m}</td><td>${h(ma[i])}</td><td>${h(mb[i])}</td></tr>`)
    .join('');
  const ra = rate(p.a);
  const rb = rate(p.b);
  const verdict =
    ra === null || rb === null
      ? 'only in one run'
      : rb < ra
        ? 'regressed'
        : rb > ra
          ? 'improved'
          : p.changed
            ? 'replies changed'
            : 'same';
  const cls = (r: number | null) => (r === null ? '' : r === 1 ? 'ok' : 'bad');
  return `<details class="case" data-lang="${h(p.language)}" data-suite="${h(p.suite)}" data-changed="${p.changed}">
<summary><b>${h(p.key)}</b> · ${h(p.suite)} · ${h(p.language)} · <span class="${cls(ra)}">${ra === null ? '—' : pct(ra)}</span> → <span class="${cls(rb)}">${rb === null ? '—' : pct(rb)}</span> ${p.changed ? `<span class="chg">${verdict}</span>` : ''}</summary>
<table class="metrics"><tr><th></th><th>A</th><th>B</th></tr>${mrows}<tr><td>end state &amp; failing checks</td><td>${failing(p.a)}</td><td>${failing(p.b)}</td></tr></table>
<table class="turns"><tr><th>A</th><th>B</th></tr>${rows}</table></details>`;
}

const SCRIPT = `
const q=(s)=>document.querySelectorAll(s);
function apply(){const l=document.getElementById('f-lang').value,s=document.getElementById('f-suite').value,c=document.getElementById('f-changed').checked;let n=0;
q('.case').forEach(e=>{const show=(!l||e.dataset.lang===l)&&(!s||e.dataset.suite===s)&&(!c||e.dataset.changed==='true');e.classList.toggle('hidden',!show);if(show)n++;});
document.getElementById('shown').textContent=n;}
q('.bar select,.bar input').forEach(e=>e.addEventListener('change',apply));apply();`;

/** The self-contained side-by-side page of run A (the baseline) and run B. */
export function sideBySideHtml(a: RunForPage, b: RunForPage): string {
  const pairs = pairCases(a, b);
  const langs = [...new Set(pairs.map((p) => p.language))].sort();
  const suites = [...new Set(pairs.map((p) => p.suite))].sort();
  const opts = (xs: string[]) => xs.map((x) => `<option value="${h(x)}">${h(x)}</option>`).join('');
  const changed = pairs.filter((p) => p.changed).length;
  const summary = (r: RunForPage) => {
    const rates = r.cases.map((c) => rate(c) ?? 0);
    return rates.length ? pct(rates.reduce((s, x) => s + x, 0) / rates.length) : '—';
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sahayak evals side by side — तुलना</title><style>${CSS}</style></head><body>
<h1>Side by side <small>(तुलना)</small></h1>
<table><tr><th>A</th><td>${h(label(a))}</td><td>pass ${summary(a)}</td></tr><tr><th>B</th><td>${h(label(b))}</td><td>pass ${summary(b)}</td></tr></table>
<p>${pairs.length} cases, ${changed} changed.</p>
<div class="bar"><label>language <select id="f-lang"><option value="">all</option>${opts(langs)}</select></label>
<label>service <select id="f-suite"><option value="">all</option>${opts(suites)}</select></label>
<label><input type="checkbox" id="f-changed"> changed only</label> <span><b id="shown">${pairs.length}</b> shown</span></div>
${pairs.map(caseBlock).join('\n')}
<script>${SCRIPT}</script></body></html>
`;
}
