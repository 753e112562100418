import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throw-away folder with a suite file, an eval config and a report folder, for runner tests. */
export function tempEvalDir(
  suiteYaml: string,
  configYaml: string,
): { dir: string; cases: string; config: string; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sahayak-eval-'));
  const cases = join(dir, 'suites');
  mkdirSync(cases);
  writeFileSync(join(cases, 'suite.yaml'), suiteYaml);
  const config = join(dir, 'config.yaml');
  writeFileSync(config, configYaml);
  return { dir, cases, config, out: join(dir, 'reports') };
}

/** Collects what the CLI writes. */
export function captureIo() {
  let stdout = '';
  let stderr = '';
  return {
    io: {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s), isTTY: false },
      env: { NODE_ENV: 'test' },
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
