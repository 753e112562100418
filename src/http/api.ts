import { createHash, timingSafeEqual } from 'node:crypto';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import { applicationStatuses, complaintStatuses, paymentStatuses } from '../cases/case-workflow.js';
import type { Db } from '../db/open-database.js';
import type { MediaStore } from '../media/media-store.js';
import { mediaResponse } from '../media/media-view.js';
import { isErasedWaId } from '../privacy/erase-citizen.js';
import { services as registry } from '../services/registry.js';
import type { AnyService } from '../services/types.js';
import { auditOp } from '../staff/audit.js';
import type { Op } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { listCaseItems } from './api-cases.js';
import {
  conversationMessages,
  type ListQuery,
  listApplications,
  listComplaints,
  listPayments,
} from './api-queries.js';
import { storeOf } from './store-of.js';

const MAX_LIMIT = 500;
const limitSchema = z.coerce
  .number()
  .int()
  .min(1)
  .default(100)
  .transform((n) => Math.min(n, MAX_LIMIT));

// Comparing digests keeps the comparison constant-time whatever the lengths.
const digest = (s: string) => createHash('sha256').update(s).digest();

function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(header?.trim() ?? '');
  return m ? timingSafeEqual(digest(m[1].trim()), digest(token)) : false;
}

// an erased citizen's pseudonym links their kept records: it is not a key to look them up by
const ERASED_LOOKUP = 'an erased citizen cannot be looked up';

const boundedQuery = (q: Record<string, string>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k.slice(0, 40), v.slice(0, 200)]));

function listQuery(c: Context, statuses: readonly string[]): ListQuery | { error: string } {
  const limit = limitSchema.safeParse(c.req.query('limit') || undefined);
  if (!limit.success) return { error: `limit must be a whole number from 1 to ${MAX_LIMIT}` };
  const status = c.req.query('status') || undefined;
  if (status && !statuses.includes(status)) return { error: `status must be one of: ${statuses.join(', ')}` };
  const phone = c.req.query('phone') || undefined;
  if (phone && isErasedWaId(phone)) return { error: ERASED_LOOKUP };
  return { phone, status, limit: limit.data };
}

/**
 * The read-only JSON API of DESIGN.md §4 for staff tools, behind
 * `Authorization: Bearer $STAFF_API_TOKEN`. Without a configured token it refuses everything.
 */
export function createApi({
  db,
  store: given,
  token,
  mediaStore,
  now = () => Date.now(),
  services = registry,
}: {
  /** the SQLite database, when no store is given (until the wiring passes the store) */
  db?: Db;
  /** where the API's queries run (either database) */
  store?: Store;
  token: string | undefined;
  mediaStore?: MediaStore;
  now?: () => number;
  /** the services /api/cases knows (the registry; a test may pass its own) */
  services?: AnyService[];
}) {
  const store = storeOf({ store: given, db });
  const app = new Hono();

  app.use('/api/*', async (c, next) => {
    if (!token) {
      return c.json(
        { error: 'unauthorized', message: 'STAFF_API_TOKEN is unset: the JSON API is disabled' },
        401,
      );
    }
    if (!tokenMatches(c.req.header('authorization'), token)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'unauthorized', message: 'send Authorization: Bearer <STAFF_API_TOKEN>' }, 401);
    }
    c.header('Cache-Control', 'no-store');
    await next();
    // every read of personal data is accountable, the token's reads included
    if (c.res.status === 200) {
      await store.read(
        auditOp({
          userId: null,
          action: 'api.read',
          targetType: 'api',
          targetId: c.req.path.slice(0, 200),
          detail: { query: boundedQuery(c.req.query()), via: 'STAFF_API_TOKEN' },
          now: Date.now(),
        }),
      );
    }
  });

  const list =
    <T>(statuses: readonly string[], fetch: (q: ListQuery) => Op<T[]>) =>
    async (c: Context) => {
      const q = listQuery(c, statuses);
      if ('error' in q) return c.json({ error: 'invalid_query', message: q.error }, 400);
      return c.json({ items: await store.read(fetch(q)) });
    };

  app.get(
    '/api/applications',
    list(applicationStatuses, (q) => listApplications(q)),
  );
  app.get(
    '/api/complaints',
    list(complaintStatuses, (q) => listComplaints(q)),
  );
  app.get(
    '/api/payments',
    list(paymentStatuses, (q) => listPayments(q)),
  );
  // the `url` of a complaint's photos: the bytes, behind the same bearer token, each view audited
  app.get('/api/media/:id', (c) => {
    const id = Number(c.req.param('id'));
    if (!mediaStore || !Number.isSafeInteger(id) || id <= 0) return c.json({ error: 'not_found' }, 404);
    return mediaResponse(store, mediaStore, { id, userId: null, via: 'api', now: now() });
  });
  app.get('/api/cases', async (c) => {
    const service = c.req.query('service') || undefined;
    const known = services.map((s) => s.id);
    if (service && !known.includes(service)) {
      return c.json({ error: 'invalid_query', message: `service must be one of: ${known.join(', ')}` }, 400);
    }
    const statuses = [
      ...new Set(
        services.filter((s) => !service || s.id === service).flatMap((s) => Object.keys(s.workflow.states)),
      ),
    ];
    const q = listQuery(c, statuses);
    if ('error' in q) return c.json({ error: 'invalid_query', message: q.error }, 400);
    return c.json({
      items: await store.read(listCaseItems({ ...q, ...(service ? { service } : {}) }, services)),
    });
  });
  app.get('/api/conversations/:phone/messages', async (c) => {
    const q = listQuery(c, []);
    if ('error' in q) return c.json({ error: 'invalid_query', message: q.error }, 400);
    if (isErasedWaId(c.req.param('phone')))
      return c.json({ error: 'invalid_query', message: ERASED_LOOKUP }, 400);
    return c.json({ items: await store.read(conversationMessages(c.req.param('phone'), q.limit)) });
  });
  return app;
}
