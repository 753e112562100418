import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { enqueueOutboundOp } from '../../outbox/enqueue-outbound.js';
import { exec, first, type Op } from '../../storage/operation.js';
import { text } from '../../whatsapp/outbound-builders.js';
import { auditOp } from '../audit.js';
import { hasRole } from '../auth/sessions.js';
import { field, intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { conversationDetail, filterOptions, listConversations } from '../conversation-queries.js';
import { maskPhone } from '../mask-phone.js';
import { replyWindowOpen } from '../notify-citizen.js';
import { searchText } from '../search-text.js';
import { ConversationListPage, ConversationPage } from '../views/conversation-pages.js';

/** A conversation's citizen, or undefined when there is no such conversation. */
export const conversationWaId = (id: number): Op<{ waId: string } | undefined> =>
  function* ({ db, t }) {
    return yield* first(
      db.select({ waId: t.conversations.waId }).from(t.conversations).where(eq(t.conversations.id, id)),
    );
  };

export function conversationRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();
  app.get('/staff/conversations', async (c) => {
    const q = c.req.query();
    const filters = {
      q: searchText(q.q),
      from: q.from || undefined,
      to: q.to || undefined,
      language: q.language || undefined,
      service: q.service || undefined,
      outcome: q.outcome || undefined,
      engine: q.engine || undefined,
      fellBack: q.fellBack === '1',
      flagged: q.flagged === '1',
      needsHuman: q.needsHuman === '1',
    };
    const rows = await deps.store.read(listConversations(filters));
    return c.html(
      <ConversationListPage
        rows={rows}
        filters={filters}
        options={await deps.store.read(filterOptions())}
        session={c.get('session')}
      />,
    );
  });

  app.get('/staff/conversations/:id', async (c) => {
    const session = c.get('session');
    const id = intParam(c, 'id');
    const detail = await deps.store.read(conversationDetail(id));
    if (!detail) return c.notFound();
    const now = deps.now();
    const waId = detail.conversation.waId;
    const fullPhone = hasRole(session.user, 'officer');
    await deps.store.read(
      auditOp({
        userId: session.user.id,
        action: fullPhone ? 'transcript.view.full_phone' : 'transcript.view',
        targetType: 'conversation',
        targetId: id,
        now,
      }),
    );
    return c.html(
      <ConversationPage
        detail={detail}
        phone={fullPhone ? `+${waId}` : maskPhone(waId)}
        windowOpen={await deps.store.read(replyWindowOpen(waId, now))}
        canExport={deps.exportCase != null}
        session={session}
        flash={c.req.query('msg')}
      />,
    );
  });

  app.get('/staff/conversations/:id/eval-case.yaml', async (c) => {
    const session = c.get('session');
    const id = intParam(c, 'id');
    if (!deps.exportCase)
      throw new HTTPException(501, { message: 'eval export is not available in this build' });
    const found = await deps.store.read(conversationWaId(id));
    if (!found) return c.notFound();
    const yaml = await deps.exportCase({ conversationId: id });
    await deps.store.read(
      auditOp({
        userId: session.user.id,
        action: 'transcript.export_eval_case',
        targetType: 'conversation',
        targetId: id,
        now: deps.now(),
      }),
    );
    c.header('Content-Disposition', `attachment; filename="conversation-${id}.eval.yaml"`);
    return c.body(yaml, 200, { 'Content-Type': 'application/yaml; charset=utf-8' });
  });

  app.post('/staff/conversations/:id/flag', async (c) => {
    const session = c.get('session');
    const id = intParam(c, 'id');
    const flagged = (await field(c, 'flagged')) === '1';
    const now = deps.now();
    await deps.store.transaction(function* (q) {
      const changed = yield* exec(
        q.db.update(q.t.conversations).set({ flagged }).where(eq(q.t.conversations.id, id)),
      );
      if (changed === 0) throw new HTTPException(404, { message: 'no such conversation' });
      yield* auditOp({
        userId: session.user.id,
        action: flagged ? 'transcript.flag' : 'transcript.unflag',
        targetType: 'conversation',
        targetId: id,
        now,
      })(q);
    });
    return c.redirect(`/staff/conversations/${id}`, 303);
  });

  app.post('/staff/turns/:id/annotations', async (c) => {
    const session = requireRole(c, 'reviewer');
    const id = intParam(c, 'id');
    const verdict = await field(c, 'verdict');
    if (verdict !== 'good' && verdict !== 'bad') return c.text('verdict must be good or bad', 400);
    const turn = await deps.store.read(function* ({ db, t }) {
      return yield* first(
        db.select({ conversationId: t.turns.conversationId }).from(t.turns).where(eq(t.turns.id, id)),
      );
    });
    if (!turn) return c.notFound();
    const label = (await field(c, 'label')).slice(0, 100) || null;
    const note = (await field(c, 'note')).slice(0, 2000) || null;
    const now = deps.now();
    await deps.store.transaction(function* (q) {
      yield* exec(
        q.db
          .insert(q.t.annotations)
          .values({ turnId: id, userId: session.user.id, verdict, label, note, createdAt: now }),
      );
      yield* auditOp({
        userId: session.user.id,
        action: 'turn.annotate',
        targetType: 'turn',
        targetId: id,
        detail: { verdict, label },
        now,
      })(q);
    });
    return c.redirect(
      `/staff/conversations/${turn.conversationId}?msg=${encodeURIComponent(`Turn ${id} marked ${verdict}.`)}#turn-${id}`,
      303,
    );
  });

  app.post('/staff/conversations/:id/reply', async (c) => {
    const session = requireRole(c, 'officer');
    const id = intParam(c, 'id');
    const body = await field(c, 'text');
    if (!body) return c.text('empty reply', 400);
    const now = deps.now();
    const found = await deps.store.transaction(function* (q) {
      const conv = yield* conversationWaId(id)(q);
      if (!conv) return false;
      if (!(yield* replyWindowOpen(conv.waId, now)(q))) {
        throw new HTTPException(409, {
          message: 'the 24-hour window is closed: WhatsApp will not deliver a free-form reply',
        });
      }
      const outbox = yield* enqueueOutboundOp(text(body), {
        waId: conv.waId,
        conversationId: id,
        sentBy: `staff:${session.user.id}`,
        simulated: deps.simulated,
        now,
      })(q);
      yield* auditOp({
        userId: session.user.id,
        action: 'citizen.reply',
        targetType: 'conversation',
        targetId: id,
        detail: { outbox },
        now,
      })(q);
      return true;
    });
    if (!found) return c.notFound();
    deps.onOutbound();
    return c.redirect(`/staff/conversations/${id}?msg=${encodeURIComponent('Reply queued.')}`, 303);
  });

  return app;
}
