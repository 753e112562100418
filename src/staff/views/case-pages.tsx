import {
  allowedTransitions,
  applicationStatuses,
  type CaseType,
  complaintStatuses,
} from '../../cases/case-workflow.js';
import type { StoredFile } from '../../media/photos-for.js';
import type { StaffSession } from '../auth/sessions.js';
import { hasRole } from '../auth/sessions.js';
import type { CaseEventRow, CaseFilters, CaseListRow, CaseNoteRow, Officer } from '../case-queries.js';
import { formatDuration, formatTime } from '../format.js';
import { maskPhone } from '../mask-phone.js';
import { Csrf, Layout } from './layout.js';
import { MediaGallery } from './media-gallery.js';

export const plural = (type: CaseType) => (type === 'application' ? 'applications' : 'complaints');
const statusesOf = (type: CaseType): readonly string[] =>
  type === 'application' ? applicationStatuses : complaintStatuses;

export function Sla({ due, now }: { due: number | null; now: number }) {
  if (due == null) return <span class="meta">—</span>;
  const late = due < now;
  return (
    <span class={late ? 'badge bad' : 'badge'} title={formatTime(due)}>
      {late ? `overdue ${formatDuration(now - due)}` : `due in ${formatDuration(due - now)}`}
    </span>
  );
}

export function CaseListPage(props: {
  type: CaseType;
  rows: CaseListRow[];
  filters: CaseFilters;
  session: StaffSession;
  now: number;
}) {
  const { type, filters: f } = props;
  const title = type === 'application' ? 'Birth certificate applications' : 'Hospital complaints';
  return (
    <Layout title={title} session={props.session}>
      <h1>{title}</h1>
      <form class="filters" method="get">
        <label>
          State
          <select name="status">
            <option value="">all</option>
            <option value="open" selected={f.status === 'open'}>
              open
            </option>
            {statusesOf(type).map((s) => (
              <option value={s} selected={f.status === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Assigned
          <select name="assigned">
            <option value="">anyone</option>
            <option value="me" selected={f.assigned === 'me'}>
              me
            </option>
            <option value="unassigned" selected={f.assigned === 'unassigned'}>
              unassigned
            </option>
          </select>
        </label>
        <label>
          Reference / district
          <input name="q" value={f.q ?? ''} />
        </label>
        <label>
          <span>
            <input type="checkbox" name="overdue" value="1" checked={f.overdue} /> overdue only
          </span>
        </label>
        <button type="submit">Filter</button>
      </form>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>Reference</th>
              <th>State</th>
              <th>{type === 'application' ? 'Child · born' : 'Hospital · category'}</th>
              <th>District</th>
              <th>Citizen</th>
              <th>Assigned</th>
              <th>SLA</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr class={r.slaDueAt != null && r.slaDueAt < props.now ? 'overdue' : ''}>
                <td>
                  <a href={`/staff/${plural(type)}/${r.id}`}>{r.reference}</a>
                </td>
                <td>
                  <span class="badge">{r.status}</span>
                </td>
                <td>{r.summary}</td>
                <td>{r.district}</td>
                <td>{maskPhone(r.waId)}</td>
                <td>{r.assignee ?? '—'}</td>
                <td>
                  <Sla due={r.slaDueAt} now={props.now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 && <p>No cases match.</p>}
    </Layout>
  );
}

type AttachmentRow = { mediaId: string; mimeType: string | null; caption: string | null };
const pendingMedia = (p: { attachments: AttachmentRow[]; files?: StoredFile[] }) =>
  p.attachments.filter((a) => !p.files?.some((f) => f.mediaId === a.mediaId));

export function CaseDetailPage(props: {
  type: CaseType;
  row: Record<string, unknown>;
  fields: [string, unknown][];
  phone: string;
  conversationId: number | null;
  events: CaseEventRow[];
  notes: CaseNoteRow[];
  officers: Officer[];
  attachments: { mediaId: string; mimeType: string | null; caption: string | null }[];
  /** the attachments already fetched and stored (src/media), shown inline */
  files?: StoredFile[];
  session: StaffSession;
  now: number;
  flash?: string;
}) {
  const { type, row, session } = props;
  const base = `/staff/${plural(type)}/${row.id}`;
  const officer = hasRole(session.user, 'officer');
  const next = allowedTransitions(type, String(row.status));
  const assignee = props.officers.find((o) => o.id === row.assigned_to);
  return (
    <Layout title={String(row.reference)} session={session} flash={props.flash}>
      <h1>
        {String(row.reference)} <span class="badge">{String(row.status)}</span>
      </h1>
      <div class="grid">
        <div class="card">
          <dl class="kv">
            <dt>Citizen</dt>
            <dd>
              {props.phone}{' '}
              {props.conversationId && (
                <a href={`/staff/conversations/${props.conversationId}`}>transcript</a>
              )}
            </dd>
            {props.fields.map(([k, v]) => (
              <>
                <dt>{k}</dt>
                <dd>{v == null || v === '' ? '—' : String(v)}</dd>
              </>
            ))}
            <dt>SLA</dt>
            <dd>
              <Sla due={(row.sla_due_at as number | null) ?? null} now={props.now} />
            </dd>
            <dt>Assigned to</dt>
            <dd>{assignee?.username ?? (row.assigned_to ? `user ${row.assigned_to}` : '—')}</dd>
            {row.rejection_reason != null && (
              <>
                <dt>Rejection reason</dt>
                <dd>{String(row.rejection_reason)}</dd>
              </>
            )}
          </dl>
          <MediaGallery files={props.files ?? []} />
          {pendingMedia(props).length > 0 && (
            <>
              <h2>Photos sent</h2>
              <ul>
                {pendingMedia(props).map((a) => (
                  <li>
                    {a.mimeType ?? 'media'} {a.mediaId} (being fetched from WhatsApp){' '}
                    {a.caption && `— ${a.caption}`}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div class="card stack">
          <h2>Move the case</h2>
          {!officer && <p class="meta">Only officers move cases.</p>}
          {officer && next.length === 0 && <p class="meta">This case is closed.</p>}
          {officer &&
            next
              .filter((to) => to !== 'rejected')
              .map((to) => (
                <form method="post" action={`${base}/transition`}>
                  <Csrf token={session.csrfToken} />
                  <input type="hidden" name="to" value={to} />
                  <input name="note" placeholder="note (optional)" />{' '}
                  <button type="submit" data-to={to}>
                    → {to}
                  </button>
                </form>
              ))}
          {officer && next.includes('rejected') && (
            <form method="post" action={`${base}/transition`}>
              <Csrf token={session.csrfToken} />
              <input type="hidden" name="to" value="rejected" />
              <textarea name="note" required placeholder="reason for rejection (sent to the citizen)" />
              <button type="submit" class="danger" data-to="rejected">
                Reject
              </button>
            </form>
          )}
          {officer && (
            <>
              <h2>Assignment</h2>
              <form method="post" action={`${base}/assign`}>
                <Csrf token={session.csrfToken} />
                <select name="assignee">
                  <option value="">— unassigned —</option>
                  {props.officers.map((o) => (
                    <option value={String(o.id)} selected={o.id === row.assigned_to}>
                      {o.displayName ?? o.username}
                    </option>
                  ))}
                </select>{' '}
                <button type="submit">Assign</button>
              </form>
              <form method="post" action={`${base}/assign`}>
                <Csrf token={session.csrfToken} />
                <input type="hidden" name="assignee" value={String(session.user.id)} />
                <button type="submit" class="secondary">
                  Assign to me
                </button>
              </form>
            </>
          )}
        </div>
      </div>
      <div class="grid">
        <div class="card">
          <h2>History</h2>
          <ol>
            {props.events.map((e) => (
              <li>
                {formatTime(e.createdAt)}: {e.fromStatus ?? '∅'} → <b>{e.toStatus}</b> by{' '}
                {e.actor ?? 'assistant'}
                {e.note && ` — ${e.note}`}
              </li>
            ))}
          </ol>
        </div>
        <div class="card">
          <h2>Internal notes</h2>
          {props.notes.map((n) => (
            <p>
              <span class="meta">
                {n.author ?? '?'}, {formatTime(n.createdAt)}
              </span>
              <br />
              {n.body}
            </p>
          ))}
          {officer && (
            <form method="post" action={`${base}/notes`}>
              <Csrf token={session.csrfToken} />
              <textarea name="body" required placeholder="note for colleagues (not sent to the citizen)" />
              <button type="submit">Add note</button>
            </form>
          )}
        </div>
      </div>
    </Layout>
  );
}
