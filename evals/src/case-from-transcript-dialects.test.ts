import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ENGLISH_BIRTH_RECORD,
  englishBirthUpToSummary,
} from '../../src/testing/english-birth-application.js';
import { usePgTestDatabase } from '../../src/testing/pg-test-database.js';
import { type Journey, startJourney } from '../../src/testing/service-journey.js';
import { type DialectName, testDialects } from '../../src/testing/store-dialects.js';
import { caseFromTranscript } from './case-from-transcript.js';

const NOW = new Date('2026-11-24T06:30:00Z');
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `npm run -s eval:case-from-transcript -- …` as an operator runs it */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', join(root, 'evals', 'case-from-transcript.ts'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '' },
    encoding: 'utf8',
    timeout: 30_000,
  });
const open: Journey[] = [];
afterEach(async () => {
  for (const j of open.splice(0)) await j.close();
});

// The staff console's "export as eval case" reads through the store: a conversation held on
// PostgreSQL becomes the same case as on SQLite (it answered 501 there before).
describe.each(testDialects)('a conversation on %s exported as an eval case', (dialect: DialectName) => {
  const database = dialect === 'postgres' ? usePgTestDatabase() : null;

  it('has the citizen’s turns, the tools they led to and the application as the end state', async () => {
    const j = await startJourney({ now: NOW, ...(database ? { databaseUrl: database.url() } : {}) });
    open.push(j);
    const waId = '919876500011';
    await englishBirthUpToSummary(j, waId);
    await j.tap(waId, 'confirm:yes', 'Yes, submit');

    const yaml = await caseFromTranscript(j.store, { phone: waId });
    // the command line reads the same conversation from the database's file or URL
    if (database) {
      const out = cli('--db', database.url(), '--phone', waId);
      expect(out.stderr).toBe('');
      expect(out.stdout).toBe(yaml);
    }
    const doc = parse(yaml) as {
      suite: string;
      cases: {
        language: string;
        turns: Record<string, unknown>[];
        expect: { applications: { count: number; records: Record<string, unknown>[] } };
      }[];
    };
    expect(doc.suite).toBe('regressions');
    const [c] = doc.cases;
    expect(c.language).toBe('en');
    expect(c.turns.map((t) => t.text ?? (t.button as { id: string }).id)).toEqual([
      'I want to apply for a birth certificate for my son',
      'His name is Arjun, born on 15/11/2026 at home',
      'Mother is Sunita Sharma and father is Rakesh Sharma',
      'Address: 12 Civil Lines, Lucknow 226001',
      'informant:father',
      'confirm:yes',
    ]);
    expect(c.turns.at(-1)).toMatchObject({ tool: 'apply_birth_certificate', replyLanguage: 'en' });
    expect(c.expect.applications.count).toBe(1);
    expect(c.expect.applications.records[0]).toMatchObject(ENGLISH_BIRTH_RECORD);
  });

  it('says so when the conversation is not there', async () => {
    const j = await startJourney({ now: NOW, ...(database ? { databaseUrl: database.url() } : {}) });
    open.push(j);
    await expect(caseFromTranscript(j.store, { conversationId: 424242 })).rejects.toThrow(
      /no conversation for id 424242/,
    );
    if (database) {
      const out = cli('--db', database.url(), '--conversation', '424242');
      expect(out.status).toBe(1);
      expect(out.stderr.trim()).toBe('no conversation for id 424242');
    }
  });
});

describe('the command line on a PostgreSQL it cannot use', () => {
  it('says why in one line and changes nothing', () => {
    const out = cli('--db', 'postgres://nobody@127.0.0.1:1/none', '--phone', '91');
    expect(out.status).toBe(2);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1\/none/);
  });
});
