import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { languageSchema } from '../../lang/language.js';
import { enqueueOutboundOp } from '../../outbox/enqueue-outbound.js';
import { templateFor } from '../../outbox/template-fallback.js';
import { tagPurposeOp } from '../../whatsapp/service-window.js';
import { auditOp } from '../audit.js';
import { field, intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { citizenLanguageOp } from '../notify-citizen.js';
import { conversationWaId } from './conversations.js';

const DEFAULT_TEMPLATES = {
  templates: {
    status_update: 'sahayak_status_update',
    payment_receipt: 'sahayak_payment_receipt',
    reminder: 'sahayak_reminder',
  },
  templateLanguages: { hi: 'hi', en: 'en', hinglish: 'en' },
} as const;

/** `POST /staff/conversations/:id/template`: the officer's message as an approved template (purpose + text). */
export function templateReplyRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();
  app.post('/staff/conversations/:id/template', async (c) => {
    const session = requireRole(c, 'officer');
    const id = intParam(c, 'id');
    const purpose = await field(c, 'purpose');
    const body = await field(c, 'text');
    if (purpose !== 'status_update' && purpose !== 'reminder')
      throw new HTTPException(400, { message: 'choose the status-update or the reminder template' });
    if (!body) throw new HTTPException(400, { message: 'write what the template should say' });
    const templates = deps.templates ?? DEFAULT_TEMPLATES;
    const now = deps.now();
    const found = await deps.store.transaction(function* (q) {
      const conv = yield* conversationWaId(id)(q);
      if (!conv) return false;
      const lang = languageSchema.parse(yield* citizenLanguageOp(conv.waId)(q));
      const message = templateFor({ kind: 'text', text: body }, purpose, lang, templates);
      if (!message) throw new HTTPException(400, { message: 'nothing to send' });
      const outbox = yield* enqueueOutboundOp([message], {
        waId: conv.waId,
        conversationId: id,
        sentBy: `staff:${session.user.id}`,
        simulated: deps.simulated,
        now,
      })(q);
      yield* tagPurposeOp(outbox, purpose)(q);
      yield* auditOp({
        userId: session.user.id,
        action: 'citizen.template',
        targetType: 'conversation',
        targetId: id,
        detail: { outbox, purpose },
        now,
      })(q);
      return true;
    });
    if (!found) return c.notFound();
    deps.onOutbound();
    return c.redirect(`/staff/conversations/${id}?msg=${encodeURIComponent('Template queued.')}`, 303);
  });
  return app;
}
