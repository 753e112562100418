import type { MessageRow } from '../conversation-queries.js';
import { formatTime } from '../format.js';
import { InboundMedia } from './media-gallery.js';

type Payload = Record<string, unknown> & {
  buttons?: { id: string; title: string }[];
  rows?: { id: string; title: string; description?: string }[];
};

function parsePayload(raw: string | null): Payload {
  if (!raw) return {};
  try {
    const v = JSON.parse(raw);
    return v && typeof v === 'object' ? (v as Payload) : {};
  } catch {
    return {};
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** The body of a message as the citizen saw it: buttons as chips, lists as rows, media as a labelled line. */
function Body({ m }: { m: MessageRow }) {
  const p = parsePayload(m.payload);
  switch (m.kind) {
    case 'buttons':
      return (
        <>
          <div>{str(p.text) || m.text}</div>
          <div>
            {(p.buttons ?? []).map((b) => (
              <span class="choice">{b.title}</span>
            ))}
          </div>
        </>
      );
    case 'list':
      return (
        <>
          <div>{str(p.text) || m.text}</div>
          <div class="meta">☰ {str(p.buttonLabel)}</div>
          <ol>
            {(p.rows ?? []).map((r) => (
              <li>
                {r.title}
                {r.description && <span class="meta"> — {r.description}</span>}
              </li>
            ))}
          </ol>
        </>
      );
    case 'image':
      if (m.direction === 'in')
        return <InboundMedia messageId={m.id} kind="image" caption={str(p.caption)} />;
      return (
        <>
          <div class="meta">[image {str(p.url)}]</div>
          {str(p.caption) && <div>{str(p.caption)}</div>}
        </>
      );
    case 'template':
      return (
        <>
          <div class="meta">
            template “{str(p.name)}” ({str(p.languageCode)}) — sent because the 24-hour window was closed
          </div>
          <div>{str(p.text) || m.text}</div>
        </>
      );
    case 'button':
    case 'list_reply':
      return <div>[button] {m.text}</div>;
    case 'location':
      return <div>[location] {m.text || `${p.latitude}, ${p.longitude}`}</div>;
    case 'audio':
      return <InboundMedia messageId={m.id} kind="audio" transcript={str(p.transcript)} />;
    case 'document':
      return (
        <InboundMedia messageId={m.id} kind="document" caption={str(p.caption)} fileName={str(p.fileName)} />
      );
    default:
      return <div>{m.text ?? <span class="meta">[{m.kind}]</span>}</div>;
  }
}

export function MessageBubble({ m }: { m: MessageRow }) {
  const failed = m.sendStatus === 'failed';
  return (
    <div class={`bubble ${m.direction}${failed ? ' failed' : ''}`} id={`m${m.id}`}>
      <Body m={m} />
      <div class="meta">
        {formatTime(m.createdAt)}
        {m.direction === 'out' && ` · ${m.sentBy ?? 'assistant'} · ${m.sendStatus ?? ''}`}
      </div>
      {failed && <div class="error">✗ not delivered: {m.lastError ?? 'unknown error'}</div>}
    </div>
  );
}
