import { type Button, charCount, LIMITS, type ListRow, type OutboundMessage } from './outbound-message.js';

/** Cuts to at most n code points, ending with an ellipsis when something was cut. */
export function fitText(s: string, n: number): string {
  const chars = Array.from(s.trim());
  if (chars.length <= n) return chars.join('');
  return `${chars
    .slice(0, n - 1)
    .join('')
    .trimEnd()}…`;
}

/** Splits long text at paragraph, line or word boundaries into WhatsApp-sized messages. */
export function text(body: string): OutboundMessage[] {
  const out: OutboundMessage[] = [];
  let rest = body.trim() || '…';
  while (charCount(rest) > LIMITS.text) {
    const chars = Array.from(rest);
    const head = chars.slice(0, LIMITS.text).join('');
    const cut = Math.max(head.lastIndexOf('\n\n'), head.lastIndexOf('\n'), head.lastIndexOf(' '));
    const at = cut > LIMITS.text / 2 ? cut : head.length;
    out.push({ kind: 'text', text: rest.slice(0, at).trimEnd() });
    rest = rest.slice(at).trimStart();
  }
  out.push({ kind: 'text', text: rest });
  return out;
}

/**
 * Reply buttons when the choices fit (≤ 3), a list otherwise (≤ 10 rows; more are dropped,
 * callers offer at most 10). Titles are fitted and made unique; long bodies become a
 * text message followed by the interactive one.
 */
export function choices(
  body: string,
  options: { id: string; title: string; description?: string }[],
  listLabel = 'Options',
): OutboundMessage[] {
  const pre: OutboundMessage[] = [];
  let prompt = body.trim();
  if (charCount(prompt) > LIMITS.interactiveBody) {
    pre.push(...text(prompt));
    prompt = '👇';
  }
  if (options.length <= LIMITS.buttons) {
    const buttons: Button[] = uniqueTitles(
      options.map((o) => ({ id: o.id, title: fitText(o.title, LIMITS.buttonTitle) })),
      LIMITS.buttonTitle,
    );
    return [...pre, { kind: 'buttons', text: prompt, buttons }];
  }
  const rows: ListRow[] = uniqueTitles(
    options.slice(0, LIMITS.listRows).map((o) => ({
      id: o.id.slice(0, LIMITS.rowId),
      title: fitText(o.title, LIMITS.rowTitle),
      ...(o.description ? { description: fitText(o.description, LIMITS.rowDescription) } : {}),
    })),
    LIMITS.rowTitle,
  );
  return [...pre, { kind: 'list', text: prompt, buttonLabel: fitText(listLabel, LIMITS.listButton), rows }];
}

export function image(url: string, caption?: string): OutboundMessage {
  return caption ? { kind: 'image', url, caption: fitText(caption, LIMITS.caption) } : { kind: 'image', url };
}

function uniqueTitles<T extends { title: string }>(items: T[], max: number): T[] {
  const seen = new Set<string>();
  return items.map((item) => {
    let title = item.title;
    for (let n = 2; seen.has(title); n++) title = `${fitText(item.title, max - 3)} ${n}`;
    seen.add(title);
    return { ...item, title };
  });
}

/** The plain text of a message, as the transcript and the terminal chat show it. */
export function plainText(m: OutboundMessage): string {
  switch (m.kind) {
    case 'text':
      return m.text;
    case 'buttons':
      return `${m.text}\n${m.buttons.map((b) => `[${b.title}]`).join(' ')}`;
    case 'list':
      return `${m.text}\n${m.rows.map((r, i) => `${i + 1}. ${r.title}`).join('\n')}`;
    case 'image':
      return m.caption ?? '[image]';
    case 'template':
    case 'order_details':
    case 'order_status':
      return m.text;
  }
}
