import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A minimal fake Graph API for long runs: answers every send with a fresh wamid and keeps
 * only (wamid → arrival time, recipient). The scriptable fake in src/testing keeps whole
 * bodies and rescans them per request, which is right for tests and too slow for 100k sends.
 */
export async function startGraphSink() {
  const arrivals = new Map<string, number>();
  let n = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now() + performance.timeOrigin;
      const wamid = `wamid.SINK${++n}`;
      arrivals.set(wamid, at);
      const body = JSON.stringify({ messaging_product: 'whatsapp', messages: [{ id: wamid }] });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v21.0`,
    arrivals,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
