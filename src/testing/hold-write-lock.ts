import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Another process (as `npm run chat` or an export would be) takes the write lock and keeps it.
const SCRIPT = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
db.prepare('begin immediate').run();
process.stdout.write('locked\\n');
setTimeout(() => { db.prepare('commit').run(); db.close(); process.exit(0); }, Number(process.argv[2]));
`;

/** Resolves once a second process holds the write lock on `path`; it lets go after `ms`. */
export async function holdWriteLock(
  path: string,
  ms: number,
): Promise<{ child: ChildProcess; released: Promise<void> }> {
  const child = spawn(process.execPath, ['-e', SCRIPT, path, String(ms)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('locked')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
  });
  return { child, released };
}
