import { classifyConfirmation } from '../../lang/confirmation.js';
import { type Lang, languageSchema } from '../../lang/language.js';
import { analyse } from '../../nlu/analyse.js';
import type { Analysis, Intent, SlotName, Slots } from '../../nlu/analysis.js';
import { eventText, type InboundEvent } from '../../whatsapp/inbound-event.js';
import type { Expecting } from './state.js';

/** Below this score an intent is a guess: the engine asks instead of acting on it. */
export const INTENT_THRESHOLD = 0.5;

/** One citizen message as the dialogue sees it: from free text (analyse) or a button id. */
export interface Reading {
  /** normalised text ('' for buttons and media without a caption) */
  text: string;
  intent: Intent;
  score: number;
  /** every intent's score, for the few decisions that weigh a runner-up */
  scores: Partial<Record<Intent, number>>;
  slots: Partial<Slots>;
  languageRequest?: Lang;
  correction: boolean;
  confirmation: 'yes' | 'no' | 'change' | null;
}

const MENU_INTENTS: Record<string, Intent> = {
  birth: 'apply_birth_certificate',
  complaint: 'file_complaint',
  status: 'check_status',
  pay: 'pay_fee',
  human: 'human',
};

// The answer to "which application?" or "which complaint?" is a reference; form answers are read by the form engine.
const ANALYSE_AS: Record<Expecting, SlotName> = {
  pay_reference: 'references',
  reopen_reference: 'references',
};

export function analyseFor(text: string, now: Date, expecting: Expecting | null): Analysis {
  const as = expecting ? ANALYSE_AS[expecting] : undefined;
  return analyse(text, { now, ...(as ? { expecting: as } : {}) });
}

export function readEvent(event: InboundEvent, now: Date, expecting: Expecting | null): Reading {
  if (event.kind === 'button' || event.kind === 'list') {
    const byId = readId(event.id);
    if (byId) return byId;
  }
  const raw = eventText(event);
  if (!raw.trim()) return blank();
  const a = analyseFor(raw, now, expecting);
  const top = topIntent(a);
  return {
    text: a.text,
    intent: top.score >= INTENT_THRESHOLD ? top.intent : 'unknown',
    score: top.score,
    scores: Object.fromEntries(a.intents.map((i) => [i.intent, i.score])),
    slots: a.slots,
    ...(a.languageRequest ? { languageRequest: a.languageRequest } : {}),
    correction: a.correction,
    confirmation: classifyConfirmation(event),
  };
}

// "cancel", "रद्द करो" read as both no and cancel: cancel is the more specific reading.
const CANCEL_OVER_NO = 0.45;

function topIntent(a: Analysis): { intent: Intent; score: number } {
  const top = a.intents[0] ?? { intent: 'unknown' as const, score: 0 };
  if (top.intent !== 'no') return top;
  const cancel = a.intents.find((i) => i.intent === 'cancel');
  return cancel && cancel.score >= CANCEL_OVER_NO ? { intent: 'cancel', score: top.score } : top;
}

function blank(overrides: Partial<Reading> = {}): Reading {
  const base: Reading = {
    text: '',
    intent: 'unknown',
    score: 0,
    scores: {},
    slots: {},
    correction: false,
    confirmation: null,
  };
  return { ...base, ...overrides };
}

/** Our own button and list ids: exact, so they need no understanding. */
function readId(id: string): Reading | null {
  const [kind, value = ''] = id.split(':', 2);
  const sure = (intent: Intent, more: Partial<Reading> = {}) => blank({ intent, score: 1, ...more });
  switch (kind) {
    case 'menu':
      return MENU_INTENTS[value] ? sure(MENU_INTENTS[value]) : null;
    case 'lang': {
      const lang = languageSchema.safeParse(value);
      return lang.success ? sure('change_language', { languageRequest: lang.data }) : null;
    }
    case 'confirm':
      if (value === 'yes') return sure('yes', { confirmation: 'yes' });
      if (value === 'change') return sure('change', { confirmation: 'change' });
      if (value === 'cancel') return sure('cancel', { confirmation: 'no' });
      return null;
    case 'skip':
      return sure('skip');
    case 'payref':
      return value ? sure('pay_fee', { slots: { references: [value] } }) : null;
    default:
      return null;
  }
}
