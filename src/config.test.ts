import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { loadRuntime } from './wiring/load-runtime.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

describe('loadConfig', () => {
  it('refuses ENGINE=openai with neither OPENAI_API_KEY nor OPENAI_BASE_URL', () => {
    expect(() => loadConfig({ ENGINE: 'openai' })).toThrow(
      /ENGINE=openai needs OPENAI_API_KEY or OPENAI_BASE_URL/,
    );
    expect(loadConfig({ ENGINE: 'openai', OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' }).engine).toBe('openai');
    expect(loadConfig({ ENGINE: 'openai', OPENAI_API_KEY: 'sk-test' }).engine).toBe('openai');
  });

  describe('npm start with ENGINE=openai and no key', () => {
    let r: ReturnType<typeof spawnSync>;
    // spawned in the hook: a cold tsx start is most of the time
    beforeAll(() => {
      r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'main.ts')], {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', ENGINE: 'openai', DATABASE_PATH: ':memory:', PORT: '0' },
        encoding: 'utf8',
        timeout: 20_000,
      });
    });
    it('exits 1 with one clear line, before listening', () => {
      expect(r.status).toBe(1);
      const lines = String(r.stderr).trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^sahayak: ENGINE=openai needs OPENAI_API_KEY or OPENAI_BASE_URL/);
      expect(String(r.stdout)).not.toMatch(/listening/);
    });
  });

  it('/chat is on in development and test, off in production unless CHAT_SIMULATOR_ENABLED', () => {
    const prod = { NODE_ENV: 'production', WHATSAPP_APP_SECRET: 's' };
    expect(loadConfig({}).chatSimulator.enabled).toBe(true);
    expect(loadConfig(prod).chatSimulator.enabled).toBe(false);
    expect(loadConfig({ ...prod, CHAT_SIMULATOR_ENABLED: 'true' }).chatSimulator.enabled).toBe(true);
    expect(loadConfig({ CHAT_SIMULATOR_ENABLED: '0' }).chatSimulator.enabled).toBe(false);
    expect(() => loadConfig({ CHAT_SIMULATOR_ENABLED: 'yes please' })).toThrow(/CHAT_SIMULATOR_ENABLED/);
  });

  it('COMPLAINT_REOPEN_DAYS: 30 by default, a whole number of days, passed to the pipeline (the tools)', () => {
    expect(loadConfig({}).complaintReopenDays).toBe(30);
    expect(loadConfig({ COMPLAINT_REOPEN_DAYS: '7' }).complaintReopenDays).toBe(7);
    expect(() => loadConfig({ COMPLAINT_REOPEN_DAYS: 'a month' })).toThrow(/COMPLAINT_REOPEN_DAYS/);
    expect(() => loadConfig({ COMPLAINT_REOPEN_DAYS: '-1' })).toThrow(/COMPLAINT_REOPEN_DAYS/);
    expect(loadRuntime(loadConfig({ COMPLAINT_REOPEN_DAYS: '7' })).settings.complaintReopenDays).toBe(7);
  });

  it('DATABASE_URL: unset is the SQLite file; a postgres URL is PostgreSQL; anything else is refused in one line', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: '  ' }).databaseUrl).toBeUndefined();
    const url = 'postgres://sahayak@db.internal:5432/sahayak';
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url);
    expect(loadConfig({ DATABASE_URL: 'postgresql://h/db' }).databaseUrl).toBe('postgresql://h/db');
    expect(() => loadConfig({ DATABASE_URL: 'mysql://h/db' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadConfig({ DATABASE_URL: 'data/sahayak.db' })).toThrow(/DATABASE_URL/);
    expect(loadConfig({}).databasePoolSize).toBe(10);
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
    expect(loadConfig({ INSTANCE_ID: 'web-2' }).instanceId).toBe('web-2');
  });

  it('SQLITE_COMMIT_INTERVAL_MS: 10 by default, 0 to commit every iteration, whole milliseconds up to 1 s', () => {
    expect(loadConfig({}).sqliteCommitIntervalMs).toBe(10);
    expect(loadConfig({ SQLITE_COMMIT_INTERVAL_MS: '0' }).sqliteCommitIntervalMs).toBe(0);
    for (const bad of ['-1', '2.5', '5000', 'soon'])
      expect(() => loadConfig({ SQLITE_COMMIT_INTERVAL_MS: bad })).toThrow(/SQLITE_COMMIT_INTERVAL_MS/);
  });
});
