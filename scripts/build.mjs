// Compiles the server to dist/ (tsc, tsconfig.build.json) and copies the files it reads at
// run time to the same relative places: prompts/, migrations, the chat page, the case schema.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
const copies = [
  ['prompts', 'dist/prompts'],
  ['src/db/migrations', 'dist/src/db/migrations'],
  ['src/http/chat-page.html', 'dist/src/http/chat-page.html'],
  ['evals/case.schema.json', 'dist/evals/case.schema.json'],
];
for (const [from, to] of copies) if (existsSync(from)) cpSync(from, to, { recursive: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.build-stamp', `${new Date().toISOString()}\n`);
