import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFolderName, writeRunFolder } from './run-folders.js';

describe('run folders', () => {
  it('names a run by its start and its filters; each run gets its own folder; latest points to the newest', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'sahayak-runs-')), 'reports');
    const full = runFolderName('2026-11-24T04:30:00.000Z', {});
    const filtered = runFolderName('2026-11-24T04:31:00.000Z', {
      langs: ['hi'],
      suites: ['safety', 'payment'],
    });
    expect(full).toBe('2026-11-24T04-30-00-000Z');
    expect(filtered).toBe('2026-11-24T04-31-00-000Z-suite-safety+payment-lang-hi');
    const a = writeRunFolder(out, full, { 'report.html': 'full run' });
    const b = writeRunFolder(out, filtered, { 'report.html': 'hindi only' });
    const c = writeRunFolder(out, filtered, { 'report.html': 'same millisecond' });
    expect(readFileSync(join(a, 'report.html'), 'utf8')).toBe('full run');
    expect(readFileSync(join(b, 'report.html'), 'utf8')).toBe('hindi only');
    expect(c).toBe(`${b}-2`);
    expect(realpathSync(join(out, 'latest'))).toBe(realpathSync(c));
    expect(readFileSync(join(out, 'latest', 'report.html'), 'utf8')).toBe('same millisecond');
  });

  it('keeps the newest 30 runs', () => {
    const out = mkdtempSync(join(tmpdir(), 'sahayak-runs-'));
    for (let i = 0; i < 33; i++)
      writeRunFolder(out, runFolderName(new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString(), {}), {
        'report.json': '{}',
      });
    const runs = readdirSync(out).filter((d) => d.startsWith('2026'));
    expect(runs).toHaveLength(30);
    expect(runs.sort()[0]).toBe('2026-11-01T00-03-00-000Z');
    expect(existsSync(join(out, 'latest', 'report.json'))).toBe(true);
  });
});
