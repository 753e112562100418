import { asc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { citizens, conversations } from '../../db/schema.js';
import { type Op, rows } from '../../storage/operation.js';
import { audit } from '../audit.js';
import { hasRole } from '../auth/sessions.js';
import { intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { formatDuration, formatTime } from '../format.js';
import { maskPhone } from '../mask-phone.js';
import { notifyCitizen } from '../notify-citizen.js';
import { Csrf, Layout } from '../views/layout.js';

type HandoffRow = {
  waId: string;
  language: string;
  handoff: 'queued' | 'human';
  handoffAt: number | null;
  officer: string | null;
  conversationId: number | null;
  lastText: string | null;
};

/** Citizens waiting for a person, then those an officer has taken; oldest request first. */
export const handoffQueue = (): Op<HandoffRow[]> =>
  function* ({ db, t }) {
    const ci = t.citizens;
    const c = t.conversations;
    const m = t.messages;
    const found = yield* rows(
      db
        .select({
          waId: ci.waId,
          language: ci.language,
          handoff: ci.handoff,
          handoffAt: ci.handoffAt,
          officer: t.staffUsers.username,
          conversationId: sql<
            number | null
          >`(select ${c.id} from ${c} where ${c.waId} = ${ci.waId} order by ${c.lastMessageAt} desc, ${c.id} desc limit 1)`.mapWith(
            (v) => (v == null ? null : Number(v)),
          ),
          lastText: sql<
            string | null
          >`(select ${m.text} from ${m} where ${m.waId} = ${ci.waId} and ${m.direction} = 'in' order by ${m.id} desc limit 1)`,
        })
        .from(ci)
        .leftJoin(t.staffUsers, eq(t.staffUsers.id, ci.handoffOfficerId))
        .where(inArray(ci.handoff, ['queued', 'human']))
        // nulls first, as SQLite orders them (PostgreSQL would put them last)
        .orderBy(sql`(${ci.handoff} = 'human')`, sql`(${ci.handoffAt} is not null)`, asc(ci.handoffAt)),
    );
    return found as HandoffRow[];
  };

export function handoffRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();
  const { db } = deps;

  app.get('/staff/handoffs', async (c) => {
    const s = c.get('session');
    const now = deps.now();
    const rows = await deps.store.read(handoffQueue());
    return c.html(
      <Layout title="Human handoff" session={s} flash={c.req.query('msg')}>
        <h1>Citizens asking for a person</h1>
        {rows.length === 0 && <p>Nobody is waiting.</p>}
        <div class="scroll">
          <table>
            <thead>
              <tr>
                <th>Citizen</th>
                <th>State</th>
                <th>Waiting</th>
                <th>Last message</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr>
                  <td>
                    {maskPhone(r.waId)} <span class="badge">{r.language}</span>
                  </td>
                  <td>
                    {r.handoff === 'queued' ? (
                      <span class="badge bad">queued</span>
                    ) : (
                      `with ${r.officer ?? '?'}`
                    )}
                  </td>
                  <td title={formatTime(r.handoffAt)}>
                    {r.handoffAt ? formatDuration(now - r.handoffAt) : '—'}
                  </td>
                  <td>{(r.lastText ?? '').slice(0, 140)}</td>
                  <td>
                    {r.conversationId && <a href={`/staff/conversations/${r.conversationId}`}>transcript</a>}{' '}
                    {r.conversationId && hasRole(s.user, 'officer') && r.handoff === 'queued' && (
                      <form method="post" action={`/staff/handoffs/${r.conversationId}/take`} class="inline">
                        <Csrf token={s.csrfToken} />
                        <button type="submit">Take</button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Layout>,
    );
  });

  const citizenOf = (conversationId: number) => {
    const conv = db
      .select({ waId: conversations.waId })
      .from(conversations)
      .where(eq(conversations.id, conversationId))
      .get();
    if (!conv) throw new HTTPException(404, { message: 'no such conversation' });
    const citizen = db.select().from(citizens).where(eq(citizens.waId, conv.waId)).get();
    if (!citizen) throw new HTTPException(404, { message: 'no such citizen' });
    return citizen;
  };

  app.post('/staff/handoffs/:id/take', (c) => {
    const s = requireRole(c, 'officer');
    const id = intParam(c, 'id');
    const now = deps.now();
    db.$client.transaction(() => {
      const citizen = citizenOf(id);
      if (citizen.handoff === 'none')
        throw new HTTPException(409, { message: 'this citizen did not ask for a person' });
      db.update(citizens)
        .set({ handoff: 'human', handoffOfficerId: s.user.id, handoffAt: now })
        .where(eq(citizens.waId, citizen.waId))
        .run();
      const outbox = notifyCitizen(deps, citizen.waId, 'staff.handoff_taken', {
        actorUserId: s.user.id,
        now,
        conversationId: id,
      });
      audit(db, {
        userId: s.user.id,
        action: 'handoff.take',
        targetType: 'conversation',
        targetId: id,
        detail: { from: citizen.handoff, outbox },
        now,
      });
    })();
    deps.onOutbound();
    return c.redirect(
      `/staff/conversations/${id}?msg=${encodeURIComponent('You have taken this chat; the assistant is paused.')}`,
      303,
    );
  });

  app.post('/staff/handoffs/:id/release', (c) => {
    const s = requireRole(c, 'officer');
    const id = intParam(c, 'id');
    const now = deps.now();
    db.$client.transaction(() => {
      const citizen = citizenOf(id);
      if (citizen.handoff === 'none')
        throw new HTTPException(409, { message: 'the assistant already has this chat' });
      db.update(citizens)
        .set({ handoff: 'none', handoffOfficerId: null, handoffAt: now })
        .where(eq(citizens.waId, citizen.waId))
        .run();
      const outbox = notifyCitizen(deps, citizen.waId, 'staff.handoff_returned', {
        actorUserId: s.user.id,
        now,
        conversationId: id,
      });
      audit(db, {
        userId: s.user.id,
        action: 'handoff.release',
        targetType: 'conversation',
        targetId: id,
        detail: { outbox },
        now,
      });
    })();
    deps.onOutbound();
    return c.redirect(`/staff/handoffs?msg=${encodeURIComponent('Handed back to the assistant.')}`, 303);
  });

  return app;
}
