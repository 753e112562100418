// `npm start`: rebuilds dist/ first when a source is newer (scripts/ensure-build.mjs), then
// runs the server in this same process. One node start instead of two (a `prestart` was a
// separate node, ~60–80 ms more before /healthz answers on an idle machine).
await import('./ensure-build.mjs');
await import('../dist/src/main.js');
