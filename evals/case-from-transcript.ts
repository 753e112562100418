import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/open-database.js';
import { sqliteStore } from '../src/storage/sqlite-store.js';
import { caseFromTranscript, TranscriptNotFoundError } from './src/case-from-transcript.js';

const USAGE =
  'usage: npm run -s eval:case-from-transcript -- --db data/sahayak.db (--phone <wa_id> | --conversation <id>) [--out evals/suites/regressions/<name>.yaml]';

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
  // openDatabase would create an empty file: a typo must not look like "no conversation"
  if (path !== ':memory:' && !existsSync(path)) {
    console.error(`no database at ${path}`);
    return 2;
  }
  const db = openDatabase({ path });
  try {
    const yaml = await caseFromTranscript(
      sqliteStore(db),
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
    db.$client.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
