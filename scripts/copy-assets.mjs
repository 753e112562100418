// The compiled server (dist/) reads the same files as the sources do, at the same relative
// paths: prompts/ and fixtures beside dist/src, migrations and the chat page beside their code.
import { cpSync, existsSync } from 'node:fs';

const copies = [
  ['prompts', 'dist/prompts'],
  ['src/db/migrations', 'dist/src/db/migrations'],
  ['src/http/chat-page.html', 'dist/src/http/chat-page.html'],
  ['evals/case.schema.json', 'dist/evals/case.schema.json'],
];
for (const [from, to] of copies) if (existsSync(from)) cpSync(from, to, { recursive: true });
