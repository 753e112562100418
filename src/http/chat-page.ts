import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const path = join(dirname(fileURLToPath(import.meta.url)), 'chat-page.html');

/** The simulator page (static HTML + a little JS), read once. */
export const chatPage = (() => {
  let html: string | undefined;
  return () => {
    html ??= readFileSync(path, 'utf8');
    return html;
  };
})();
