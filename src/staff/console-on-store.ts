// Test support: the staff console over a store of either database, with signed-in officers.
import { and, asc, eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { loadCatalogue } from '../i18n/catalogue.js';
import { exec, type Op, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { addStaffUser } from './accounts.js';
import { createStaffConsole } from './create-staff-console.js';
import { login, PASSWORD, T0 } from './test-support.js';

export const HOUR = 60 * 60 * 1000;
const silent = { info() {}, warn() {}, error() {} };

/** The console on `store`, and officers `asha` and `ravi` signed in. */
export async function consoleOnStore(store: Store, now = () => T0) {
  const app = createStaffConsole({
    store,
    catalogue: loadCatalogue(),
    now,
    simulated: true,
    onOutbound: () => {},
    logger: silent,
    secureCookies: false,
  }) as unknown as Hono;
  const ids: Record<'asha' | 'ravi', number> = { asha: 0, ravi: 0 };
  for (const username of ['asha', 'ravi'] as const)
    ids[username] = await addStaffUser(store, { username, role: 'officer', password: PASSWORD }, T0, {
      N: 1024,
    });
  return { app, ids, asha: await login(app, 'asha'), ravi: await login(app, 'ravi') };
}

/** A citizen who wrote an hour before T0, in one conversation; returns the conversation's id. */
export const seedCitizenOp = (o: {
  waId: string;
  language?: 'hi' | 'en' | 'hinglish';
  handoff?: 'none' | 'queued' | 'human';
  lastInboundAt?: number;
}): Op<number> =>
  function* ({ db, t }) {
    const at = o.lastInboundAt ?? T0 - HOUR;
    yield* exec(
      db.insert(t.citizens).values({
        waId: o.waId,
        language: o.language ?? 'hi',
        lastInboundAt: at,
        handoff: o.handoff ?? 'none',
        handoffAt: o.handoff && o.handoff !== 'none' ? at : null,
        createdAt: at,
      }),
    );
    const [conv] = yield* rows(
      db
        .insert(t.conversations)
        .values({ waId: o.waId, startedAt: at, lastMessageAt: at, language: o.language ?? 'hi' })
        .returning({ id: t.conversations.id }),
    );
    if (!conv) throw new Error('no conversation');
    return conv.id;
  };

/** The messages queued to `waId`, oldest first. */
export const outboundTo = (waId: string): Op<OutboundRow[]> =>
  function* ({ db, t }) {
    const m = t.messages;
    return yield* rows(
      db
        .select({ kind: m.kind, text: m.text, purpose: m.purpose, sentBy: m.sentBy })
        .from(m)
        .where(and(eq(m.waId, waId), eq(m.direction, 'out')))
        .orderBy(asc(m.id)),
    );
  };
type OutboundRow = { kind: string; text: string | null; purpose: string | null; sentBy: string | null };

/** The audit log's actions and details, oldest first. */
export const auditTrail = (): Op<{ action: string; userId: number | null; detail: unknown }[]> =>
  function* ({ db, t }) {
    const a = t.auditLog;
    return yield* rows(
      db.select({ action: a.action, userId: a.userId, detail: a.detail }).from(a).orderBy(asc(a.id)),
    );
  };
