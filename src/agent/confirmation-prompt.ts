import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import { choices, text } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';

/** The ids the runtime recognises as the citizen's answer to a summary. */
export const CONFIRM_IDS = {
  yes: 'confirm:yes',
  change: 'confirm:change',
  cancel: 'confirm:cancel',
} as const;

/** What a summary confirms: each has its own wording and buttons. */
export type ConfirmKind = 'submit' | 'pay' | 'erase';

export function confirmKindOf(tool: string): ConfirmKind {
  if (tool === 'create_payment_qr') return 'pay';
  if (tool === 'delete_my_data') return 'erase';
  return 'submit';
}

/**
 * The summary the citizen confirms: written by the runtime from the validated arguments,
 * so what they approve is exactly what will be submitted, whatever the engine said. A
 * payment and an erasure are not "submitted": they say what they do, with their own buttons.
 */
export function confirmationPrompt(
  catalogue: Catalogue,
  lang: Lang,
  summary: string,
  kind: ConfirmKind = 'submit',
): OutboundMessage[] {
  const key = (k: string) => (kind === 'submit' ? `runtime.${k}` : `runtime.${kind}.${k}`);
  const body = `${catalogue.t(lang, key('confirm_intro'))}\n\n${summary}`;
  const question = catalogue.t(lang, key('confirm_question'));
  const buttons = [
    { id: CONFIRM_IDS.yes, title: catalogue.t(lang, key('button_confirm')) },
    // an erasure has nothing to change: delete or keep
    ...(kind === 'erase' ? [] : [{ id: CONFIRM_IDS.change, title: catalogue.t(lang, key('button_change')) }]),
    { id: CONFIRM_IDS.cancel, title: catalogue.t(lang, key('button_cancel')) },
  ];
  // One interactive message when the summary fits its body limit; otherwise text, then the buttons.
  const joined = `${body}\n\n${question}`;
  return Array.from(joined).length <= 1024
    ? choices(joined, buttons)
    : [...text(body), ...choices(question, buttons)];
}
