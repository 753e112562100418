// Bundles the compiled server (dist/src/main.js and everything it imports, packages
// included) into one minified ES module, dist/main.mjs, which `npm start` runs.
//
// Why (bench/README.md, "2026-12-07"): node's ES module loader resolved, read and linked
// ~1,000 files at every start, two thirds of the time to the first /healthz; one file starts
// in 0.67–0.70 × the time, with 0.96–0.98 × the CPU a turn and, minified, 0.97–0.99 × the
// peak RSS under load (unminified it was 1.04–1.05 ×, so names are shortened too).
//
// The files the server reads at run time (prompts, migrations, the chat page, the message
// cache) stay where the build copies them, under dist/: each module's `import.meta.url` is
// replaced by the URL of the file it was bundled from (its compiled file in dist/, or its
// file in node_modules), so every path it computes is the same as before bundling. better-sqlite3 is a native addon and stays a package.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

export const bundlePath = 'dist/main.mjs';

export async function bundleServer({ entry = 'dist/src/main.js', outfile = bundlePath } = {}) {
  const out = resolve(outfile);
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    minify: true,
    legalComments: 'none',
    // not loaded unless node runs with --enable-source-maps (which costs ~35 MB of RSS):
    // for reading a stack trace of the minified file
    sourcemap: true,
    external: ['better-sqlite3', 'pg-native'],
    // the CommonJS packages inside an ES module need a require of their own
    banner: {
      js: "import { createRequire as __sahayakRequire } from 'node:module'; const require = __sahayakRequire(import.meta.url);",
    },
    plugins: [ownImportMetaUrl(out)],
    logLevel: 'warning',
  });
}

function ownImportMetaUrl(out) {
  return {
    name: 'own-import-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.m?js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const own = `new URL(${JSON.stringify(relative(dirname(out), args.path).replaceAll('\\', '/'))}, import.meta.url).href`;
        return {
          contents: text.replaceAll('import.meta.url', own),
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}
