import type { OpResult } from '../../storage/operation.js';
import type { StaffSession } from '../auth/sessions.js';
import { hasRole } from '../auth/sessions.js';
import type {
  ConversationFilters,
  ConversationListRow,
  conversationDetail,
} from '../conversation-queries.js';
import { formatTime } from '../format.js';
import { maskPhone } from '../mask-phone.js';
import { Csrf, Layout } from './layout.js';
import { MessageBubble } from './message-bubble.js';
import { TemplateReplyForm } from './template-reply-form.js';
import { TurnDetails } from './turn-details.js';

const Select = (p: { name: string; label: string; value?: string; options: string[] }) => (
  <label>
    {p.label}
    <select name={p.name}>
      <option value="">any</option>
      {p.options.map((o) => (
        <option value={o} selected={p.value === o}>
          {o}
        </option>
      ))}
    </select>
  </label>
);

const Check = (p: { name: string; label: string; checked?: boolean }) => (
  <label>
    <span>
      <input type="checkbox" name={p.name} value="1" checked={p.checked} /> {p.label}
    </span>
  </label>
);

export function ConversationListPage(props: {
  rows: ConversationListRow[];
  filters: ConversationFilters;
  options: { services: string[]; outcomes: string[]; engines: string[] };
  session: StaffSession;
}) {
  const f = props.filters;
  return (
    <Layout title="Transcripts" session={props.session}>
      <h1>Transcripts</h1>
      <form class="filters" method="get" action="/staff/conversations">
        <label>
          Search (हिंदी / English)
          <input name="q" type="search" value={f.q ?? ''} placeholder="प्रमाण, hospital…" />
        </label>
        <label>
          From
          <input name="from" type="date" value={f.from ?? ''} />
        </label>
        <label>
          To
          <input name="to" type="date" value={f.to ?? ''} />
        </label>
        <Select name="language" label="Language" value={f.language} options={['hi', 'en', 'hinglish']} />
        <Select name="service" label="Service" value={f.service} options={props.options.services} />
        <Select name="outcome" label="Outcome" value={f.outcome} options={props.options.outcomes} />
        <Select name="engine" label="Engine" value={f.engine} options={props.options.engines} />
        <Check name="fellBack" label="fell back to offline" checked={f.fellBack} />
        <Check name="flagged" label="flagged" checked={f.flagged} />
        <Check name="needsHuman" label="needs human" checked={f.needsHuman} />
        <button type="submit">Search</button>
      </form>
      <div class="scroll">
        <table>
          <thead>
            <tr>
              <th>#</th>
              <th>Citizen</th>
              <th>Last message</th>
              <th>Lang</th>
              <th>Service · outcome</th>
              <th>Engine</th>
              <th>Text</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => (
              <tr>
                <td>
                  <a href={`/staff/conversations/${r.id}`}>#{r.id}</a>
                </td>
                <td>{maskPhone(r.waId)}</td>
                <td>{formatTime(r.lastMessageAt)}</td>
                <td>{r.language ?? '—'}</td>
                <td>
                  {r.service ?? '—'} · {r.outcome ?? 'open'}
                </td>
                <td>
                  {r.engine ?? '—'}
                  {r.fellBack ? <span class="badge bad">fell back</span> : ''}
                  {r.needsHuman ? <span class="badge bad">needs human</span> : ''}
                  {r.flagged ? <span class="badge bad">flagged</span> : ''}
                </td>
                <td>
                  <a href={`/staff/conversations/${r.id}`}>{(r.snippet ?? '').slice(0, 120) || '…'}</a>{' '}
                  <span class="meta">({r.messageCount} msgs)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 && <p>No conversations match.</p>}
    </Layout>
  );
}

type Detail = NonNullable<OpResult<ReturnType<typeof conversationDetail>>>;

export function ConversationPage(props: {
  detail: Detail;
  phone: string;
  windowOpen: boolean;
  canExport: boolean;
  session: StaffSession;
  flash?: string;
}) {
  const { conversation: c, messages, turns, annotations, citizen, cases } = props.detail;
  const s = props.session;
  const officer = hasRole(s.user, 'officer');
  const turnByInbound = new Map(turns.map((t) => [t.inboundId, t]));
  const base = `/staff/conversations/${c.id}`;
  return (
    <Layout title={`Conversation #${c.id}`} session={s} flash={props.flash}>
      <h1>
        Conversation #{c.id} · {props.phone}
      </h1>
      <p>
        <span class="badge">{c.language ?? '?'}</span> <span class="badge">{c.service ?? 'no service'}</span>{' '}
        <span class="badge">{c.outcome ?? 'open'}</span> <span class="badge">{c.engine ?? '?'}</span>
        {c.fellBack ? <span class="badge bad">fell back</span> : ''}{' '}
        {c.flagged ? <span class="badge bad">flagged</span> : ''}{' '}
        {citizen && citizen.handoff !== 'none' && <span class="badge bad">handoff: {citizen.handoff}</span>}
        <span class="meta">
          {' '}
          {formatTime(c.startedAt)} – {formatTime(c.lastMessageAt)}
        </span>
      </p>
      <p>
        {props.canExport && <a href={`${base}/eval-case.yaml`}>⬇ Export as eval case</a>}{' '}
        <form method="post" action={`${base}/flag`} class="inline">
          <Csrf token={s.csrfToken} />
          <input type="hidden" name="flagged" value={c.flagged ? '0' : '1'} />
          <button type="submit" class="secondary">
            {c.flagged ? 'Unflag' : 'Flag for review'}
          </button>
        </form>
      </p>
      {cases.length > 0 && (
        <p>
          Cases of this citizen:{' '}
          {cases.map((k) => (
            <>
              <a href={`/staff/${k.path}/${k.id}`}>{k.reference}</a> <span class="badge">
                {k.status}
              </span>{' '}
            </>
          ))}
        </p>
      )}
      <div class="chat">
        {messages.map((m) => {
          const turn = m.direction === 'in' ? turnByInbound.get(m.id) : undefined;
          return (
            <>
              <MessageBubble m={m} />
              {turn && (
                <TurnDetails
                  turn={turn}
                  annotations={annotations.filter((a) => a.turnId === turn.id)}
                  csrf={s.csrfToken}
                />
              )}
            </>
          );
        })}
      </div>
      {officer && (
        <div class="card" style="margin-top:1rem">
          <h2>Reply to the citizen</h2>
          {citizen?.handoff === 'human' ? (
            <p class="meta">You are talking to the citizen; the assistant is paused.</p>
          ) : (
            <p class="meta">
              The assistant is handling this chat; take it over from the handoff queue to pause it.
            </p>
          )}
          {props.windowOpen ? (
            <form method="post" action={`${base}/reply`}>
              <Csrf token={s.csrfToken} />
              <textarea
                name="text"
                required
                maxlength={4096}
                placeholder="Message in the citizen's language"
              />
              <button type="submit">Send on WhatsApp</button>
            </form>
          ) : (
            <p class="error">
              The citizen last wrote more than 24 hours ago: WhatsApp only delivers templates now (case
              updates send one).
            </p>
          )}
          {!props.windowOpen && officer && <TemplateReplyForm conversationId={c.id} csrf={s.csrfToken} />}
          {citizen && citizen.handoff !== 'none' && (
            <form method="post" action={`/staff/handoffs/${c.id}/release`}>
              <Csrf token={s.csrfToken} />
              <button type="submit" class="secondary">
                Hand back to the assistant
              </button>
            </form>
          )}
        </div>
      )}
    </Layout>
  );
}
