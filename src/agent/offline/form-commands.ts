import type { Command } from '../../nlu/detect-command.js';
import type { AnyService } from '../../services/types.js';
import type { Turn } from './outcome.js';
import { rupees } from './prompts.js';

// Services whose fee is the registration-delay rule of the RBD Act (free, late fee, magistrate).
const DELAY_RULE = new Set(['birth_certificate', 'death_certificate']);

/** The answer to "what is the fee / how long / which documents" asked in the middle of a form. */
export function answerQuestion(
  turn: Turn,
  service: AnyService,
  fields: Record<string, unknown>,
  topic: Extract<Command, { kind: 'question' }>['topic'],
): string {
  const name = turn.say.serviceName(service.names);
  const fees = turn.deps.fees;
  if (topic === 'time') {
    const days = service.workflow.states[service.workflow.initial]?.slaDays;
    return days ? turn.say.t('form.faq.time', { service: name, days }) : turn.say.t('form.faq.documents');
  }
  if (topic === 'documents') return turn.say.t('form.faq.documents');
  if (DELAY_RULE.has(service.id))
    return turn.say.t('form.faq.fees_delay', {
      free: fees.freeWithinDays,
      amount: rupees(fees.lateFeePaise),
    });
  let paise = 0;
  try {
    const fee = service.fee?.(fields, turn.input.now, fees);
    paise = fee?.kind === 'payable' ? fee.feePaise : 0;
  } catch {
    paise = 0;
  }
  return paise > 0
    ? turn.say.t('form.faq.fees_amount', { service: name, amount: rupees(paise) })
    : turn.say.t('form.faq.fees_free', { service: name });
}
