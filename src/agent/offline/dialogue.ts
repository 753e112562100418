import { parseReference } from '../../../tools/references.js';
import { detectCommand } from '../../nlu/detect-command.js';
import type { EngineInput, PendingAction } from '../engine.js';
import { beforeForm } from './before-form.js';
import { referenceMeansExistingRecord, serviceFromEvidence, typedReference } from './intent-inference.js';
import { type DialogueDeps, done, type Outcome, type Turn } from './outcome.js';
import { Say } from './prompts.js';
import { type Reading, readEvent } from './reading.js';
import { resume } from './resume.js';
import { serviceFormStep } from './service-form.js';
import type { Expecting, OfflineState, TurnPurpose } from './state.js';

const PURPOSE_OF: Record<string, TurnPurpose> = {
  apply_birth_certificate: 'submit',
  file_hospital_complaint: 'submit',
  create_payment_qr: 'pay',
  delete_my_data: 'delete',
  reopen_complaint: 'reopen',
};

/** One citizen message against the persisted state: the first step of a turn. */
export function handleMessage(
  input: EngineInput,
  loaded: { state: OfflineState; expired: string | null },
  deps: DialogueDeps,
): Outcome {
  const turn: Turn = {
    input,
    deps,
    say: new Say(deps.catalogue, input.lang),
    state: { ...loaded.state, updatedAt: input.now.toISOString(), turn: null },
    notes: [],
  };
  if (loaded.expired && EXPIRED_NOTE[loaded.expired])
    turn.notes.push(turn.say.t(EXPIRED_NOTE[loaded.expired]));
  const event = input.inbound;

  if ((event.kind === 'audio' && !event.transcript) || event.kind === 'unsupported') {
    turn.notes.push(turn.say.t('audio'));
    return resume(turn, false);
  }
  if ((event.kind === 'image' || event.kind === 'document') && turn.state.form) {
    const r = readEvent(event, input.now, null);
    const stepped = serviceFormStep(turn, r, event, loaded.expired ? null : input.pending);
    if (stepped) return stepped;
  }
  if (event.kind === 'image' || event.kind === 'document') {
    if (!event.caption?.trim()) {
      turn.notes.push(turn.say.t('photo_no_draft'));
      return resume(turn, false);
    }
  }

  const r = readEvent(event, input.now, turn.state.expecting);
  const asked = turn.state.expecting;
  // the only open question outside a form is which application to pay, and it is asked once
  turn.state = { ...turn.state, expecting: null };
  // a reference cited is about an existing record; a service the NLU half-knew from the facts
  referenceMeansExistingRecord(r);
  if (!turn.state.form) serviceFromEvidence(r);
  if (r.languageRequest) {
    turn.languageChoice = r.languageRequest;
    turn.say = new Say(deps.catalogue, r.languageRequest);
    turn.notes.push(turn.say.t('lang_switched'));
    if (r.intent === 'change_language' || r.intent === 'unknown') {
      if (Object.keys(r.slots).length === 0) return resume(turn, false);
      r.intent = 'unknown';
    }
  } else if (r.intent === 'change_language') {
    return done(turn, { prompt: turn.say.languages() });
  }

  // promises the status notices make: a resolved complaint is reopened (reopen_complaint, after a
  // yes), a certified copy is paid for, where to collect is answered; none answers a form's question
  const promised = r.text ? detectCommand(r.text) : null;
  const tapped =
    (event.kind === 'button' || event.kind === 'list') && event.id.startsWith('reopenref:')
      ? event.id.slice('reopenref:'.length)
      : null;
  // while a new complaint's question is open, "abhi bhi paise maang rahe" describes the new one
  const fillingComplaint =
    turn.state.form?.service === 'hospital_complaint' && turn.state.form.asking !== null;
  const reopenAsked = promised?.kind === 'reopen' && !fillingComplaint;
  if (reopenAsked || tapped || (asked === 'reopen_reference' && bareReference(r))) {
    turn.intent = 'reopen_complaint';
    return reopenCall(turn, r, tapped ?? (asked === 'reopen_reference' ? typedReference(r) : null));
  }
  if (promised?.kind === 'certified_copy') {
    turn.intent = 'pay_fee';
    return payCall(turn, r);
  }
  if (promised?.kind === 'collect_certificate') {
    turn.intent = 'help';
    turn.notes.push(turn.say.t('collect_certificate'));
    return resume(turn, Boolean(turn.state.form));
  }

  const pending = loaded.expired ? null : input.pending;
  // what would lose or start a form on a misread is answered (or trimmed) before the form reads it
  const before = beforeForm(turn, r, event, pending);
  if (before?.kind === 'outcome') return before.outcome;
  if (before?.kind === 'status') return route(turn, r, asked);
  const message = before?.kind === 'reread' ? before.event : event;
  const reading = before?.kind === 'reread' ? before.reading : r;
  // a registry service's form (caste, income, death, …) reads its own answers first
  const stepped = serviceFormStep(turn, reading, message, pending);
  if (stepped) return stepped;
  if (pending) {
    const answered = answerPending(turn, reading, pending);
    if (answered) return answered;
  }
  return route(turn, reading, asked);
}

/** The message after a summary that is not a form's (a payment, an erasure): yes runs exactly what was shown. */
function answerPending(turn: Turn, r: Reading, pending: PendingAction): Outcome | null {
  const yes = r.confirmation === 'yes' || r.intent === 'yes';
  const purpose = PURPOSE_OF[pending.tool] ?? 'submit';
  if (yes && Object.keys(r.slots).length === 0) {
    turn.intent = intentOfTool(pending.tool);
    return done(turn, { call: { name: pending.tool, args: pending.args, purpose } });
  }
  // an erasure has nothing to change: "Change something" there keeps the data too
  const keep = purpose === 'delete' && (r.confirmation === 'change' || r.intent === 'change');
  if (r.intent === 'cancel' || r.confirmation === 'no' || keep) {
    turn.notes.push(turn.say.t(pending.tool === 'delete_my_data' ? 'delete_kept' : 'left_as_is'));
    return done(turn);
  }
  if (purpose === 'pay' && (r.confirmation === 'change' || r.intent === 'change')) {
    // another application than the one summarised: ask which
    turn.state = { ...turn.state, expecting: 'pay_reference' };
    return done(turn, { prompt: { text: turn.say.t('pay.ask_reference') } });
  }
  return null;
}

function intentOfTool(tool: string): string {
  if (tool === 'apply_birth_certificate') return 'apply_birth_certificate';
  if (tool === 'file_hospital_complaint') return 'file_complaint';
  if (tool === 'create_payment_qr') return 'pay_fee';
  if (tool === 'delete_my_data') return 'delete_data';
  if (tool === 'reopen_complaint') return 'reopen_complaint';
  return tool;
}

function route(turn: Turn, r: Reading, expecting: Expecting | null): Outcome {
  const { say } = turn;
  const inForm = Boolean(turn.state.form);

  if (r.intent === 'cancel') {
    turn.intent = 'cancel';
    return done(turn, { prompt: say.menu(say.t('nothing_to_cancel')) });
  }

  const hasReference = Boolean(r.slots.references?.length || r.slots.referenceDigits?.length);
  // the answer to "which application is the fee for?" is a bare reference (read as a status question)
  if (
    expecting === 'pay_reference' &&
    hasReference &&
    ['check_status', 'pay_fee', 'unknown'].includes(r.intent)
  ) {
    turn.intent = 'pay_fee';
    return payCall(turn, r);
  }
  turn.intent = r.intent;
  switch (r.intent) {
    case 'human':
      turn.notes.push(say.t('human'));
      return done(turn);
    case 'delete_data':
      // the erasure is a tool the runtime gates on a yes, when it is offered; else just ask
      if (turn.input.tools.some((t) => t.name === 'delete_my_data')) {
        return done(turn, { call: { name: 'delete_my_data', args: { reason: null }, purpose: 'delete' } });
      }
      return done(turn, { prompt: { text: say.t('delete_confirm') } });
    case 'check_status':
      return statusCall(turn, r);
    case 'pay_fee':
      return payCall(turn, r);
    case 'menu':
      return done(turn, { prompt: say.menu(formKept(turn) ?? say.t('greeting')) });
    case 'greeting':
      if (inForm) return resume(turn);
      return done(turn, { prompt: say.menu(say.t('greeting')) });
    case 'help':
      if (inForm) {
        turn.notes.push(say.t('help', { services: say.services() }));
        return resume(turn);
      }
      return done(turn, { prompt: say.menu(say.t('help', { services: say.services() })) });
    case 'thanks':
      turn.notes.push(say.t(inForm ? 'thanks_short' : 'thanks'));
      if (!inForm) return done(turn);
      return resume(turn);
    case 'out_of_scope':
    case 'abuse':
      turn.notes.push(say.t(r.intent, { services: say.services() }));
      return inForm ? resume(turn) : done(turn, { prompt: say.menu() });
  }
  if (hasReference) {
    turn.intent = 'check_status';
    return statusCall(turn, r);
  }
  turn.intent = 'unknown';
  if (inForm) return resume(turn, false);
  return done(turn, { prompt: say.menu(say.t('not_sure')) });
}

const EXPIRED_NOTE: Record<string, string> = {
  birth_certificate: 'expired.birth',
  hospital_complaint: 'expired.complaint',
};
const KEPT_NOTE: Record<string, string> = {
  birth_certificate: 'draft_kept.birth',
  hospital_complaint: 'draft_kept.complaint',
};

/** "Your unfinished … is saved" for the menu shown mid-form. */
function formKept(turn: Turn): string | undefined {
  const key = turn.state.form ? KEPT_NOTE[turn.state.form.service] : undefined;
  return key ? turn.say.t(key) : undefined;
}

function statusCall(turn: Turn, r: Reading): Outcome {
  // a registry service's reference (CC-, IC-, DC-…) is read with the registry's prefixes
  const caseRef = parseReference(r.text);
  const reference =
    r.slots.references?.[0] ?? (caseRef && !/^(?:PAY|HC|BC)-/.test(caseRef) ? caseRef : typedReference(r));
  return done(turn, { call: { name: 'check_status', args: { reference }, purpose: 'status' } });
}

function payCall(turn: Turn, r: Reading): Outcome {
  // a registry service's reference (DC-2026-000007) is read with the registry's prefixes
  const caseRef = parseReference(r.text);
  const typed =
    r.slots.references?.find((ref) => ref.startsWith('BC-')) ??
    (caseRef && !/^(?:PAY|HC|BC)-/.test(caseRef) ? caseRef : undefined) ??
    (r.slots.references?.length ? undefined : typedReference(r));
  if (typed)
    return done(turn, { call: { name: 'create_payment_qr', args: { forReference: typed }, purpose: 'pay' } });
  // Which application: the citizen's own records decide (one: pay it; several: ask which).
  return done(turn, { call: { name: 'check_status', args: { reference: null }, purpose: 'pay_lookup' } });
}

/** The answer to "which complaint?" is a reference or its number, with no other request in it. */
function bareReference(r: Reading): boolean {
  const keys = Object.keys(r.slots);
  return keys.length > 0 && keys.every((k) => k === 'references' || k === 'referenceDigits');
}

function reopenCall(turn: Turn, r: Reading, answered: string | null): Outcome {
  // only a reference written as one (HC-2026-000012): a stray number ("2 log paise maang rahe") is not one
  const reference = answered ?? r.slots.references?.[0] ?? parseReference(r.text);
  return done(turn, {
    call: {
      name: 'reopen_complaint',
      args: { reference, reason: answered ? null : r.text.trim() || null },
      purpose: 'reopen',
    },
  });
}
