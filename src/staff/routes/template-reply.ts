import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { conversations } from '../../db/schema.js';
import { languageSchema } from '../../lang/language.js';
import { enqueueOutbound } from '../../outbox/enqueue-outbound.js';
import { templateFor } from '../../outbox/template-fallback.js';
import { tagPurpose } from '../../whatsapp/service-window.js';
import { audit } from '../audit.js';
import { field, intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { citizenLanguage } from '../notify-citizen.js';

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
    const conv = deps.db
      .select({ waId: conversations.waId })
      .from(conversations)
      .where(eq(conversations.id, id))
      .get();
    if (!conv) return c.notFound();
    const lang = languageSchema.parse(citizenLanguage(deps.db, conv.waId));
    const message = templateFor(
      { kind: 'text', text: body },
      purpose,
      lang,
      deps.templates ?? DEFAULT_TEMPLATES,
    );
    if (!message) throw new HTTPException(400, { message: 'nothing to send' });
    const now = deps.now();
    deps.db.$client.transaction(() => {
      const outbox = enqueueOutbound(deps.db, [message], {
        waId: conv.waId,
        conversationId: id,
        sentBy: `staff:${session.user.id}`,
        simulated: deps.simulated,
        now,
      });
      tagPurpose(deps.db, outbox, purpose);
      audit(deps.db, {
        userId: session.user.id,
        action: 'citizen.template',
        targetType: 'conversation',
        targetId: id,
        detail: { outbox, purpose },
        now,
      });
    })();
    deps.onOutbound();
    return c.redirect(`/staff/conversations/${id}?msg=${encodeURIComponent('Template queued.')}`, 303);
  });
  return app;
}
