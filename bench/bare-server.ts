import { serve } from '@hono/node-server';
import { Hono } from 'hono';

// The baseline of the ingest benchmark: the same framework and adapter, no work at all.
const app = new Hono();
app.post('/webhook/whatsapp', (c) => c.json({ ok: true }, 200));
app.get('/healthz', (c) => c.json({ ok: true }));
serve({ fetch: app.fetch, port: Number(process.argv[2]), hostname: '127.0.0.1' });
