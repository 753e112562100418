import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { captureIo, tempEvalDir } from './testing/temp-suite.js';

const suite = (greetingTool: string) => `
suite: smoke
cases:
  - id: smoke-hi-greeting
    language: hi
    tags: [critical]
    turns:
      - text: नमस्ते
        tool: ${greetingTool}
  - id: smoke-en-status
    language: en
    setup:
      applications:
        - { waId: "919800000001", reference: BC-2026-000417, status: under_review, language: en }
    turns:
      - text: what is the status of my application BC-2026-000417
        tool: check_status
        replyContains: [BC-2026-000417]
`;
const config = 'concurrency: 2\nthresholds:\n  default: 1\n  languages: { hi: 1 }\n';

describe('npm run eval (offline engine)', () => {
  it('scores the cases, prints the table, writes JSON, JUnit and HTML, exits 0 when thresholds are met', async () => {
    const t = tempEvalDir(suite('none'), config);
    const cap = captureIo();
    const code = await runCli(
      ['--cases', t.cases, '--config', t.config, '--out', t.out, '--engine', 'offline'],
      cap.io,
    );
    expect(cap.stderr()).not.toMatch(/error/i);
    expect(code).toBe(0);
    expect(cap.stdout()).toMatch(/offline \/ hi\s+1\s+100\.0%/);
    const report = JSON.parse(readFileSync(join(t.out, 'latest', 'report.json'), 'utf8'));
    expect(report.cases.map((c: { id: string; passes: number }) => [c.id, c.passes])).toEqual([
      ['smoke-hi-greeting', 1],
      ['smoke-en-status', 1],
    ]);
    expect(report.passed).toBe(true);
    expect(readFileSync(join(t.out, 'latest', 'junit.xml'), 'utf8')).toMatch(
      /<testsuite name="offline\.smoke" tests="2" failures="0"/,
    );
    const html = readFileSync(join(t.out, 'latest', 'report.html'), 'utf8');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('Noto Sans Devanagari');
    expect(html).toMatch(/<svg[^>]*aria-label="Pass rate by language/);
  });

  it('exits 1 below a threshold, and --compare lists the regression case by case', async () => {
    const before = tempEvalDir(suite('none'), config);
    expect(
      await runCli(['--cases', before.cases, '--config', before.config, '--out', before.out], captureIo().io),
    ).toBe(0);
    const after = tempEvalDir(suite('check_status'), config);
    const cap = captureIo();
    const baseline = join(before.out, 'latest', 'report.json');
    const code = await runCli(
      ['--cases', after.cases, '--config', after.config, '--out', after.out, '--compare', baseline],
      cap.io,
    );
    expect(code).toBe(1);
    expect(cap.stdout()).toContain('below threshold: offline suite smoke: 50.0% < 100.0%');
    expect(cap.stdout()).toMatch(/regressions \(1\):\n\s+▼ offline smoke-hi-greeting\s+100\.0% → 0\.0%/);
    expect(readFileSync(join(after.out, 'latest', 'report.html'), 'utf8')).toContain('1 regressions');
  });

  it('exits 2 on usage and configuration errors', async () => {
    const t = tempEvalDir(suite('none'), config);
    for (const argv of [
      ['--engine', 'gpt'],
      ['--repeat', '0'],
      ['--what'],
      ['--cases', t.cases, '--config', t.config, '--lang', 'hi', '--suite', 'nope'],
      ['--cases', t.cases, '--config', join(t.dir, 'missing.yaml')],
      ['--cases', t.cases, '--config', t.config, '--compare', join(t.dir, 'missing.json')],
    ]) {
      const cap = captureIo();
      expect(await runCli(argv, cap.io), argv.join(' ')).toBe(2);
      expect(cap.stderr().length).toBeGreaterThan(0);
    }
    writeFileSync(t.config, 'concurrency: -1\n');
    expect(await runCli(['--cases', t.cases, '--config', t.config], captureIo().io)).toBe(2);
    expect(existsSync(t.out)).toBe(false);
  });
});

describe('run folders and simulated citizens through the CLI', () => {
  it('a filtered run gets its own folder and never replaces the full run; latest points to the newest', async () => {
    const goals = `${suite('none')}
  - id: smoke-hinglish-goal
    language: hinglish
    goal:
      service: hospital_complaint
      facts: { hospitalName: Civil Hospital, district: Lucknow, description: ward boy ne badtameezi ki, category: staff_behaviour, anonymous: false }
    expect: { complaints: { count: 1 } }
`;
    const t = tempEvalDir(goals, 'concurrency: 2\nthresholds:\n  default: 0\n');
    const full = captureIo();
    expect(await runCli(['--cases', t.cases, '--config', t.config, '--out', t.out, '--quiet'], full.io)).toBe(
      0,
    );
    const fullReport = readFileSync(join(t.out, 'latest', 'report.json'), 'utf8');
    const fullCases = JSON.parse(fullReport).cases;
    expect(fullCases.map((c: { id: string }) => c.id)).toEqual([
      'smoke-hi-greeting',
      'smoke-en-status',
      'smoke-hinglish-goal',
    ]);
    expect(fullCases[2].trials[0].simulation).toEqual({ simulator: 'rules', outcome: 'submitted' });

    const filtered = captureIo();
    await runCli(
      ['--cases', t.cases, '--config', t.config, '--out', t.out, '--quiet', '--lang', 'hi'],
      filtered.io,
    );
    const dirs = readdirSync(t.out).sort();
    expect(dirs).toHaveLength(3);
    expect(dirs[1]).toMatch(/-lang-hi$/);
    expect(dirs[2]).toBe('latest');
    expect(JSON.parse(readFileSync(join(t.out, 'latest', 'report.json'), 'utf8')).cases).toHaveLength(1);
    // the full run's report is still there, unchanged
    expect(readFileSync(join(t.out, dirs[0], 'report.json'), 'utf8')).toBe(fullReport);

    // a goal for the model-played citizen needs its pinned model in the config
    const llm = captureIo();
    expect(
      await runCli(
        [
          '--cases',
          t.cases,
          '--config',
          t.config,
          '--out',
          t.out,
          '--simulator',
          'llm',
          '--case',
          'smoke-hinglish',
        ],
        llm.io,
      ),
    ).toBe(2);
    expect(llm.stderr()).toContain('`simulator:` section');
  });
});
