import type { Lang } from '../lang/language.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import type { MessagePurpose } from '../whatsapp/service-window.js';

export interface TemplateSettings {
  /** approved template name per purpose; each has one body parameter, {{1}}, the message itself */
  templates: Record<MessagePurpose, string>;
  templateLanguages: Record<Lang, string>;
}

// Graph refuses template parameters with newlines, tabs or more than four spaces in a row,
// and body parameters are capped; the message is folded into one line that fits.
const MAX_PARAM = 1000;
export function templateParam(text: string): string {
  const one = text
    .replace(/\s*\n+\s*/g, ' · ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = Array.from(one);
  return chars.length <= MAX_PARAM ? one : `${chars.slice(0, MAX_PARAM - 1).join('')}…`;
}

/** The approved template that carries `m` for `purpose` outside the 24-hour window (null: nothing to convert). */
export function templateFor(
  m: OutboundMessage,
  purpose: MessagePurpose | null,
  lang: Lang,
  s: TemplateSettings,
): OutboundMessage | null {
  if (!purpose || m.kind === 'template') return null;
  const body = m.kind === 'image' ? (m.caption ?? '') : 'text' in m ? m.text : '';
  if (!body.trim()) return null;
  return {
    kind: 'template',
    name: s.templates[purpose],
    languageCode: s.templateLanguages[lang],
    params: [templateParam(body)],
    text: body,
  };
}
