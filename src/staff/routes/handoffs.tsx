import { asc, eq, inArray, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type * as pgTables from '../../db/pg/schema.js';
import { exec, first, lockKey, type Op, rows } from '../../storage/operation.js';
import { auditOp } from '../audit.js';
import { hasRole } from '../auth/sessions.js';
import { intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { formatDuration, formatTime } from '../format.js';
import { maskPhone } from '../mask-phone.js';
import { notifyCitizenOp } from '../notify-citizen.js';
import { Csrf, Layout } from '../views/layout.js';

type CitizenRow = typeof pgTables.citizens.$inferSelect;

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

  /** the citizen of a conversation, locked until the transaction ends (two officers taking one chat) */
  const citizenOf = (conversationId: number): Op<CitizenRow> =>
    function* (q) {
      const { db, t } = q;
      const conv = yield* first(
        db
          .select({ waId: t.conversations.waId })
          .from(t.conversations)
          .where(eq(t.conversations.id, conversationId)),
      );
      if (!conv) throw new HTTPException(404, { message: 'no such conversation' });
      yield* lockKey(q, `handoff:${conv.waId}`);
      const citizen = yield* first(db.select().from(t.citizens).where(eq(t.citizens.waId, conv.waId)));
      if (!citizen) throw new HTTPException(404, { message: 'no such citizen' });
      return citizen;
    };

  /** moves the citizen's handoff state, tells them, and records it: one transaction */
  const handOver = (
    id: number,
    o: {
      officerId: number;
      now: number;
      to: 'human' | 'none';
      /** the states the move starts from; any other is refused with `refusal` */
      from: readonly CitizenRow['handoff'][];
      refusal: string;
      /** what the citizen is told, by the state the move starts from */
      key: (from: CitizenRow['handoff']) => string;
      action: string;
    },
  ): Op<void> =>
    function* (q) {
      const citizen = yield* citizenOf(id)(q);
      if (!o.from.includes(citizen.handoff)) throw new HTTPException(409, { message: o.refusal });
      yield* exec(
        q.db
          .update(q.t.citizens)
          .set({ handoff: o.to, handoffOfficerId: o.to === 'human' ? o.officerId : null, handoffAt: o.now })
          .where(eq(q.t.citizens.waId, citizen.waId)),
      );
      const outbox = yield* notifyCitizenOp(deps, citizen.waId, o.key(citizen.handoff), {
        actorUserId: o.officerId,
        now: o.now,
        conversationId: id,
      })(q);
      yield* auditOp({
        userId: o.officerId,
        action: o.action,
        targetType: 'conversation',
        targetId: id,
        detail: o.to === 'human' ? { from: citizen.handoff, outbox } : { outbox },
        now: o.now,
      })(q);
    };

  app.post('/staff/handoffs/:id/take', async (c) => {
    const s = requireRole(c, 'officer');
    const id = intParam(c, 'id');
    await deps.store.transaction(
      handOver(id, {
        officerId: s.user.id,
        now: deps.now(),
        to: 'human',
        // a chat another officer has (or this one) is not taken again: that would steal it
        // silently and tell the citizen once more that an officer joined
        from: ['queued'],
        refusal: 'this chat is not waiting for a person: nobody asked, or an officer has already taken it',
        key: () => 'staff.handoff_taken',
        action: 'handoff.take',
      }),
    );
    deps.onOutbound();
    return c.redirect(
      `/staff/conversations/${id}?msg=${encodeURIComponent('You have taken this chat; the assistant is paused.')}`,
      303,
    );
  });

  app.post('/staff/handoffs/:id/release', async (c) => {
    const s = requireRole(c, 'officer');
    const id = intParam(c, 'id');
    await deps.store.transaction(
      handOver(id, {
        officerId: s.user.id,
        now: deps.now(),
        to: 'none',
        from: ['queued', 'human'],
        refusal: 'the assistant already has this chat',
        // a request nobody took is declined, not "handed back": no officer ever joined
        key: (from) => (from === 'queued' ? 'staff.handoff_declined' : 'staff.handoff_returned'),
        action: 'handoff.release',
      }),
    );
    deps.onOutbound();
    return c.redirect(`/staff/handoffs?msg=${encodeURIComponent('Handed back to the assistant.')}`, 303);
  });

  return app;
}
