import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import { caseSchema, type EvalCase, suiteFileSchema } from './case-schema.js';

export class CaseFileError extends Error {
  override name = 'CaseFileError';
}

/** Parses and validates one suite file's text; every problem is reported with the file and path. */
export function parseSuiteFile(text: string, file: string): EvalCase[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (err) {
    throw new CaseFileError(`${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = suiteFileSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new CaseFileError(`${file}:\n${lines.join('\n')}`);
  }
  return parsed.data.cases.map((c) => caseSchema.parse({ ...c, suite: c.suite ?? parsed.data.suite }));
}

/** Every `*.yaml` under dir, subfolders included (understanding/, simulated/, regressions/…), sorted. */
export function suiteFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && (d.name.endsWith('.yaml') || d.name.endsWith('.yml')))
    .map((d) => relative(dir, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/**
 * Every case of every suite file under dir (or of the one suite file dir names), sorted by
 * file; case ids must be unique across suites.
 */
export function loadCases(dir: string): EvalCase[] {
  const files = statSync(dir).isFile()
    ? [{ path: dir, name: basename(dir) }]
    : suiteFiles(dir).map((f) => ({ path: join(dir, f), name: f }));
  const cases = files.flatMap((f) => parseSuiteFile(readFileSync(f.path, 'utf8'), f.name));
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) throw new CaseFileError(`case id "${c.id}" is used twice`);
    seen.add(c.id);
  }
  return cases;
}

export interface CaseFilter {
  suites?: string[];
  langs?: string[];
  tags?: string[];
  ids?: string[];
}

/** Keeps cases matching every given filter (each filter: any of its values). */
export function filterCases(cases: EvalCase[], f: CaseFilter): EvalCase[] {
  const has = (list: string[] | undefined) => list !== undefined && list.length > 0;
  return cases.filter(
    (c) =>
      (!has(f.suites) || f.suites!.includes(c.suite)) &&
      (!has(f.langs) || f.langs!.includes(c.language)) &&
      (!has(f.tags) || c.tags.some((t) => f.tags!.includes(t))) &&
      (!has(f.ids) || f.ids!.some((id) => c.id === id || c.id.startsWith(`${id}`))),
  );
}
