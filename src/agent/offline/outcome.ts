import type { FeeSchedule } from '../../../tools/fee-schedule.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import type { Lang } from '../../lang/language.js';
import type { OutboundMessage } from '../../whatsapp/outbound-message.js';
import type { EngineInput } from '../engine.js';
import type { Prompt, Say } from './prompts.js';
import type { OfflineState, TurnPurpose } from './state.js';

/** What one step of the dialogue decided: a tool call to make, or a reply to end the turn with. */
export interface Outcome {
  state: OfflineState;
  say: Say;
  notes: string[];
  prompt?: Prompt;
  /** a reply built already (overrides notes and prompt); [] says nothing */
  reply?: OutboundMessage[];
  call?: { name: string; args: Record<string, unknown>; purpose: TurnPurpose };
  languageChoice?: Lang;
  intent?: string;
  /** fields the form engine set or changed, with the words it took them from */
  reads?: FieldRead[];
}

export interface FieldRead {
  service: string;
  field: string;
  value: unknown;
  words: string;
  change: 'set' | 'changed';
}

export interface DialogueDeps {
  catalogue: Catalogue;
  fees: FeeSchedule;
}

export interface Turn {
  input: EngineInput;
  deps: DialogueDeps;
  say: Say;
  state: OfflineState;
  notes: string[];
  languageChoice?: Lang;
  intent?: string;
  reads?: FieldRead[];
}

export function done(turn: Turn, more: Partial<Outcome> = {}): Outcome {
  return {
    state: turn.state,
    say: turn.say,
    notes: turn.notes,
    ...(turn.languageChoice ? { languageChoice: turn.languageChoice } : {}),
    ...(turn.intent ? { intent: turn.intent } : {}),
    ...(turn.reads?.length ? { reads: turn.reads } : {}),
    ...more,
  };
}
