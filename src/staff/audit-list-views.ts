import { createMiddleware } from 'hono/factory';
import { auditOp } from './audit.js';
import type { StaffDeps, StaffEnv } from './context.js';
import { MAX_SEARCH_CHARS } from './search-text.js';

// The pages that list citizens' records: one audit row per view, and per search.
// Detail pages audit themselves (conversation.view, case.view).
const LISTS: { path: RegExp; target: string }[] = [
  { path: /^\/staff\/conversations\/?$/, target: 'conversation' },
  { path: /^\/staff\/(applications|complaints|cases)\/?$/, target: 'case' },
  { path: /^\/staff\/handoffs\/?$/, target: 'handoff' },
];

/**
 * Records who looked at which list with which filters (DPDP: every view of personal data
 * is accountable). Written after the page rendered successfully; the query is bounded.
 */
export function auditListViews(deps: StaffDeps) {
  return createMiddleware<StaffEnv>(async (c, next) => {
    await next();
    if (c.req.method !== 'GET' || c.res.status !== 200) return;
    const list = LISTS.find((l) => l.path.test(c.req.path));
    const session = c.get('session');
    if (!list || !session) return;
    const query = Object.fromEntries(
      Object.entries(c.req.query()).map(([k, v]) => [k.slice(0, 40), v.slice(0, MAX_SEARCH_CHARS)]),
    );
    const searched = typeof query.q === 'string' && query.q.trim() !== '';
    await deps.store.read(
      auditOp({
        userId: session.user.id,
        action: `${list.target}.${searched ? 'search' : 'list'}`,
        targetType: list.target,
        targetId: c.req.path.split('/')[2],
        detail: { query },
        now: deps.now(),
      }),
    );
  });
}
