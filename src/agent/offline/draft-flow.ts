import {
  CHANGEABLE,
  clearField,
  type FormField,
  nextMissing,
  OPTIONAL_FIELDS,
  SUBMIT_TOOL,
  submitArgs,
} from './forms.js';
import { done, type Outcome, type Turn } from './outcome.js';
import { daysSince, displayDate } from './prompts.js';
import type { Reading } from './reading.js';
import type { Draft, Expecting } from './state.js';

const PIN_CODE = /^[1-9]\d{5}$/;

export function newDraft(service: Draft['service']): Draft {
  return service === 'birth' ? { service, fields: {} } : { service, fields: {}, photos: 0 };
}

/**
 * Checks what the draft holds, then asks the next missing field or, when nothing is
 * missing, calls the service's tool: the runtime turns that first call into a summary.
 */
export function continueDraft(turn: Turn, draft: Draft): Outcome {
  const { say } = turn;
  turn.intent ??= draft.service === 'birth' ? 'apply_birth_certificate' : 'file_complaint';
  const now = turn.input.now;
  let d = draft;
  if (d.service === 'birth' && d.fields.dateOfBirth) {
    const age = daysSince(d.fields.dateOfBirth, now);
    const date = displayDate(d.fields.dateOfBirth);
    if (age < 0) {
      turn.notes.push(say.t('future_date', { date }));
      d = clearField(d, 'dateOfBirth');
    } else if (age > turn.deps.fees.authorityPermissionWithinDays) {
      // Nothing a chat can do: explain the magistrate's order and end the draft.
      turn.notes.push(say.t('too_old', { date }));
      turn.state = { ...turn.state, draft: null, expecting: null };
      return done(turn, { intent: turn.intent ?? 'apply_birth_certificate' });
    }
  }
  if (d.service === 'birth' && d.fields.pinCode !== undefined && !PIN_CODE.test(d.fields.pinCode)) {
    turn.notes.push(say.t('didnt_get'));
    d = clearField(d, 'pinCode');
  }
  if (d.service === 'complaint' && d.fields.incidentDate && daysSince(d.fields.incidentDate, now) < 0) {
    turn.notes.push(say.t('future_incident_date', { date: displayDate(d.fields.incidentDate) }));
    d = clearField(d, 'incidentDate');
  }
  const next = nextMissing(d);
  if (next) return ask(turn, d, next);
  turn.state = { ...turn.state, draft: d, expecting: 'submit' };
  return done(turn, { call: { name: SUBMIT_TOOL[d.service], args: submitArgs(d), purpose: 'submit' } });
}

/** Asks one step of the draft and remembers that it was asked. */
export function ask(turn: Turn, draft: Draft, step: Expecting): Outcome {
  turn.state = { ...turn.state, draft, expecting: step };
  return done(turn, { prompt: turn.say.question(draft, step) });
}

/** Back to the draft after an interruption: "Now, back to your application:" and its question. */
export function resume(turn: Turn, withLead = true): Outcome {
  const draft = turn.state.draft;
  if (!draft) return done(turn, { prompt: turn.say.menu() });
  if (withLead) turn.notes.push(turn.say.t(`resume.${draft.service}`));
  const step = currentStep(draft, turn.state.expecting);
  return ask(turn, draft, step);
}

function currentStep(draft: Draft, expecting: Expecting | null): Expecting {
  if (expecting === 'submit' || expecting === 'change_field') return expecting;
  return nextMissing(draft) ?? 'submit';
}

/** "skip", "no name yet", "nahi" on an optional question: record it as deliberately blank. */
export function skipAnswer(turn: Turn, draft: Draft, r: Reading): Draft | null {
  const expecting = turn.state.expecting;
  if (!expecting || !isField(draft, expecting)) return null;
  const asSkip =
    r.intent === 'skip' ||
    (OPTIONAL_FIELDS.has(expecting) && (r.intent === 'no' || r.confirmation === 'no')) ||
    (expecting === 'informantName' && r.confirmation === 'yes' && r.text !== '');
  if (!asSkip) return null;
  if (!OPTIONAL_FIELDS.has(expecting)) {
    turn.notes.push(turn.say.t('skip_not_allowed'));
    return draft;
  }
  return { ...draft, fields: { ...draft.fields, [expecting]: null } } as Draft;
}

export function isField(draft: Draft, step: Expecting): step is FormField {
  return CHANGEABLE[draft.service].includes(step as FormField) || step === 'placeOfBirthType';
}

/** "Change something": the list of fields, unless the same message already said what. */
export function askWhatToChange(turn: Turn, draft: Draft): Outcome {
  return ask(turn, draft, 'change_field');
}
