import { mkdirSync, readdirSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Every run writes its own folder, so a filtered run never overwrites a full run's report and
// any earlier report.json is a --compare baseline; `latest` points to the newest.

export interface RunFilters {
  suites?: string[];
  langs?: string[];
  tags?: string[];
  ids?: string[];
  variants?: string[];
}

const slug = (s: string) => s.replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 40);

/** 2026-11-24T04-30-00-000Z, then the filters when some narrowed the run (…-lang-hi-suite-safety). */
export function runFolderName(startedAt: string, f: RunFilters): string {
  const parts = [startedAt.replace(/[:.]/g, '-')];
  for (const [name, xs] of [
    ['suite', f.suites],
    ['lang', f.langs],
    ['tag', f.tags],
    ['case', f.ids],
    ['variant', f.variants],
  ] as const)
    if (xs?.length) parts.push(`${name}-${xs.map(slug).join('+')}`);
  return parts.join('-');
}

const LATEST = 'latest';
const KEPT = 30;

/** Writes the run's files into out/name/, points out/latest at it and keeps the newest runs. */
export function writeRunFolder(out: string, name: string, files: Record<string, string>): string {
  mkdirSync(out, { recursive: true });
  let dirName = name;
  // two runs started in the same millisecond still get folders of their own
  for (let i = 2; existsDir(join(out, dirName)); i++) dirName = `${name}-${i}`;
  const dir = join(out, dirName);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const tmp = join(out, `.latest-${process.pid}-${Date.now()}`);
  try {
    symlinkSync(dirName, tmp, 'dir');
    renameSync(tmp, join(out, LATEST));
  } catch {
    // where symlinks are not allowed, a file names the newest run
    rmSync(tmp, { force: true });
    writeFileSync(join(out, 'latest.txt'), `${dirName}\n`);
  }
  prune(out);
  return dir;
}

function existsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function prune(out: string): void {
  const runs = readdirSync(out, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}-\d{2}-\d{2}T/.test(d.name))
    .map((d) => d.name)
    .sort();
  for (const d of runs.slice(0, Math.max(0, runs.length - KEPT)))
    rmSync(join(out, d), { recursive: true, force: true });
}
