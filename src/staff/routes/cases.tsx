import { Hono } from 'hono';
import type { CaseType } from '../../cases/case-workflow.js';
import { storedCaseFiles } from '../../media/photos-for.js';
import { auditOp } from '../audit.js';
import { hasRole } from '../auth/sessions.js';
import { addCaseNote, assignCase, moveCase } from '../case-actions.js';
import {
  activeOfficers,
  caseEventsOf,
  caseNotesOf,
  caseQueue,
  caseRowOf,
  complaintAttachments,
} from '../case-queries.js';
import { field, intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { formatTime } from '../format.js';
import { maskPhone } from '../mask-phone.js';
import { latestConversationIdOp } from '../notify-citizen.js';
import { CaseDetailPage, CaseListPage, plural } from '../views/case-pages.js';

const FIELDS: Record<CaseType, [string, string][]> = {
  application: [
    ['Child', 'child_name'],
    ['Sex', 'sex'],
    ['Date of birth', 'date_of_birth'],
    ['Place of birth', 'place_of_birth'],
    ['Place type', 'place_of_birth_type'],
    ['Mother', 'mother_name'],
    ['Father', 'father_name'],
    ['Address', 'address'],
    ['District', 'district'],
    ['PIN', 'pin_code'],
    ['Informant', 'informant_name'],
    ['Fee (₹)', 'fee_paise'],
    ['Fee rule', 'fee_rule'],
    ['Language', 'language'],
  ],
  complaint: [
    ['Hospital', 'hospital_name'],
    ['District', 'district'],
    ['Category', 'category'],
    ['Description', 'description'],
    ['Incident date', 'incident_date'],
    ['Anonymous', 'anonymous'],
    ['Language', 'language'],
  ],
};

function fieldValues(type: CaseType, row: Record<string, unknown>): [string, unknown][] {
  const out: [string, unknown][] = FIELDS[type].map(([label, col]) => {
    const v = row[col];
    if (col === 'fee_paise') return [label, (Number(v) / 100).toFixed(2)];
    if (col === 'anonymous') return [label, v ? 'yes (hide name from the hospital)' : 'no'];
    return [label, v];
  });
  out.push(
    ['Filed', formatTime(row.created_at as number)],
    ['State since', formatTime(row.status_at as number)],
  );
  return out;
}

export function caseRoutes(deps: StaffDeps) {
  const app = new Hono<StaffEnv>();

  for (const type of ['application', 'complaint'] as const) {
    const base = `/staff/${plural(type)}`;

    app.get(base, async (c) => {
      const session = c.get('session');
      const q = c.req.query();
      const filters = {
        status: q.status || undefined,
        assigned: q.assigned || undefined,
        overdue: q.overdue === '1',
        q: q.q?.trim() || undefined,
      };
      const now = deps.now();
      const rows = await deps.store.read(caseQueue(type, filters, session.user.id, now));
      return c.html(<CaseListPage type={type} rows={rows} filters={filters} session={session} now={now} />);
    });

    app.get(`${base}/:id`, async (c) => {
      const session = c.get('session');
      const id = intParam(c, 'id');
      const row = await deps.store.read(caseRowOf(type, id));
      if (!row) return c.notFound();
      const now = deps.now();
      const waId = String(row.wa_id);
      const fullPhone = hasRole(session.user, 'officer');
      await deps.store.read(
        auditOp({
          userId: session.user.id,
          action: fullPhone ? 'case.view.full_phone' : 'case.view',
          targetType: type,
          targetId: id,
          detail: { reference: row.reference },
          now,
        }),
      );
      return c.html(
        <CaseDetailPage
          type={type}
          row={row}
          fields={fieldValues(type, row)}
          phone={fullPhone ? `+${waId}` : maskPhone(waId)}
          conversationId={await deps.store.read(latestConversationIdOp(waId))}
          events={await deps.store.read(caseEventsOf(id))}
          notes={await deps.store.read(caseNotesOf(id))}
          officers={await deps.store.read(activeOfficers())}
          attachments={type === 'complaint' ? await deps.store.read(complaintAttachments(id)) : []}
          files={type === 'complaint' ? await deps.store.read(storedCaseFiles({ waId, caseId: id })) : []}
          session={session}
          now={now}
          flash={c.req.query('msg')}
        />,
      );
    });

    app.post(`${base}/:id/transition`, async (c) => {
      const session = requireRole(c, 'officer');
      const id = intParam(c, 'id');
      const to = await field(c, 'to');
      const { notified } = await moveCase(deps, {
        type,
        id,
        to,
        note: await field(c, 'note'),
        actor: session.user,
      });
      // an erased citizen has no number left to write to: say so rather than claim a message went
      const msg = notified
        ? `Moved to ${to}; the citizen was notified.`
        : `Moved to ${to}; the citizen erased their data and cannot be notified.`;
      return c.redirect(`${base}/${id}?msg=${encodeURIComponent(msg)}`, 303);
    });

    app.post(`${base}/:id/assign`, async (c) => {
      const session = requireRole(c, 'officer');
      const id = intParam(c, 'id');
      const raw = await field(c, 'assignee');
      const assigneeId = raw === '' ? null : Number(raw);
      if (assigneeId != null && !Number.isSafeInteger(assigneeId)) return c.text('bad assignee', 400);
      await assignCase(deps, { type, id, assigneeId, actor: session.user });
      return c.redirect(`${base}/${id}?msg=${encodeURIComponent('Assignment saved.')}`, 303);
    });

    app.post(`${base}/:id/notes`, async (c) => {
      const session = requireRole(c, 'officer');
      const id = intParam(c, 'id');
      await addCaseNote(deps, { type, id, body: await field(c, 'body'), actor: session.user });
      return c.redirect(`${base}/${id}?msg=${encodeURIComponent('Note added.')}`, 303);
    });
  }

  return app;
}
