// `npm start`: rebuilds dist/ first when a source is newer (scripts/ensure-build.mjs), then
// runs the bundled server (dist/main.mjs, scripts/bundle.mjs) in this same process. One node start instead of two (a `prestart` was a
// separate node, ~60–80 ms more before /healthz answers on an idle machine).
// package.json starts this node with --max-semi-space-size=8 --max-old-space-size=256: with
// V8's defaults the young generation grows to 2 × 16 MB and the old one to ~100 MB of mostly
// garbage before its first full collection, so under 500 deliveries/s the server alone
// peaked at ~210 MB (the npm start tree ~270 MB); with these ~130 MB (tree ~191 MB), the
// same CPU a turn measured in the same run (bench/README.md). The live heap is ~50 MB.
// The script `exec`s node so that npm's child is this process, not a shell: npm passes a
// SIGTERM sent to it alone (`docker stop` to PID 1) to its child, and a shell would die of it
// and leave the server running, undrained (src/wiring/npm-start.test.ts).
await import('./ensure-build.mjs');
await import('../dist/main.mjs');
