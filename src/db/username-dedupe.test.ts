import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './open-database.js';

const migrations = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('migrating a database whose usernames differ only in case', () => {
  it('keeps both accounts (the newer renamed) and then refuses a third spelling', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sahayak-dedupe-'));
    dirs.push(dir);
    // the migrations as they were before usernames became case-insensitive
    const old = join(dir, 'migrations');
    cpSync(migrations, old, { recursive: true });
    const journalPath = join(old, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
    const at = journal.entries.findIndex((e) => e.tag.endsWith('_staff_username_case_dedupe'));
    journal.entries = journal.entries.slice(0, at);
    writeFileSync(journalPath, JSON.stringify(journal));
    const path = join(dir, 'sahayak.db');
    const client = new Database(path);
    migrate(drizzle(client), { migrationsFolder: old });
    const add = client.prepare(
      `insert into staff_users (username, password_hash, role, created_at) values (?, 'x', 'officer', 0)`,
    );
    add.run('Asha');
    add.run('asha');
    client.close();

    const db = openDatabase({ path });
    expect(db.$client.prepare('select id, username from staff_users order by id').all()).toEqual([
      { id: 1, username: 'Asha' },
      { id: 2, username: 'asha-2' },
    ]);
    expect(() =>
      db.$client
        .prepare(
          `insert into staff_users (username, password_hash, role, created_at) values ('ASHA', 'x', 'admin', 0)`,
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.$client.close();
  });
});
