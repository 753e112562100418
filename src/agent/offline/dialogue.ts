import { parseReference } from '../../../tools/references.js';
import type { Intent } from '../../nlu/analysis.js';
import type { EngineInput, PendingAction } from '../engine.js';
import { applySlots } from './apply-slots.js';
import { ask, askWhatToChange, continueDraft, isField, newDraft, resume, skipAnswer } from './draft-flow.js';
import { pickField } from './field-pick.js';
import { CHANGEABLE, clearField, type FormField, SUBMIT_TOOL, submitArgs } from './forms.js';
import { referenceMeansExistingRecord, serviceFromEvidence, typedReference } from './intent-inference.js';
import { type DialogueDeps, done, type Outcome, type Turn } from './outcome.js';
import { Say } from './prompts.js';
import { type Reading, readEvent } from './reading.js';
import { serviceFormStep } from './service-form.js';
import type { Draft, Expecting, OfflineState, TurnPurpose } from './state.js';

const SERVICE_OF: Partial<Record<Intent, Draft['service']>> = {
  apply_birth_certificate: 'birth',
  file_complaint: 'complaint',
};

const PURPOSE_OF: Record<string, TurnPurpose> = {
  apply_birth_certificate: 'submit',
  file_hospital_complaint: 'submit',
  create_payment_qr: 'pay',
  delete_my_data: 'delete',
};

/** One citizen message against the persisted state: the first step of a turn. */
export function handleMessage(
  input: EngineInput,
  loaded: { state: OfflineState; expired: Draft['service'] | null },
  deps: DialogueDeps,
): Outcome {
  const turn: Turn = {
    input,
    deps,
    say: new Say(deps.catalogue, input.lang),
    state: { ...loaded.state, updatedAt: input.now.toISOString(), turn: null },
    notes: [],
  };
  if (loaded.expired) turn.notes.push(turn.say.t(`expired.${loaded.expired}`));
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
    const draft = turn.state.draft;
    if (draft?.service === 'complaint') {
      turn.state = { ...turn.state, draft: { ...draft, photos: draft.photos + 1 } };
      turn.notes.push(turn.say.t('photo_saved'));
    } else if (!event.caption?.trim()) {
      turn.notes.push(turn.say.t('photo_no_draft'));
    }
    if (!event.caption?.trim()) return resume(turn, false);
  }

  const r = readEvent(event, input.now, turn.state.expecting);
  const asked = turn.state.expecting;
  // without a draft the only open question is which application to pay, and it is asked once
  if (!turn.state.draft) turn.state = { ...turn.state, expecting: null };
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

  const pending = loaded.expired ? null : input.pending;
  // a registry service's form (caste, income, death, …) reads its own answers first
  const stepped = serviceFormStep(turn, r, event, pending);
  if (stepped) return stepped;
  if (pending) {
    const answered = answerPending(turn, r, pending);
    if (answered) return answered;
  }
  return route(turn, r, asked);
}

/** The message after a summary: yes runs exactly what was shown; a change or no goes back to the draft. */
function answerPending(turn: Turn, r: Reading, pending: PendingAction): Outcome | null {
  const yes = r.confirmation === 'yes' || r.intent === 'yes';
  const purpose = PURPOSE_OF[pending.tool] ?? 'submit';
  if (yes && Object.keys(r.slots).length === 0) {
    turn.intent = intentOfTool(pending.tool);
    return done(turn, { call: { name: pending.tool, args: pending.args, purpose } });
  }
  const draft = turn.state.draft;
  if (purpose !== 'submit' || !draft || SUBMIT_TOOL[draft.service] !== pending.tool) {
    if (r.intent === 'cancel' || r.confirmation === 'no') {
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
  if (r.intent === 'cancel') return null;
  const applied = applySlots(draft, r, null);
  if (applied.set.length > 0) return continueDraft(turn, applied.draft);
  if (r.confirmation === 'no' || r.confirmation === 'change' || r.intent === 'change' || r.intent === 'no') {
    const field = namedField(turn, draft, r);
    return field ? askAgain(turn, draft, field) : askWhatToChange(turn, draft);
  }
  return null;
}

/** The field a "change the mother's name" names, by its label in any language form. */
function namedField(turn: Turn, draft: Draft, r: Reading): FormField | undefined {
  if (!r.text) return undefined;
  const { catalogue } = turn.deps;
  return pickField(draft, r.text, (f) =>
    (['en', 'hi', 'hinglish'] as const).map((l) =>
      catalogue.t(l, `offline.field.${f === 'placeOfBirthType' ? 'placeOfBirth' : f}`),
    ),
  );
}

/** Forget one answer and ask it again; the draft is then complete again and re-summarised. */
function askAgain(turn: Turn, draft: Draft, field: FormField): Outcome {
  return ask(turn, clearField(draft, field), field === 'placeOfBirth' ? 'placeOfBirthType' : field);
}

function intentOfTool(tool: string): string {
  if (tool === 'apply_birth_certificate') return 'apply_birth_certificate';
  if (tool === 'file_hospital_complaint') return 'file_complaint';
  if (tool === 'create_payment_qr') return 'pay_fee';
  if (tool === 'delete_my_data') return 'delete_data';
  return tool;
}

function route(turn: Turn, r: Reading, expecting: Expecting | null): Outcome {
  const { say } = turn;
  let draft = turn.state.draft;

  if (r.intent === 'cancel') {
    turn.intent = 'cancel';
    if (!draft) return done(turn, { prompt: say.menu(say.t('nothing_to_cancel')) });
    turn.notes.push(say.t(`cancelled.${draft.service}`));
    turn.state = { ...turn.state, draft: null, expecting: null };
    return done(turn);
  }

  if (draft && r.field && CHANGEABLE[draft.service].includes(r.field)) return askAgain(turn, draft, r.field);
  const wantsChange = r.intent === 'change' || r.confirmation === 'change';
  if (draft && (expecting === 'change_field' || wantsChange) && Object.keys(r.slots).length === 0) {
    const field = namedField(turn, draft, r);
    if (field) return askAgain(turn, draft, field);
  }

  // "this is too complicated, can I talk to an officer" mid-form: the request, not a name
  if (draft && INTERRUPTS.has(r.intent) && r.score >= INTERRUPT_SCORE && !hasFormFacts(r)) {
    r.slots = {};
  }
  referenceMeansExistingRecord(r);
  if (!draft) serviceFromEvidence(r);
  const service = SERVICE_OF[r.intent];
  const applied = draft ? applySlots(draft, r, expecting) : null;
  if (draft && applied && applied.set.length > 0) {
    if (service) turn.intent = r.intent;
    return continueDraft(turn, applied.draft);
  }
  if (draft) {
    const skipped = skipAnswer(turn, draft, r);
    if (skipped) return continueDraft(turn, skipped);
  }

  // putting a half-filled draft aside takes a clear request, not a stray word ("wait")
  const switching = service && draft && draft.service !== service;
  if (service && draft?.service !== service && (!switching || r.score >= SWITCH_SCORE)) {
    turn.intent = r.intent;
    if (draft) turn.notes.push(say.t(`replaced.${draft.service}`));
    turn.notes.push(say.t(`${service}.start`));
    draft = newDraft(service);
    turn.state = { ...turn.state, draft, expecting: null };
    return continueDraft(turn, applySlots(draft, r, null).draft);
  }
  if (service && draft) return resume(turn, false);

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
      if (draft) return done(turn, { prompt: say.menu(say.t(`draft_kept.${draft.service}`)) });
      return done(turn, { prompt: say.menu(say.t('greeting')) });
    case 'greeting':
      if (draft) return resume(turn);
      return done(turn, { prompt: say.menu(say.t('greeting')) });
    case 'help':
      if (draft) {
        turn.notes.push(say.t('help'));
        return resume(turn);
      }
      return done(turn, { prompt: say.menu(say.t('help')) });
    case 'thanks':
      turn.notes.push(say.t(draft ? 'thanks_short' : 'thanks'));
      if (!draft) return done(turn);
      return resume(turn);
    case 'out_of_scope':
    case 'abuse':
      turn.notes.push(say.t(r.intent));
      return draft ? resume(turn) : done(turn, { prompt: say.menu() });
    case 'yes':
      if (draft && expecting === 'submit') {
        turn.intent = intentOfTool(SUBMIT_TOOL[draft.service]);
        return done(turn, {
          call: { name: SUBMIT_TOOL[draft.service], args: submitArgs(draft), purpose: 'submit' },
        });
      }
      break;
    case 'no':
    case 'change':
      if (draft && expecting === 'submit') return askWhatToChange(turn, draft);
      break;
  }
  if (hasReference) {
    turn.intent = 'check_status';
    return statusCall(turn, r);
  }
  turn.intent = 'unknown';
  if (draft) {
    if (expecting && isField(draft, expecting)) turn.notes.push(say.t('didnt_get'));
    return resume(turn, false);
  }
  return done(turn, { prompt: say.menu(say.t('not_sure')) });
}

// requests that interrupt a form whatever else the message seems to hold
const INTERRUPTS = new Set<Intent>(['human', 'menu', 'delete_data']);
const INTERRUPT_SCORE = 0.6;
const SWITCH_SCORE = 0.6;
const NAME_SLOTS = new Set(['childName', 'motherName', 'fatherName', 'childNameBlank']);

/** Facts beyond a name: a bare-answer "name" beside a request is the request's own words. */
function hasFormFacts(r: Reading): boolean {
  return Object.keys(r.slots).some((k) => !NAME_SLOTS.has(k));
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
