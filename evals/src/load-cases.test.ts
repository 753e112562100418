import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFileError, loadCases, suiteFiles } from './load-cases.js';

const suite = (name: string, id: string) =>
  `suite: ${name}\ncases:\n  - id: ${id}\n    language: en\n    turns: [{ text: hello }]\n`;

describe('loadCases', () => {
  it('reads suite files in subfolders too (understanding/, simulated/, regressions/)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-suites-'));
    mkdirSync(join(dir, 'understanding', 'dates'), { recursive: true });
    mkdirSync(join(dir, 'regressions'));
    writeFileSync(join(dir, 'top.yaml'), suite('top', 'a-top'));
    writeFileSync(join(dir, 'understanding', 'dates', 'relative.yml'), suite('dates', 'b-dates'));
    writeFileSync(join(dir, 'regressions', 'r1.yaml'), suite('regressions', 'c-reg'));
    writeFileSync(join(dir, 'regressions', '.gitkeep'), '');
    writeFileSync(join(dir, 'notes.md'), '# not a suite');
    expect(suiteFiles(dir)).toEqual(['regressions/r1.yaml', 'top.yaml', 'understanding/dates/relative.yml']);
    expect(loadCases(dir).map((c) => [c.suite, c.id])).toEqual([
      ['regressions', 'c-reg'],
      ['top', 'a-top'],
      ['dates', 'b-dates'],
    ]);
    writeFileSync(
      join(dir, 'understanding', 'broken.yaml'),
      'suite: x\ncases:\n  - id: Bad Id\n    language: en\n',
    );
    expect(() => loadCases(dir)).toThrow(/understanding\/broken\.yaml/);
    expect(() => loadCases(dir)).toThrow(CaseFileError);
  });

  it('a case has either turns or a goal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-suites-'));
    writeFileSync(
      join(dir, 'both.yaml'),
      `${suite('s', 'x')}    goal: { service: caste_certificate, facts: { applicantName: Sita } }\n`,
    );
    expect(() => loadCases(dir)).toThrow(/either `turns` or a `goal`/);
    writeFileSync(
      join(dir, 'both.yaml'),
      'suite: s\ncases:\n  - id: g\n    language: hi\n    goal: { service: death_certificate, style: terse, facts: { deceasedName: राम } }\n',
    );
    expect(loadCases(dir)[0].goal).toMatchObject({
      service: 'death_certificate',
      maxTurns: 24,
      simulator: 'rules',
      submit: true,
    });
  });
});

describe('--cases naming one suite file', () => {
  it('loads just that file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-cases-'));
    const file = join(dir, 'one.yaml');
    writeFileSync(
      file,
      'suite: one\ncases:\n  - id: only\n    language: en\n    turns:\n      - text: hello\n',
    );
    writeFileSync(
      join(dir, 'other.yaml'),
      'suite: other\ncases:\n  - id: not-me\n    language: en\n    turns:\n      - text: hi\n',
    );
    expect(loadCases(file).map((c) => [c.suite, c.id])).toEqual([['one', 'only']]);
  });
});
