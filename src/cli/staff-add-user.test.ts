import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PASSWORD = 'Secret-Pass-4821';
let dir: string;
let dbPath: string;
let run: { code: number | null; output: string; promptAt: number; rulesAt: number };

// `script` gives the CLI a real terminal (a pty), which echoes whatever is typed unless
// the program turns echo off: what the screen shows is what this test reads
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sahayak-cli-'));
  dbPath = join(dir, 'sahayak.db');
  const cmd = `${process.execPath} --import tsx src/cli/staff-add-user.ts --username Asha.Verma --role officer`;
  const child = spawn('script', ['-qec', cmd, '/dev/null'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: dbPath, TERM: 'dumb' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  let typed = false;
  child.stdout.on('data', (b: Buffer) => {
    output += b.toString('utf8');
    if (!typed && output.includes('Password (not shown): ')) {
      typed = true;
      child.stdin.write(`${PASSWORD}\r`);
    }
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  run = {
    code,
    output,
    promptAt: output.indexOf('Password (not shown)'),
    rulesAt: output.indexOf('password: at least 10 characters'),
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run staff:add-user in a terminal', () => {
  it('states the rules before asking, and does not echo the password', () => {
    expect(run.code).toBe(0);
    expect(run.rulesAt).toBeGreaterThanOrEqual(0);
    expect(run.rulesAt).toBeLessThan(run.promptAt);
    expect(run.output).not.toContain(PASSWORD);
    expect(run.output).toContain('created officer "asha.verma"');
  });

  it('stores the account lower-case and writes an audit row saying it came from the CLI', () => {
    const db = openDatabase({ path: dbPath });
    const user = db.$client.prepare('select id, username from staff_users').get() as {
      id: number;
      username: string;
    };
    expect(user.username).toBe('asha.verma');
    const row = db.$client.prepare('select user_id, action, target_id, detail from audit_log').get() as {
      user_id: number | null;
      action: string;
      target_id: string;
      detail: string;
    };
    expect(row).toMatchObject({ user_id: null, action: 'account.create', target_id: String(user.id) });
    expect(JSON.parse(row.detail)).toMatchObject({ username: 'asha.verma', role: 'officer', via: 'cli' });
    db.$client.close();
  });
});
