import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type CaseRow, caseByIdOp } from '../../cases/case-store.js';
import { newestCases } from '../../cases/newest-cases.js';
import { blockedGiven, paymentStatus } from '../../cases/payment-gate.js';
import { assignServiceCaseOp } from '../../cases/transition-service-case.js';
import { displayValue } from '../../services/field-display.js';
import { services as registry, serviceById } from '../../services/registry.js';
import type { AnyService } from '../../services/types.js';
import { auditOp } from '../audit.js';
import { hasRole } from '../auth/sessions.js';
import { caseEventsOf } from '../case-queries.js';
import { field, intParam, requireRole, type StaffDeps, type StaffEnv } from '../context.js';
import { formatTime } from '../format.js';
import { maskPhone } from '../mask-phone.js';
import { moveServiceCase } from '../move-service-case.js';
import { latestConversationIdOp } from '../notify-citizen.js';
import { Sla } from '../views/case-pages.js';
import { Csrf, Layout } from '../views/layout.js';

function CaseQueue(props: { service: AnyService; rows: CaseRow[]; status?: string; now: number }) {
  const { service } = props;
  const first = Object.keys(service.schema.shape).slice(0, 2);
  return (
    <>
      <h1>{service.names.en}</h1>
      <form method="get" class="filters">
        <select name="status">
          <option value="">any status</option>
          {Object.keys(service.workflow.states).map((s) => (
            <option value={s} selected={props.status === s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit">Filter</button>
      </form>
      <table>
        <thead>
          <tr>
            <th>Reference</th>
            <th>Status</th>
            {first.map((f) => (
              <th>{service.fields[f].label.en}</th>
            ))}
            <th>SLA</th>
            <th>Filed</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/staff/services/${service.id}/${r.id}`}>{r.reference}</a>
              </td>
              <td>
                <span class="badge">{r.status}</span>
              </td>
              {first.map((f) => (
                <td>{displayValue(service.fields[f], r.fields[f], 'en')}</td>
              ))}
              <td>
                <Sla due={r.slaDueAt} now={props.now} />
              </td>
              <td>{formatTime(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.rows.length === 0 && <p>No cases.</p>}
    </>
  );
}

const PAYMENT_LABEL = {
  none_due: 'no fee due',
  paid: 'paid',
  pending: 'not paid yet (a payment QR is open)',
  unpaid: 'unpaid',
};

/** A registry service's cases in the console: a queue, a case page and its workflow buttons. */
export function serviceCaseRoutes(deps: StaffDeps, services: AnyService[] = registry) {
  const app = new Hono<StaffEnv>();
  const load = async (serviceId: string, id: number) => {
    const service = serviceById(serviceId, services);
    const row = service ? await deps.store.read(caseByIdOp(id)) : undefined;
    if (!service || !row || row.service !== service.id)
      throw new HTTPException(404, { message: 'no such case' });
    return { service, row };
  };

  app.get('/staff/services', (c) => {
    const session = c.get('session');
    return c.html(
      <Layout title="Services" session={session}>
        <h1>Services</h1>
        <ul>
          {services.map((s) => (
            <li>
              <a href={`/staff/services/${s.id}`}>{s.names.en}</a>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get('/staff/services/:service', async (c) => {
    const session = c.get('session');
    const service = serviceById(c.req.param('service'), services);
    if (!service) return c.notFound();
    const status = c.req.query('status') || undefined;
    const now = deps.now();
    const rows = await deps.store.read(newestCases({ service: service.id, ...(status ? { status } : {}) }));
    return c.html(
      <Layout title={service.names.en} session={session}>
        <CaseQueue service={service} rows={rows} {...(status ? { status } : {})} now={now} />
      </Layout>,
    );
  });

  app.get('/staff/services/:service/:id', async (c) => {
    const session = c.get('session');
    const { service, row } = await load(c.req.param('service'), intParam(c, 'id'));
    const now = deps.now();
    const officer = hasRole(session.user, 'officer');
    const { pay, events, conversationId } = await deps.store.read(function* (q) {
      yield* auditOp({
        userId: session.user.id,
        action: officer ? 'case.view.full_phone' : 'case.view',
        targetType: 'case',
        targetId: row.id,
        detail: { reference: row.reference },
        now,
      })(q);
      return {
        pay: yield* paymentStatus(row)(q),
        // newest first, as the page lists them
        events: (yield* caseEventsOf(row.id)(q)).reverse(),
        conversationId: yield* latestConversationIdOp(row.waId)(q),
      };
    });
    const next = service.workflow.states[row.status]?.next ?? [];
    const base = `/staff/services/${service.id}/${row.id}`;
    return c.html(
      <Layout title={row.reference} session={session} flash={c.req.query('msg')}>
        <h1>
          {row.reference} <span class="badge">{row.status}</span>
        </h1>
        <p>
          {service.names.en} · {officer ? `+${row.waId}` : maskPhone(row.waId)} · SLA{' '}
          <Sla due={row.slaDueAt} now={now} />
          {conversationId != null && (
            <>
              {' · '}
              <a href={`/staff/conversations/${conversationId}`}>transcript</a>
            </>
          )}
        </p>
        <table>
          <tbody>
            {Object.keys(service.schema.shape).map((f) => (
              <tr>
                <th>{service.fields[f].label.en}</th>
                <td>{displayValue(service.fields[f], row.fields[f], 'en')}</td>
              </tr>
            ))}
            <tr>
              <th>Fee</th>
              <td>
                ₹{(row.feePaise / 100).toFixed(2)} ({row.feeRule ?? 'free'}) · payment: {PAYMENT_LABEL[pay]}
              </td>
            </tr>
            <tr>
              <th>Language</th>
              <td>{row.language}</td>
            </tr>
            <tr>
              <th>Filed</th>
              <td>{formatTime(row.createdAt)}</td>
            </tr>
          </tbody>
        </table>
        {officer && (
          <section>
            <h2>Workflow</h2>
            {next.map((to) => {
              const blocked = blockedGiven(service, row, to, pay);
              return blocked ? (
                <p class="muted">
                  <button type="button" disabled>
                    {to}
                  </button>{' '}
                  unavailable: {blocked}
                </p>
              ) : (
                <form method="post" action={`${base}/transition`} class="inline">
                  <Csrf token={session.csrfToken} />
                  <input type="hidden" name="to" value={to} />
                  {to === 'rejected' && <input name="note" placeholder="reason (required)" required />}
                  <button type="submit">{to}</button>
                </form>
              );
            })}
            <form method="post" action={`${base}/assign`} class="inline">
              <Csrf token={session.csrfToken} />
              <button type="submit">Assign to me</button>
            </form>
            {row.assignedTo != null && <p>Assigned to officer #{row.assignedTo}</p>}
          </section>
        )}
        <h2>History</h2>
        <ul>
          {events.map((e) => (
            <li>
              {formatTime(e.createdAt)}: {e.fromStatus ?? '—'} → {e.toStatus}
              {e.note ? ` (${e.note})` : ''}
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.post('/staff/services/:service/:id/transition', async (c) => {
    const session = requireRole(c, 'officer');
    const { service, row } = await load(c.req.param('service'), intParam(c, 'id'));
    const to = await field(c, 'to');
    const { notified } = await moveServiceCase(deps, {
      service,
      id: row.id,
      to,
      note: await field(c, 'note'),
      actorId: session.user.id,
    });
    // an erased citizen has no number left to write to: say so rather than claim a message went
    const msg = notified
      ? `Moved to ${to}; the citizen was notified.`
      : `Moved to ${to}; the citizen erased their data and cannot be notified.`;
    return c.redirect(`/staff/services/${service.id}/${row.id}?msg=${encodeURIComponent(msg)}`, 303);
  });

  app.post('/staff/services/:service/:id/assign', async (c) => {
    const session = requireRole(c, 'officer');
    const { service, row } = await load(c.req.param('service'), intParam(c, 'id'));
    const now = deps.now();
    await deps.store.transaction(function* (q) {
      yield* assignServiceCaseOp(row.id, session.user.id, now)(q);
      yield* auditOp({
        userId: session.user.id,
        action: 'case.assign',
        targetType: 'case',
        targetId: row.id,
        detail: { reference: row.reference, from: row.assignedTo, to: session.user.id },
        now,
      })(q);
    });
    return c.redirect(
      `/staff/services/${service.id}/${row.id}?msg=${encodeURIComponent('Assigned to you.')}`,
      303,
    );
  });

  return app;
}
