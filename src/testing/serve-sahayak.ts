import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { loadConfig } from '../config.js';
import { createLogger } from '../logging/create-logger.js';
import { createSahayak } from '../wiring/create-sahayak.js';

export type ServedSahayak = {
  base: string;
  sahayak: ReturnType<typeof createSahayak>;
  close: () => Promise<void>;
};

/**
 * The whole service as `npm start` builds it (real @hono/node-server on 127.0.0.1), on an
 * in-memory database unless `env` says otherwise; background jobs are not started.
 */
export async function serveSahayak(env: Record<string, string> = {}): Promise<ServedSahayak> {
  const config = loadConfig({ DATABASE_PATH: ':memory:', NODE_ENV: 'test', ...env });
  const sahayak = createSahayak(config, { logger: createLogger({ level: 'silent' }) });
  const server = serve({
    fetch: sahayak.app.fetch,
    port: 0,
    hostname: '127.0.0.1',
    createServer: sahayak.createServer,
  }) as Server;
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    sahayak,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(() => r(null)));
      await sahayak.stop();
    },
  };
}

/** GET /staff/login: the login CSRF cookie and the matching form token, for POSTs by hand. */
export async function loginForm(base: string): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${base}/staff/login`);
  const cookie = res.headers.getSetCookie()[0].split(';')[0];
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
  return { cookie, csrf };
}
