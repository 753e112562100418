// Compiles the server to dist/ (tsc, tsconfig.build.json), copies the files it reads at run
// time to the same relative places (prompts/, migrations, the chat page, the case schema) and
// bundles it into dist/main.mjs, what `npm start` runs (scripts/bundle.mjs).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { bundleServer } from './bundle.mjs';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const copies = [
  ['prompts', 'dist/prompts'],
  ['src/db/migrations', 'dist/src/db/migrations'],
  ['src/db/pg-migrations', 'dist/src/db/pg-migrations'],
  ['src/http/chat-page.html', 'dist/src/http/chat-page.html'],
  ['evals/case.schema.json', 'dist/evals/case.schema.json'],
];
for (const [from, to] of copies) if (existsSync(from)) cpSync(from, to, { recursive: true });
mkdirSync('dist', { recursive: true });
// The message files parsed once here, as JSON named by the sha1 of their text: the server
// reads these at start instead of parsing YAML (src/i18n/cached-yaml.ts, same key).
rmSync('dist/.yaml-cache', { recursive: true, force: true });
mkdirSync('dist/.yaml-cache');
for (const file of readdirSync('dist/prompts/messages').filter((f) => f.endsWith('.yaml'))) {
  const text = readFileSync(join('dist/prompts/messages', file), 'utf8');
  const key = createHash('sha1').update(text).digest('hex');
  writeFileSync(join('dist/.yaml-cache', `${key}.json`), JSON.stringify(parse(text)));
}
await bundleServer();
writeFileSync('dist/.build-stamp', `${new Date().toISOString()}\n`);
