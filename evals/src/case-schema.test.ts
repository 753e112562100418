import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseSchemaPath, caseSchemaText } from './case-schema-file.js';
import { CaseFileError, loadCases, parseSuiteFile } from './load-cases.js';
import { defaultPaths } from './run-cli.js';

describe('case format', () => {
  it('evals/case.schema.json is up to date with the zod schema (npx tsx evals/write-case-schema.ts)', () => {
    // compared as JSON: biome may reflow the file's formatting
    expect(JSON.parse(readFileSync(caseSchemaPath, 'utf8'))).toEqual(JSON.parse(caseSchemaText()));
  });

  it('reports every problem with the file and path', () => {
    const bad =
      'suite: s\ncases:\n  - id: Bad Id\n    language: fr\n    turns:\n      - text: hi\n        image: {}\n';
    expect(() => parseSuiteFile(bad, 'bad.yaml')).toThrow(CaseFileError);
    try {
      parseSuiteFile(bad, 'bad.yaml');
    } catch (err) {
      expect((err as Error).message).toMatch(
        /bad\.yaml:[\s\S]*cases\.0\.id[\s\S]*cases\.0\.language[\s\S]*exactly one of text/,
      );
    }
    expect(() => parseSuiteFile('suite: [', 'broken.yaml')).toThrow(/broken\.yaml/);
  });

  it('the suites validate: 150+ cases, each service in all three language forms, critical cases marked', () => {
    const cases = loadCases(defaultPaths.cases);
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const suites = new Set(cases.map((c) => c.suite));
    // subfolders add suites (understanding/, simulated/, regressions/): these must be among them
    expect([...suites]).toEqual(
      expect.arrayContaining([
        'birth-certificate',
        'caste-certificate',
        'death-certificate',
        'general',
        'hospital-complaint',
        'income-certificate',
        'payment',
        'safety',
        'status',
        'simulated-birth-certificate',
        'simulated-hospital-complaint',
      ]),
    );
    // 100+ simulated citizens (rule-based, so CI runs them) for the services offered today
    const simulated = cases.filter(
      (c) =>
        c.goal?.simulator === 'rules' && ['birth_certificate', 'hospital_complaint'].includes(c.goal.service),
    );
    expect(simulated.length).toBeGreaterThanOrEqual(100);
    for (const l of ['en', 'hi', 'hinglish'])
      expect(new Set(simulated.filter((c) => c.language === l).map((c) => c.goal?.style)).size).toBe(6);
    for (const suite of suites) {
      expect(new Set(cases.filter((c) => c.suite === suite).map((c) => c.language))).toEqual(
        new Set(['en', 'hi', 'hinglish']),
      );
    }
    expect(cases.filter((c) => c.tags.includes('critical')).length).toBeGreaterThan(30);
  });
});
