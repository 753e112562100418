import { foldForMatch } from '../../lang/normalise.js';
import { asksDeathCertificate } from '../../nlu/death-request.js';
import { readHold } from '../../nlu/hold-request.js';
import { keepAsIs } from '../../nlu/keep-as-is.js';
import { negatedRequests, type Refusal } from '../../nlu/negated-requests.js';
import { asksForStatus } from '../../nlu/status-question.js';
import { serviceById } from '../../services/registry.js';
import type { AnyService } from '../../services/types.js';
import { eventText, type InboundEvent } from '../../whatsapp/inbound-event.js';
import type { PendingAction } from '../engine.js';
import { done, type Outcome, type Turn } from './outcome.js';
import { type Reading, readEvent } from './reading.js';
import { resume } from './resume.js';
import { serviceAskedFor } from './service-form.js';

const FREE_TEXT = new Set(['free_text', 'address']);
// "naam Rajesh Kumar Gupta hi rehne do": a value, not a sentence (a free-text answer's value is shorter
// than its stories: "jatav", "Yadav")
const MAX_KEPT_WORDS = 5;
const MAX_KEPT_FREE_TEXT = 3;

/** What the dialogue does with the message instead of handing it to the form as it came. */
export type BeforeForm =
  /** answered here: the form is kept as it was */
  | { kind: 'outcome'; outcome: Outcome }
  /** the form (and the rest of the dialogue) reads this instead: the refused or "keep" part left out */
  | { kind: 'reread'; event: InboundEvent; reading: Reading }
  /** a status question: the dialogue's status check, not the service's form */
  | { kind: 'status' };

/**
 * Before the form engine reads a message as an answer (or as a request for a service), the
 * messages that would lose or start a form on a misread: "submit mat karo abhi" (kept, not
 * cancelled), "wahi rehne do, jatav" (the answer kept, not the form cancelled), "mera data delete
 * mat karna" (nothing to erase), "shikayat nahi karni hai" (no form started), "caste certificate
 * ka status" (a status check, not a new application). Null: the message goes on as it came.
 */
export function beforeForm(
  turn: Turn,
  r: Reading,
  event: InboundEvent,
  pending: PendingAction | null,
): BeforeForm | null {
  if (event.kind !== 'text' && event.kind !== 'audio') return null;
  const raw = eventText(event);
  if (!raw.trim()) return null;
  const form = turn.state.form;
  const service = form ? serviceById(form.service) : undefined;
  if (form && service) {
    const held = keptOrHeld(turn, service, raw);
    if (held) return held;
  }

  const { refusals, rest } = negatedRequests(raw);
  if (refusals.length > 0) {
    const refused = refusedOnly(turn, refusals, rest, pending);
    if (refused) return refused;
  }

  // "caste certificate ka status": the name of the service asks for its status here
  // (inside a form only when a service is named: the form itself lets other status questions through)
  if (r.intent === 'check_status' && asksForStatus(raw) && (!form || serviceAskedFor(raw)))
    return { kind: 'status' };

  if (!form && asksDeathCertificate(raw) && serviceAskedFor(raw) === undefined) {
    const death = serviceById('death_certificate');
    const phrase = death?.intentPhrases[0];
    if (phrase) {
      // the service named as its phrases name it, the facts of the message still read with it
      const text = `${phrase}, ${raw}`;
      return {
        kind: 'reread',
        event: { kind: 'text', text },
        reading: readEvent({ kind: 'text', text }, turn.input.now, null),
      };
    }
  }
  return null;
}

/**
 * A message that refuses a request ("shikayat nahi karni hai", "data delete mat karna"): the rest
 * of it is read instead when it asks for something; else the refused thing is said not done.
 */
function refusedOnly(
  turn: Turn,
  refusals: Refusal[],
  rest: string,
  pending: PendingAction | null,
): BeforeForm | null {
  const form = turn.state.form;
  const current = form ? serviceById(form.service) : undefined;
  const refusedDelete = refusals.some((x) => x.kind === 'delete');
  // in a form only a refused erasure or service is this: "certificate ki copy nahi chahiye" may be an answer
  if (form && !refusedDelete && !refusals.some((x) => namesService(x.text))) return null;
  const reading = (text: string) => readEvent({ kind: 'text', text }, turn.input.now, null);
  if (rest) {
    const other = serviceAskedFor(rest);
    // in a form the message is the form's to read (an answer may say "… nahi karne diya"), unless
    // what is left asks for another service ("caste nahi, income certificate chahiye")
    if (form)
      return other && other.id !== current?.id
        ? { kind: 'reread', event: { kind: 'text', text: rest }, reading: reading(rest) }
        : null;
    const r = reading(rest);
    // outside one, what is left is read when it asks for something ("bas jaankari chahiye")
    if (other || !['unknown', 'cancel', 'no'].includes(r.intent))
      return { kind: 'reread', event: { kind: 'text', text: rest }, reading: r };
  }
  // nothing else asked: what was refused is not done, and said so
  const note = turn.say.t(refusedDelete ? 'delete_kept' : 'left_as_is');
  turn.intent = refusedDelete ? 'delete_data' : 'unknown';
  if (form && current) {
    // inside a form, "anything else?" would ask past the question still open: the form is said kept
    turn.notes.push(
      refusedDelete ? note : turn.say.t('form.not_started', { service: turn.say.serviceName(current.names) }),
    );
    return { kind: 'outcome', outcome: resume(turn, false) };
  }
  if (refusedDelete && pending?.tool === 'delete_my_data') {
    // the erasure's own summary was open: answered as its "no" is
    turn.notes.push(note);
    return { kind: 'outcome', outcome: done(turn) };
  }
  return { kind: 'outcome', outcome: done(turn, { prompt: turn.say.menu(note) }) };
}

/** "wahi rehne do" / "ye wala rehne do" about the answer asked, and "don't submit (yet)": the form is kept. */
function keptOrHeld(turn: Turn, service: AnyService, raw: string): BeforeForm | null {
  const form = turn.state.form;
  if (!form) return null;
  const asking = form.asking && form.asking in service.fields ? form.asking : null;
  const meta = asking ? service.fields[asking] : undefined;
  const keep = keepAsIs(raw);
  const rest = keep && !onlyALabel(service, keep.rest) ? keep.rest : '';
  // "ye rehne do" inside a description ("doctor ne kaha ye rehne do, kuch nahi hoga") is part of the
  // story: what is kept is a value of a few words ("wahi rehne do, jatav"), never a sentence
  const most = meta && FREE_TEXT.has(meta.kind) ? MAX_KEPT_FREE_TEXT : MAX_KEPT_WORDS;
  const story = rest !== '' && rest.split(/\s+/).length > most;
  if (keep && !story) {
    if (rest) {
      // "wahi rehne do, jatav": the value is the answer
      return {
        kind: 'reread',
        event: { kind: 'text', text: rest },
        reading: readEvent({ kind: 'text', text: rest }, turn.input.now, null),
      };
    }
    if (meta?.optional) {
      // "ye wala rehne do" at an optional question: skip it
      const skip: InboundEvent = { kind: 'text', text: 'skip' };
      return { kind: 'reread', event: skip, reading: readEvent(skip, turn.input.now, null) };
    }
    if (meta) {
      // a needed answer cannot be left out, and was not given: asked again, nothing else done
      turn.notes.push(turn.say.t('form.needed', { label: meta.label[turn.say.lang] }));
      return { kind: 'outcome', outcome: resume(turn, false) };
    }
    turn.notes.push(turn.say.t('form.held', { service: turn.say.serviceName(service.names) }));
    return { kind: 'outcome', outcome: resume(turn, false) };
  }
  const hold = readHold(raw);
  // "abhi nahi" to a yes/no question may be its answer; a refused submit never is, but at a question
  // it must be all the message says ("form jama nahi karne diya …" may be the answer's story)
  const whole = !meta || negatedRequests(raw).rest === '';
  if ((hold === 'dont_submit' && whole) || (hold === 'pause' && meta?.kind !== 'yes_no')) {
    turn.intent = 'unknown';
    turn.notes.push(turn.say.t('form.held', { service: turn.say.serviceName(service.names) }));
    return { kind: 'outcome', outcome: resume(turn, false) };
  }
  return null;
}

// the two first services' names, which the NLU (not the registry's phrases) knows them by
const LEGACY_SERVICE =
  /(?:^| )(?:shikayat|shikayaat|complaint|शिकायत|birth certificate|janm praman patra|जन्म प्रमाण पत्र)(?: |$)/;

/** The clause names a service ("jati praman patra nahi chahiye", "shikayat nahi karni"). */
function namesService(text: string): boolean {
  return serviceAskedFor(text) !== undefined || LEGACY_SERVICE.test(` ${foldForMatch(text)} `);
}

/** "jati wahi rehne do": what is left is the field's name, no value. */
function onlyALabel(service: AnyService, text: string): boolean {
  const f = foldForMatch(text);
  if (f === '') return true;
  return Object.values(service.fields).some((m) =>
    [...Object.values(m.label), ...(m.cues ?? [])].some((l) => foldForMatch(l) === f),
  );
}
