import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import QRCode from 'qrcode';
import type { Db } from '../db/open-database.js';
import { first, type Op } from '../storage/operation.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';

// 32 random bytes, base64url: the link is the only secret, so anything else is not a token.
const TOKEN = /^([A-Za-z0-9_-]{43})\.png$/;

/** Renders a UPI link as the PNG WhatsApp fetches for the image message. */
export function renderQrPng(upiUri: string): Promise<Buffer> {
  return QRCode.toBuffer(upiUri, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

/** The payment a QR link names, or undefined. */
const paymentOfToken = (token: string): Op<{ upiUri: string; status: string } | undefined> =>
  function* ({ db, t }) {
    return yield* first(
      db
        .select({ upiUri: t.payments.upiUri, status: t.payments.status })
        .from(t.payments)
        .where(eq(t.payments.mediaToken, token)),
    );
  };

/** `GET /media/qr/:token.png`: payment QR images behind unguessable links. */
export function createMediaRoutes(o: { store: Store } | { db: Db }) {
  // `{ db }` until the wiring passes the store (src/wiring/create-sahayak.ts)
  const store = 'store' in o ? o.store : sqliteStore(o.db);
  const app = new Hono();
  app.get('/media/qr/:file', async (c) => {
    const token = TOKEN.exec(c.req.param('file'))?.[1];
    const payment = token ? await store.read(paymentOfToken(token)) : undefined;
    // An expired QR was superseded by another amount: it must not be scanned and paid any more.
    if (!payment || payment.status === 'expired') return c.json({ error: 'not_found' }, 404);
    const png = await renderQrPng(payment.upiUri);
    return c.body(new Uint8Array(png), 200, {
      'Content-Type': 'image/png',
      // A token's QR never changes; private keeps shared caches from holding a citizen's payment link.
      'Cache-Control': 'private, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    });
  });
  return app;
}
