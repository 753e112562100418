// `npm start` (scripts/start.mjs) runs the bundled server (dist/main.mjs). `npm ci` builds it (prepare); this builds it
// again only when a source file (or the build itself) is newer than the last build, so a `git pull` followed by
// `npm start` never runs stale code, and an up-to-date start costs a directory walk.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const stamp = 'dist/.build-stamp';
const roots = [
  'src',
  'tools',
  'evals/src',
  'prompts',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'scripts/build.mjs',
  'scripts/bundle.mjs',
];

function newest(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let m = s.mtimeMs;
  for (const name of readdirSync(path)) m = Math.max(m, newest(join(path, name)));
  return m;
}

// a build from before the bundle has a stamp and no dist/main.mjs
const built = existsSync(stamp) && existsSync('dist/main.mjs') ? statSync(stamp).mtimeMs : 0;
if (roots.some((r) => existsSync(r) && newest(r) > built)) {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
