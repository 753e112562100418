import type { EvalReport } from '../run-eval.js';

const esc = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/** JUnit XML: one testsuite per variant × suite, one testcase per case (failed if any trial failed). */
export function junitReport(report: EvalReport): string {
  const groups = new Map<string, EvalReport['cases']>();
  for (const c of report.cases) {
    const k = `${c.variant}.${c.suite}`;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const failures = report.cases.filter((c) => c.passes < c.trials.length).length;
  lines.push(`<testsuites name="sahayak-evals" tests="${report.cases.length}" failures="${failures}">`);
  for (const [name, cases] of groups) {
    const failed = cases.filter((c) => c.passes < c.trials.length).length;
    const time = cases.reduce((s, c) => s + c.trials.reduce((a, t) => a + t.scores.wallMs, 0), 0) / 1000;
    lines.push(
      `  <testsuite name="${esc(name)}" tests="${cases.length}" failures="${failed}" time="${time.toFixed(3)}">`,
    );
    for (const c of cases) {
      const t = c.trials.reduce((a, x) => a + x.scores.wallMs, 0) / 1000;
      const open = `    <testcase classname="${esc(name)}.${c.language}" name="${esc(c.id)}" time="${t.toFixed(3)}"`;
      if (c.passes === c.trials.length) {
        lines.push(`${open}/>`);
        continue;
      }
      const trial = c.trials.find((x) => !x.scores.pass)!;
      const bad = trial.checks.filter((x) => !x.pass);
      const message = bad.map(
        (x) => `${x.turn !== undefined ? `turn ${x.turn + 1} ` : ''}${x.kind}: ${x.message}`,
      );
      const transcript = trial.turns.map((x) => `> ${x.input}\n< ${x.replyText}`).join('\n');
      lines.push(`${open}>`);
      lines.push(
        `      <failure message="${esc(message[0] ?? 'failed')}" type="${esc(bad[0]?.kind ?? 'fail')}">`,
      );
      lines.push(esc(`${c.passes}/${c.trials.length} trials passed\n${message.join('\n')}\n\n${transcript}`));
      lines.push('      </failure>');
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
