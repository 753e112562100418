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

/**
 * The summary the citizen confirms: written by the runtime from the validated arguments,
 * so what they approve is exactly what will be submitted, whatever the engine said.
 */
export function confirmationPrompt(catalogue: Catalogue, lang: Lang, summary: string): OutboundMessage[] {
  const body = `${catalogue.t(lang, 'runtime.confirm_intro')}\n\n${summary}`;
  const question = catalogue.t(lang, 'runtime.confirm_question');
  const buttons = [
    { id: CONFIRM_IDS.yes, title: catalogue.t(lang, 'runtime.button_confirm') },
    { id: CONFIRM_IDS.change, title: catalogue.t(lang, 'runtime.button_change') },
    { id: CONFIRM_IDS.cancel, title: catalogue.t(lang, 'runtime.button_cancel') },
  ];
  // One interactive message when the summary fits its body limit; otherwise text, then the buttons.
  const joined = `${body}\n\n${question}`;
  return Array.from(joined).length <= 1024
    ? choices(joined, buttons)
    : [...text(body), ...choices(question, buttons)];
}
