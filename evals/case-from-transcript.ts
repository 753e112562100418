import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DatabaseUnavailableError, openDatabase } from '../src/db/open-database.js';
import { openPg } from '../src/db/pg/open-pg.js';
import { pgStore } from '../src/storage/pg-store.js';
import { sqliteStore } from '../src/storage/sqlite-store.js';
import type { Store } from '../src/storage/store.js';
import { caseFromTranscript, TranscriptNotFoundError } from './src/case-from-transcript.js';

const USAGE =
  'usage: npm run -s eval:case-from-transcript -- --db (data/sahayak.db | postgres://…) (--phone <wa_id> | --conversation <id>) [--out evals/suites/regressions/<name>.yaml]';

/** The store at `path`: a SQLite file, or a PostgreSQL URL (read only: its migrations are left to the server). */
async function openStore(path: string): Promise<Store | string> {
  if (/^postgres(ql)?:\/\//.test(path)) {
    try {
      return pgStore(await openPg({ url: path, max: 1, applyMigrations: false }));
    } catch (err) {
      if (err instanceof DatabaseUnavailableError) return err.message;
      throw err;
    }
  }
  // openDatabase would create an empty file: a typo must not look like "no conversation"
  if (path !== ':memory:' && !existsSync(path)) return `no database at ${path}`;
  const db = openDatabase({ path });
  return {
    ...sqliteStore(db),
    close: async () => {
      db.$client.close();
    },
  };
}

async function main(argv: string[]): Promise<number> {
  let v: { db?: string; phone?: string; conversation?: string; out?: string };
  try {
    ({ values: v } = parseArgs({
      args: argv,
      strict: true,
      options: {
        db: { type: 'string' },
        phone: { type: 'string' },
        conversation: { type: 'string' },
        out: { type: 'string' },
      },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const path = v.db ?? 'data/sahayak.db';
  const id = v.conversation === undefined ? undefined : Number(v.conversation);
  if ((v.phone === undefined) === (id === undefined) || (id !== undefined && !Number.isInteger(id))) {
    console.error(USAGE);
    return 2;
  }
  const store = await openStore(path);
  if (typeof store === 'string') {
    console.error(store);
    return 2;
  }
  try {
    const yaml = await caseFromTranscript(
      store,
      v.phone !== undefined ? { phone: v.phone } : { conversationId: id! },
    );
    if (v.out) {
      mkdirSync(dirname(v.out), { recursive: true });
      writeFileSync(v.out, yaml);
      console.error(`wrote ${v.out}`);
    } else process.stdout.write(yaml);
    return 0;
  } catch (err) {
    if (err instanceof TranscriptNotFoundError) {
      console.error(err.message);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
