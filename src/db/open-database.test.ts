import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { holdWriteLock } from '../testing/hold-write-lock.js';
import { DatabaseUnavailableError, openDatabase } from './open-database.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function freshFile() {
  const dir = mkdtempSync(join(tmpdir(), 'sahayak-open-'));
  dirs.push(dir);
  const path = join(dir, 'sahayak.db');
  openDatabase({ path }).$client.close();
  return path;
}

describe('openDatabase against a locked or read-only file', () => {
  it('waits out another process holding the write lock at start, saying so, then opens', async () => {
    const path = freshFile();
    await holdWriteLock(path, 1200);
    const waits: string[] = [];
    const db = openDatabase({ path, busyTimeoutMs: 200, lockWaitMs: 4000, onWait: (m) => waits.push(m) });
    expect(waits.length).toBeGreaterThan(0);
    expect(waits[0]).toMatch(/locked by another process; retrying/);
    db.$client.close();
  });

  it('gives up with a clear error when the lock is held past the wait', async () => {
    const path = freshFile();
    // held far longer than the test: let go by killing the holder
    const { child, released } = await holdWriteLock(path, 60_000);
    expect(() => openDatabase({ path, busyTimeoutMs: 200, lockWaitMs: 600 })).toThrow(
      DatabaseUnavailableError,
    );
    expect(() => openDatabase({ path, busyTimeoutMs: 200, lockWaitMs: 200 })).toThrow(
      /stayed locked by another process/,
    );
    child.kill();
    await released;
  });

  describe('a read-only database', () => {
    let ro: { dir: string; path: string };
    let started: ReturnType<typeof spawnSync>;
    // npm start is spawned in the hook: a cold tsx start is most of the time
    beforeAll(() => {
      const dir = mkdtempSync(join(tmpdir(), 'sahayak-ro-'));
      const path = join(dir, 'sahayak.db');
      openDatabase({ path }).$client.close();
      // root ignores file modes: the immutable flag makes the file and its folder unwritable for anyone
      execFileSync('chattr', ['+i', path, dir]);
      ro = { dir, path };
      started = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_PATH: path,
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
        },
        encoding: 'utf8',
        timeout: 20_000,
      });
    });
    afterAll(() => {
      execFileSync('chattr', ['-i', ro.path, ro.dir]);
      rmSync(ro.dir, { recursive: true, force: true });
    });

    it('openDatabase throws a clear DatabaseUnavailableError', () => {
      expect(() => openDatabase({ path: ro.path })).toThrow(/is read-only/);
    });

    it('npm start exits 1 with one clear line, no stack', () => {
      expect(started.status).toBe(1);
      const lines = String(started.stderr).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/is read-only/);
    });
  });
});

describe('temporary files', () => {
  // SQLite names its temporary files once per process (SQLITE_TMPDIR), and unlinks each as
  // soon as it is open: a child process, watching its own temp folder, sees one come and go
  const probe = `
    import { watch } from 'node:fs';
    import { openDatabase } from ${JSON.stringify(join(root, 'src', 'db', 'open-database.ts'))};
    const seen = [];
    const watcher = watch(process.env.SQLITE_TMPDIR, (_event, file) => seen.push(String(file)));
    const c = openDatabase({ path: process.env.PROBE_DB }).$client;
    const add = c.prepare("insert into citizens (wa_id, name, created_at) values (?, ?, 0)");
    c.transaction(() => { for (let i = 0; i < 2000; i++) add.run('91' + i, 'x'.repeat(200)); })();
    const rename = c.prepare('update citizens set name = ? where wa_id = ?');
    // as the iteration's commit does: a savepoint that rewrites pages the transaction dirtied
    const writer = c.transaction(() => { for (let i = 0; i < 2000; i++) rename.run('y'.repeat(200), '91' + i); });
    c.transaction(() => { for (let i = 0; i < 2000; i++) rename.run('z'.repeat(200), '91' + i); writer(); })();
    setTimeout(() => { watcher.close(); console.log(JSON.stringify(seen)); }, 200);
  `;

  it("keeps a savepoint's journal in memory: a large one opens no temporary file", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-temp-'));
    dirs.push(dir);
    const temp = join(dir, 'temp');
    mkdirSync(temp);
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', SQLITE_TMPDIR: temp, PROBE_DB: join(dir, 'sahayak.db') },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) ?? 'null')).toEqual([]);
  });
});
