import { asciiDigits } from '../../lang/ascii-digits.js';
import { foldForMatch, normalise } from '../../lang/normalise.js';
import { detectCommand, forbidsCancel } from '../../nlu/detect-command.js';
import { districtLabel } from '../../nlu/district-label.js';
import { extractDistrict, readDistrict } from '../../nlu/extract-district.js';
import { extractPinCode } from '../../nlu/extract-pin-code.js';
import { fieldHolding, readCorrection } from '../../nlu/read-correction.js';
import { isSameAsEarlier } from '../../nlu/same-as-earlier.js';
import { stripFillers } from '../../nlu/strip-fillers.js';
import { type CuedValue, cuedSegments } from '../../services/_fields/read-cues.js';
import { bareAnswer, readChoice, readField, stripTalk } from '../../services/_fields/read-field.js';
import { countedBack } from '../../services/_fields/register-date.js';
import { sureNonAnswer } from '../../services/_fields/sure-non-answer.js';
import { displayValue } from '../../services/field-display.js';
import { services as registry, serviceById } from '../../services/registry.js';
import type { AnyService, FieldMeta } from '../../services/types.js';
import { eventText, type InboundEvent } from '../../whatsapp/inbound-event.js';
import type { PendingAction } from '../engine.js';
import { closedAnswerText, readClosedAnswer } from './closed-answer.js';
import { answerQuestion } from './form-commands.js';
import { notedValues } from './noted-values.js';
import { done, type FieldRead, type Outcome, type Turn } from './outcome.js';
import type { Option, Prompt } from './prompts.js';
import { daysSince, displayDate } from './prompts.js';
import type { Reading } from './reading.js';
import type { ServiceForm } from './state.js';

export type { ServiceForm };

type FormTurn = Turn;

// Explicit correction words: without one, a value that would replace an earlier answer is asked about.
const CORRECTION =
  /(?<![\p{L}\p{M}])(?:not|galat|galti|change|badlo|badal|badlna|badalna|badalni|badalne|badlni|badlne|sahi|wrong|actually|instead|correct|correction|nahi nahi|गलत|ग़लत|बदलो|बदल|बदलें|बदलना|बदलनी|बदलने|सही|नहीं नहीं)(?![\p{L}\p{M}])/iu;
const SKIP =
  /^(?:skip|skip karo|skip karein|none|no|nahi|nahin|nhi|nahi hai|koi nahi|kuch nahi|na|n\/a|pata nahi|chhodo|छोड़ें|छोड़ो|नहीं|नहीं है|कोई नहीं|कुछ नहीं)[.!]*$/iu;
// what people put before a correction ("sorry, …", "arre, …"): not an answer
const FILLER =
  /^(?:sorry|so sorry|ok|okay|acha|accha|achha|haan|ha|ji|arre|are|oh|oops|wait|ruko|maaf|maaf kijiye|माफ़|माफ|सॉरी|अरे|जी|हाँ)?[\s,.!]*$/iu;
const COMMANDS = new Set(['human', 'delete_data', 'check_status', 'pay_fee', 'menu', 'help']);
const COMMAND_SCORE = 0.6;
const OTHER_SERVICE_SCORE = 0.9;
const FREE_TEXT_KINDS = new Set(['person_name', 'address', 'free_text']);

const folded = (s: string) => ` ${foldForMatch(s).replace(/\s+/g, ' ')} `;

interface ServiceWords {
  /** each intent phrase folded, between spaces */
  phrases: string[];
  intentWords: string[][];
  /** each field's labels and cues folded (longer than one character), longest first */
  names: { name: string; l: string }[];
}

// A service's phrases, labels and cues folded once, not on every message (a service is static data;
// the WeakMap holds one entry per service object and lets go of it with the service).
const wordsOf = new WeakMap<AnyService, ServiceWords>();

function serviceWords(s: AnyService): ServiceWords {
  let w = wordsOf.get(s);
  if (!w) {
    w = {
      phrases: s.intentPhrases.map((p) => ` ${foldForMatch(p)} `),
      intentWords: (s.intentWords ?? []).map((group) => group.map((x) => ` ${foldForMatch(x)} `)),
      names: Object.entries(s.fields as Record<string, FieldMeta>)
        .flatMap(([name, m]) =>
          [...Object.values(m.label), ...(m.cues ?? [])].map((l) => ({ name, l: foldForMatch(l) })),
        )
        .filter(({ l }) => l.length > 1)
        .sort((a, b) => b.l.length - a.l.length),
    };
    wordsOf.set(s, w);
  }
  return w;
}

/** The registry service (stored in the cases table) a message asks for, by its phrases. */
export function serviceAskedFor(text: string, list: AnyService[] = registry): AnyService | undefined {
  const f = folded(text);
  const cases = list.filter((s) => s.storage === 'cases');
  return (
    cases.find((s) => {
      const w = serviceWords(s);
      return (
        w.phrases.some((p) => f.includes(p)) ||
        w.intentWords.some((group) => group.every((x) => f.includes(x)))
      );
    }) ?? typedInHaste(f, cases)
  );
}

// "incm certifcate", "cst certificate": a phrase typed without its vowels (as on a phone) is the phrase
const skeleton = (w: string) => (w.length <= 2 ? w : w[0] + w.slice(1).replace(/[aeiou]/g, ''));
const SKELETONS = new WeakMap<AnyService, string[]>();

function typedInHaste(f: string, list: AnyService[]): AnyService | undefined {
  const words = f.trim().split(' ');
  if (!words.some((w) => /^[a-z]{3,}$/.test(w))) return undefined;
  const said = ` ${words.map(skeleton).join(' ')} `;
  return list.find((s) => {
    let phrases = SKELETONS.get(s);
    if (!phrases) {
      phrases = s.intentPhrases
        .map((p) => foldForMatch(p))
        .filter((p) => /^[a-z]{4,}(?: [a-z]{4,})+$/.test(p))
        .map((p) => p.split(' ').map(skeleton).join(' '));
      SKELETONS.set(s, phrases);
    }
    return phrases.some((p) => said.includes(` ${p} `));
  });
}

function buttonId(event: InboundEvent): string | null {
  return event.kind === 'button' || event.kind === 'list' ? event.id : null;
}

/**
 * The form engine for every service of the registry kept in the cases table: questions in
 * schema order, each answer read with that field's extractor and checked by its own schema,
 * other fields only behind a label, replacements only with a correction word or a yes.
 * Returns null when the message is not for a service form (the rest of the dialogue takes it).
 */
export function serviceFormStep(
  turn: FormTurn,
  r: Reading,
  event: InboundEvent,
  pending: PendingAction | null,
  list: AnyService[] = registry,
): Outcome | null {
  const id = buttonId(event);
  const raw = id ? '' : eventText(event);
  const current = turn.state.form ?? null;
  const service = current ? serviceById(current.service, list) : undefined;
  if (!current || !service) {
    const wanted = id?.startsWith('menu:svc.')
      ? serviceById(id.slice('menu:svc.'.length), list)
      : raw
        ? serviceAskedFor(raw, list)
        : undefined;
    const byIntent = wanted ?? serviceOfIntent(r, list);
    if (!byIntent) {
      // a form's button tapped after its form was submitted or cancelled: nothing is done again
      if (id && !pending && isFormButton(id)) {
        turn.intent = 'unknown';
        return done(turn, { prompt: turn.say.menu(turn.say.t('form.stale_closed')) });
      }
      return null;
    }
    return start(turn, byIntent, raw);
  }
  let form = current;
  // a button of an earlier question or summary: where things stand now, never taken as an answer
  if (id && staleButton(id, service, form, pending)) return staleTap(turn, service, form, id, pending);

  // "mat cancel karo", "cancel nahi karna": no cancel, and no answer to the question either
  if (raw && forbidsCancel(raw) && id !== 'confirm:cancel') {
    turn.notes.push(turn.say.t('form.not_cancelled'));
    return resumeForm(turn, service, form);
  }
  if (r.intent === 'cancel' || id === 'confirm:cancel') {
    turn.intent = 'cancel';
    turn.notes.push(service.texts.cancelled[turn.say.lang]);
    turn.state = { ...turn.state, form: null };
    return done(turn);
  }
  // commands win over answers, whatever question is pending
  const command = raw ? detectCommand(raw) : null;
  if (command?.kind === 'cancel') {
    turn.intent = 'cancel';
    turn.notes.push(service.texts.cancelled[turn.say.lang]);
    turn.state = { ...turn.state, form: null };
    return done(turn);
  }
  if (command?.kind === 'restart') {
    // the old answers go: nothing of them may reach the new summary
    turn.notes.push(turn.say.t('form.restarted'));
    turn.state = { ...turn.state, form: null };
    return start(turn, service, '');
  }
  if (command?.kind === 'question') {
    turn.intent = 'help';
    turn.notes.push(answerQuestion(turn, service, form.fields, command.topic));
    return resumeForm(turn, service, form);
  }
  if (command && (command.kind === 'menu' || command.kind === 'human' || command.kind === 'delete_data')) {
    r.intent = command.kind;
    r.score = 1;
    return null;
  }
  // "shikayat karni hai" again while its form is open: the form goes on, its question asked again
  const again = serviceOfIntent(r, list) ?? (raw ? serviceAskedFor(raw, list) : undefined);
  if (
    again?.id === service.id &&
    !pending &&
    raw.trim() &&
    raw.split(/\s+/).length <= 5 &&
    !hasCues(service, raw)
  ) {
    const facts = openingValues(service, raw, turn, []).filter((v) => form.fields[v.field] === undefined);
    if (facts.length === 0) return resumeForm(turn, service, form);
  }
  // a payment's or an erasure's summary is answered by the dialogue; the form waits
  if (pending && pending.tool !== service.toolName) return null;
  // another service asked for plainly: this form is put aside
  const other = raw ? serviceAskedFor(raw, list) : undefined;
  if (other && other.id !== service.id) return start(turn, other, raw);
  const otherByIntent = r.score >= OTHER_SERVICE_SCORE || id ? serviceOfIntent(r, list) : undefined;
  if (otherByIntent && otherByIntent.id !== service.id) return start(turn, otherByIntent, raw);

  if (pending && pending.tool === service.toolName) {
    if ((r.confirmation === 'yes' || r.intent === 'yes') && !hasCues(service, raw)) {
      turn.intent = intentOf(service);
      return done(turn, { call: { name: service.toolName, args: pending.args, purpose: 'submit' } });
    }
    // at the summary a correction, or a labelled value, changes the field it points at
    const corrected = raw ? applyCorrection(turn, service, form, raw) : null;
    if (corrected) return next(turn, service, corrected);
    const fixed = applyValues(turn, service, form, cued(service, raw, null, turn.input.now), true);
    if (fixed.changed) return next(turn, service, fixed.form);
    if (
      r.confirmation === 'no' ||
      r.confirmation === 'change' ||
      r.intent === 'change' ||
      r.intent === 'no'
    ) {
      // "I want to change the pin code": that field is asked again at once
      const named = raw ? fieldNamed(service, raw) : undefined;
      if (named) return askField(turn, service, clearNamed(service, form, named), named, false);
      return askWhatToChange(turn, service, form);
    }
    // "date 2 december hai", "theek hai, aur date parso ki hai": words we could not read as a
    // change. Shown the same summary without a word, the citizen would take it as corrected and
    // confirm the old value.
    if (raw.trim() && !COMMANDS.has(r.intent) && r.intent !== 'greeting' && r.intent !== 'thanks') {
      turn.notes.push(turn.say.t('form.unchanged'));
      return next(turn, service, form);
    }
  }

  if (COMMANDS.has(r.intent) && r.score >= COMMAND_SCORE && !answersAsked(service, form, raw, turn)) {
    // the command is answered by the dialogue; the form stays as it is for the next message
    return null;
  }
  // "ok so Community Health Centre thank you": the courtesy wraps an answer, it is not all there is
  const courtesyOnly =
    (r.intent === 'greeting' || r.intent === 'thanks') &&
    (!raw || !form.asking || bareAnswer(raw) === '' || !answersAskedLoosely(service, form, raw, turn));
  if (courtesyOnly && !answersAsked(service, form, raw, turn)) {
    return askField(turn, service, form, form.asking, false);
  }

  const yes = r.confirmation === 'yes' || id === 'form:yes';
  const no = r.confirmation === 'no' || id === 'form:no';
  if (form.proposal) {
    const p = form.proposal;
    const meta = service.fields[p.field];
    const lang = turn.say.lang;
    form = { ...form, proposal: null };
    if (yes) {
      form = setField(turn, service, form, p.field, p.value, p.words, 'changed');
      turn.notes.push(
        turn.say.t('form.changed', { label: meta.label[lang], value: show(meta, p.value, turn) }),
      );
      return next(turn, service, form);
    }
    if (no) {
      const value = show(meta, form.fields[p.field], turn);
      turn.notes.push(turn.say.t('form.kept', { label: meta.label[lang], value }));
      return next(turn, service, form);
    }
  }
  if (form.showBack) {
    const s = form.showBack;
    form = { ...form, showBack: null };
    if (yes)
      return next(turn, service, setField(turn, service, form, s.field, s.value, String(s.value), 'set'));
    if (no) return askField(turn, service, { ...form, misreads: 0 }, s.field, false);
  }
  // buttons of the first services' earlier replies ("sex:male", "place:home", "anon:yes"), still exact
  const legacy = id ? legacyButton(id, form) : null;
  if (legacy && legacy.field in service.fields) {
    const applied = applyValues(turn, service, form, [{ ...legacy, words: id ?? '' }], true);
    return next(turn, service, applied.form);
  }
  if (form.asking === '@change' && raw) {
    // "pin code galat hai, 250002 hai": the change itself, not only the field's name
    const corrected = applyCorrection(turn, service, form, raw);
    if (corrected) return next(turn, service, { ...corrected, asking: null });
    const fixed = applyValues(turn, service, form, cued(service, raw, null, turn.input.now), true);
    if (fixed.changed) return next(turn, service, { ...fixed.form, asking: null });
  }
  if (form.asking === '@change' || id?.startsWith('field:')) {
    const field = id?.startsWith('form:field:')
      ? id.slice('form:field:'.length)
      : id?.startsWith('field:')
        ? id.slice('field:'.length)
        : fieldNamed(service, raw);
    if (field && field in service.fields)
      return askField(turn, service, clearNamed(service, form, field), field, false);
  }

  const asking = form.asking && form.asking in service.fields ? form.asking : null;
  const media = event.kind === 'image' || event.kind === 'document';
  if (media && service.takesPhotos && !(asking && service.fields[asking].kind === 'attachment')) {
    turn.notes.push(turn.say.t('photo_saved'));
    if (!raw.trim()) return resumeForm(turn, service, form);
  }
  if (asking) {
    const meta = service.fields[asking];
    if (meta.kind === 'attachment' && event.kind === 'image') {
      turn.notes.push(turn.say.t('form.photo_saved'));
      return next(turn, service, setField(turn, service, form, asking, [], 'attachment', 'set'));
    }
    const shortcut = id?.startsWith(`form:opt:${asking}:`)
      ? meta.shortcuts?.[Number(id.split(':')[3])]
      : undefined;
    if (shortcut) {
      const value = shortcut.value(form.fields);
      return next(
        turn,
        service,
        setField(turn, service, form, asking, value, shortcut.title[turn.say.lang], 'set'),
      );
    }
    if (meta.kind === 'yes_no' && (id === 'form:yes' || id === 'form:no'))
      return next(turn, service, setField(turn, service, form, asking, id === 'form:yes', id, 'set'));
    const choice = id?.startsWith(`form:choice:${asking}:`) ? id.split(':')[3] : null;
    if (choice !== null)
      return next(turn, service, setField(turn, service, form, asking, choice, choice, 'set'));
    const skipped =
      meta.optional &&
      (r.intent === 'skip' ||
        id === 'skip' ||
        SKIP.test(raw.trim()) ||
        SKIP.test(withoutLabel(meta, raw)) ||
        (raw.trim() !== '' && meta.skipWhen?.(raw, turn.input.now) === true));
    if (skipped) return next(turn, service, setField(turn, service, form, asking, null, raw, 'set'));
    if (meta.optional === undefined && (r.intent === 'skip' || id === 'skip')) {
      // "pata nahi" to a needed question: what an answer can be ("Government hospital, Sitapur"
      // from one who does not know the hospital's name)
      turn.notes.push(turn.say.t('form.needed', { label: meta.label[turn.say.lang] }));
      return askField(turn, service, form, asking, true);
    }
  }
  // "Lucknow nahi, Kanpur" to the district question denies a district, not the address that holds
  // "Lucknow": an answer that denies or doubts a value of the asked field is read for that field
  const doubted =
    asking !== null && raw !== '' && doubtsAsked(service.fields[asking], raw, turn.input.now, form.fields);
  const corrected = raw && !doubted ? applyCorrection(turn, service, form, raw) : null;
  if (corrected) return next(turn, service, corrected);
  if (asking && raw && !doubted) {
    const special = sameOrShortForm(turn, service, form, asking, raw);
    if (special) return special;
  }
  const values = raw ? cued(service, raw, asking, turn.input.now, form.fields) : [];
  // facts the message states for fields not answered yet fill them (the service's whole-message
  // reading); an answer already given is never replaced this way
  if (raw && !CORRECTION.test(raw))
    values.push(
      ...openingValues(service, raw, turn, values).filter(
        (v) =>
          form.fields[v.field] === undefined &&
          v.field !== asking &&
          // a short message taken whole as an own-words field ("haan lucknow" as the description) is no fact
          !(service.fields[v.field].askedOnly && raw.trim().split(/\s+/).length < 4),
      ),
    );
  const before = form;
  const applied = applyValues(turn, service, form, values, CORRECTION.test(raw));
  form = applied.form;
  if (asking && !values.some((v) => v.field === asking) && form.fields[asking] === undefined) {
    // "SC hai" to "which caste?": what was taken is said before the question comes again
    if (applied.changed) turn.notes.push(...notedValues(turn, service, before, form));
    if (applied.changed || form.proposal) return next(turn, service, form);
    // "maa ka naam badalna hai", "change the address": that field is asked now
    const named =
      raw && (CORRECTION.test(raw) || r.intent === 'change') ? fieldNamed(service, raw) : undefined;
    if (named && named !== asking)
      return askField(turn, service, clearNamed(service, form, named), named, false);
    return misread(turn, service, form, asking, raw);
  }
  return next(turn, service, form);
}

function start(turn: FormTurn, service: AnyService, raw: string): Outcome {
  const lang = turn.say.lang;
  turn.intent = intentOf(service);
  const before = turn.state.form ? serviceById(turn.state.form.service) : undefined;
  if (before && before.id !== service.id && LEGACY_KEY[before.id])
    turn.notes.push(turn.say.t(`replaced.${LEGACY_KEY[before.id]}`));
  turn.notes.push(service.texts.start[lang]);
  turn.state = { ...turn.state, expecting: null };
  let form: ServiceForm = {
    service: service.id,
    fields: {},
    asking: null,
    asked: 0,
    misreads: 0,
    proposal: null,
    showBack: null,
  };
  // a choice named by the very phrase that asked for the service ("OBC certificate")
  const f0 = folded(raw);
  const phrases = serviceWords(service).phrases;
  for (const phrase of service.intentPhrases.filter((_, i) => f0.includes(phrases[i]))) {
    for (const [field, meta] of Object.entries(service.fields)) {
      const value = meta.kind === 'choice' ? readChoice(meta, phrase) : null;
      if (value && form.fields[field] === undefined)
        form = setField(turn, service, form, field, value, phrase, 'set');
    }
  }
  // the opening message may carry labelled facts ("caste certificate for Sunita, father's name …");
  // the service's name ends a part, so "papa ka caste certificate banwana hai" leaves no
  // "papa ka banwana" for the father's name
  const stripped = service.intentPhrases.reduce(
    (t, p) => t.replace(new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu'), ' ; '),
    raw,
  );
  const labelled = cued(service, stripped, null, turn.input.now);
  labelled.push(
    ...openingValues(service, raw, turn, labelled).filter((v) => form.fields[v.field] === undefined),
  );
  form = applyValues(turn, service, form, labelled, false).form;
  return next(turn, service, form);
}

/** The service's own whole-message reading (birth, complaint), checked by each field's schema; labelled values win. */
function openingValues(
  service: AnyService,
  raw: string,
  turn: FormTurn,
  already: { field: string }[],
): { field: string; value: unknown; words: string }[] {
  if (!service.readOpening) return [];
  const out: { field: string; value: unknown; words: string }[] = [];
  const now = turn.input.now;
  for (const [field, value] of Object.entries(service.readOpening(raw, now))) {
    if (!(field in service.fields) || already.some((v) => v.field === field)) continue;
    // the whole-message reading does not weigh "kal nahi parso": a denied or doubted value is kept
    // only when the words that replace it say the same
    const meta = service.fields[field];
    // "papa ka dehant ek mahina pehle hua": a day counted back in months is made up, so it is asked
    if (meta.registerDate && countedBack(raw, now)) continue;
    const said = closedAnswerText(meta, raw, now, {}, 'message');
    if (said === null || (said !== raw && !sameValue(readField(meta, said, now), value))) continue;
    const checked = service.schema.shape[field].safeParse(value);
    if (checked.success) out.push({ field, value: checked.data, words: raw });
  }
  return out;
}

const LEGACY_KEY: Record<string, string> = { birth_certificate: 'birth', hospital_complaint: 'complaint' };
const INTENT_SERVICE: Record<string, string> = {
  apply_birth_certificate: 'birth_certificate',
  file_complaint: 'hospital_complaint',
};

/** The intent the first services are known by in the transcripts and evals. */
export function intentOf(service: AnyService): string {
  return Object.entries(INTENT_SERVICE).find(([, id]) => id === service.id)?.[0] ?? service.toolName;
}

/** The service the NLU's intent names (birth, complaint: their phrases are the NLU's). */
function serviceOfIntent(r: Reading, list: AnyService[]): AnyService | undefined {
  const id = INTENT_SERVICE[r.intent];
  return id ? serviceById(id, list) : undefined;
}

/** Back to the form after something else was answered: its pending question again. */
export function resumeForm(turn: FormTurn, service: AnyService, form: ServiceForm): Outcome {
  turn.state = { ...turn.state, form };
  if (form.asking && form.asking in service.fields)
    return done(turn, { prompt: questionPrompt(turn, service, form.asking, false) });
  const missing = (service.askOrder ?? Object.keys(service.schema.shape)).some(
    (k) => form.fields[k] === undefined,
  );
  if (missing || form.asking === '@change') return next(turn, service, form);
  // complete and summarised before: asked, not summarised again unbidden (nothing is submitted without a yes)
  const ready = LEGACY_KEY[service.id]
    ? turn.say.t(`ready.${LEGACY_KEY[service.id]}`)
    : turn.say.t('form.ready', { service: turn.say.serviceName(service.names) });
  return done(turn, {
    prompt: {
      text: ready,
      options: [
        { id: 'confirm:yes', title: turn.say.t('button_show_summary') },
        { id: 'confirm:change', title: turn.say.t('button_change') },
        { id: 'confirm:cancel', title: turn.say.t('button_cancel') },
      ],
    },
  });
}

/** Values the message gives: the asked field from the whole answer (or its label), others only behind a label or by an unambiguous shape. */
function cued(
  service: AnyService,
  raw: string,
  asking: string | null,
  now: Date,
  filled: Record<string, unknown> = {},
): { field: string; value: unknown; words: string }[] {
  if (!raw.trim()) return [];
  const out: { field: string; value: unknown; words: string }[] = [];
  // "salary from a private job" answers the sources: a label whose words are no value of its field
  // ("salary" of the income) marks nothing
  const segments = ownGenericLabel(service, cuedSegments(service, raw, null), raw, asking).filter(
    (s) => s.field === asking || readField(service.fields[s.field], s.words, now, filled) != null,
  );
  // a message that relabels a field already given is a correction of it, not an answer to the question asked
  const relabels = segments.some((s) => s.field !== asking && filled[s.field] !== undefined);
  const accept = (field: string, said: string) => {
    const meta = service.fields[field];
    // "ok so Kabir please help", "yes ji, B-14 Arera Colony": the talk around a written answer is not of it
    const words = field === asking && FREE_TEXT_KINDS.has(meta.kind) ? stripTalk(said) : said;
    if (!words) return false;
    // "mahila nahi", "Gonda ya Bahraich", "kal nahi parso": a closed value denied or doubted is not
    // read as said; its replacement, if any, is the answer
    const answer = closedAnswerText(meta, words, now, filled);
    if (answer === null) return false;
    const value = readField(meta, answer, now, filled);
    if (value === null || value === undefined) return false;
    // "Aligarh" sent to "who is giving this information?": a district's name alone is no person's
    if (
      meta.kind === 'person_name' &&
      typeof value === 'string' &&
      !/\s/.test(value.trim()) &&
      extractDistrict(value)
    )
      return false;
    const checked = service.schema.shape[field].safeParse(value);
    if (!checked.success) return false;
    out.push({ field, value: checked.data, words });
    return true;
  };
  if (asking) {
    const own = segments.find((s) => s.field === asking);
    const meta = service.fields[asking];
    // "zila bareilly" sent while the description is asked: the label says whose value it is, so
    // a free-text field does not swallow the message whole
    const ledByOther =
      FREE_TEXT_KINDS.has(meta.kind) &&
      meta.kind !== 'person_name' &&
      segments.some((s) => {
        if (s.field === asking || !FILLER.test(normalise(raw).slice(0, s.start))) return false;
        const theirs = readField(service.fields[s.field], s.words, now, filled);
        // "Address: 12 Civil Lines …" asked for the house of a home birth: both fields read the
        // words alike, so the label cannot say whose they are and the question asked wins
        return theirs != null && !sameValue(theirs, readField(meta, s.words, now, filled));
      });
    // a field with its own (label-aware) reader reads the whole message first
    const whole =
      meta.read && !ledByOther && !(relabels && CORRECTION.test(raw)) ? accept(asking, raw) : false;
    // a labelled answer, or the whole message read as the answer to the question asked
    if (!whole && !(own && accept(asking, own.words))) {
      // the answer is what comes before another field's label ("Ram, father's name is …"), if anything
      const firstCue = Math.min(...segments.filter((s) => s.field !== asking).map((s) => s.start));
      const answer = Number.isFinite(firstCue)
        ? normalise(raw)
            .slice(0, firstCue)
            .replace(/[\s,;.:-]+$/u, '')
        : raw;
      // "sorry, naam galat likha, sahi naam …": a correction of an earlier answer, not this one
      const correction = relabels && (FILLER.test(answer.trim()) || CORRECTION.test(answer));
      if (answer.trim() && !correction) accept(asking, answer);
    }
    // the answer names another field unlabelled ("Lokbandhu hospital" is the place too)
    if (out.some((o) => o.field === asking)) {
      for (const [field, value] of Object.entries(
        service.fields[asking].readAlso?.(raw, now, filled) ?? {},
      )) {
        if (filled[field] !== undefined || out.some((o) => o.field === field) || !(field in service.fields))
          continue;
        const checked = service.schema.shape[field].safeParse(value);
        if (checked.success) out.push({ field, value: checked.data, words: raw });
      }
    }
  }
  for (const s of segments)
    if (s.field !== asking && !out.some((o) => o.field === s.field)) accept(s.field, s.words);
  for (const [field, meta] of Object.entries(service.fields)) {
    if (
      !meta.anywhere ||
      field === asking ||
      filled[field] !== undefined ||
      out.some((o) => o.field === field)
    )
      continue;
    const value = meta.anywhere(raw, now, {
      ...filled,
      ...Object.fromEntries(out.map((o) => [o.field, o.value])),
    });
    if (value !== null && value !== undefined && service.schema.shape[field].safeParse(value).success)
      out.push({ field, value, words: raw });
  }
  // a PIN is unmistakable after an address or on its own; not inside an amount or an age
  const pinField = Object.entries(service.fields).find(([, m]) => m.kind === 'pin')?.[0];
  const askingKind = asking ? service.fields[asking].kind : null;
  if (pinField && !out.some((o) => o.field === pinField) && askingKind !== 'rupees' && askingKind !== 'age') {
    // the words already read as another value (an income of 120000) are not a PIN
    const amounts = out.filter((o) => ['rupees', 'age', 'date'].includes(service.fields[o.field].kind));
    const rest = amounts.reduce((t, o) => t.replace(o.words, ' '), raw);
    // "226001 nahi": a PIN denied or doubted is no PIN, here either
    const said = closedAnswerText(
      service.fields[pinField],
      rest,
      now,
      filled,
      asking === pinField ? 'answer' : 'message',
    );
    const pin = said === null ? null : extractPinCode(asciiDigits(said));
    if (pin) out.push({ field: pinField, value: pin, words: pin });
  }
  return out;
}

const sameValue = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

// a label that names no one ("name is", "naam hai", "उनका नाम"): on a name question it is that question's
const GENERIC_NAME_CUE = new Set(
  [
    'name',
    'name is',
    'naam',
    'नाम',
    'unka naam',
    'उनका नाम',
    'naam tha',
    'name was',
    // "her name is Shalini" asked the mother's name: the pronoun is the person asked about
    'her name is',
    'his name is',
    'uska naam',
    'uski naam',
    'iska naam',
    'उसका नाम',
    'इसका नाम',
  ].map((c) => c.toLowerCase()),
);
// what comes before it that does not say whose name it is: "ok so his name is …", "haan ji naam hai …"
const TALK_BEFORE =
  /^(?:\s*(?:ok|okay|so|well|yes|haan|haa|han|ha|ji|acha|achha|accha|and|aur|his|her|their|the|uska|uski|unka|unki|inka|inki|us|un|हाँ|हां|जी|अच्छा|और|उसका|उसकी|उनका|उनकी|इनका|इनकी)(?![\p{L}\p{M}])[,.!]?)*\s*$/iu;

const FIRST_PERSON =
  /(?<![\p{L}\p{M}])(?:my|mine|i|mera|meri|mere|main|apna|apni|मेरा|मेरी|मेरे|मैं|अपना|अपनी)(?![\p{L}\p{M}])/iu;

/**
 * "ok so his name is Suresh Kumar" asked for the father's name: the bare "name is" is the answer's
 * own label, not the applicant's. Only on a name or free-text question, and only when nothing
 * before the label says whose name it is.
 */
function ownGenericLabel(
  service: AnyService,
  segments: CuedValue[],
  raw: string,
  asking: string | null,
): CuedValue[] {
  if (!asking || !(asking in service.fields)) return segments;
  const kind = service.fields[asking].kind;
  if (kind !== 'person_name' && kind !== 'free_text') return segments;
  const text = normalise(raw);
  const before = (s: CuedValue) => text.slice(0, s.start);
  return segments.map((s) =>
    s.field !== asking &&
    GENERIC_NAME_CUE.has(s.cue.toLowerCase()) &&
    // "shohar ka naam …" on the husband's question: a name not said to be the citizen's own is the one asked
    (TALK_BEFORE.test(before(s)) || (kind === 'person_name' && !FIRST_PERSON.test(before(s)))) &&
    !segments.some((o) => o.field === asking)
      ? { ...s, field: asking }
      : s,
  );
}

/**
 * "naam tara nahi, tanvi hai", "the date of birth is 25 November, not 24 November", "माँ का नाम
 * गलत लिखा गया, सही नाम रेखा देवी है": the field the correction names (or the one holding the
 * value it denies) takes the new value, read with that field's own reader. Null when it names none.
 */
function applyCorrection(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  raw: string,
): ServiceForm | null {
  const c = readCorrection(raw);
  if (!c) return null;
  const now = turn.input.now;
  const filled = Object.keys(form.fields).filter(
    (k) => form.fields[k] !== undefined && form.fields[k] !== null,
  );
  const kindOf = (k: string) => service.fields[k].kind;
  let field: string | undefined =
    c.field && c.field in service.fields
      ? c.field
      : c.oldValueText
        ? fieldHolding(Object.fromEntries(filled.map((k) => [k, form.fields[k]])), c.oldValueText, now)
        : undefined;
  if (!field && c.cue) {
    const kind = c.cue === 'name' ? 'person_name' : 'date';
    // the one filled field of that kind (or the first, when the form has one only)
    const candidates = filled.filter((k) => kindOf(k) === kind);
    field = candidates.length === 1 ? candidates[0] : undefined;
  }
  // "nahi galat hai, 18 november": no field named, so the latest answer that reads the new value
  if (!field && !c.field && !c.cue && !c.oldValueText) {
    field = [...filled].reverse().find((k) => {
      const v = readField(service.fields[k], c.newValueText, now, form.fields);
      return v !== null && v !== undefined && !FREE_TEXT_KINDS.has(kindOf(k));
    });
  }
  if (!field || form.fields[field] === undefined) return null;
  const meta = service.fields[field];
  const words = FREE_TEXT_KINDS.has(meta.kind) ? stripFillers(c.newValueText) : c.newValueText;
  const value = readField(meta, words, now, form.fields);
  const checked = value === null || value === undefined ? null : service.schema.shape[field].safeParse(value);
  if (!checked?.success) return null;
  if (JSON.stringify(checked.data) === JSON.stringify(form.fields[field])) return null;
  turn.notes.push(
    turn.say.t('form.changed', { label: meta.label[turn.say.lang], value: show(meta, checked.data, turn) }),
  );
  return setField(turn, service, form, field, checked.data, words, 'changed');
}

/**
 * "same as above", "वही" on an address question copies the address given earlier; a district's
 * short form or typo ("lko", "gorakhpurr") is shown back with its full name before it is kept.
 */
function sameOrShortForm(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  asking: string,
  raw: string,
): Outcome | null {
  const meta = service.fields[asking];
  if (meta.kind === 'address' && isSameAsEarlier(raw)) {
    const earlier = Object.entries(form.fields)
      .reverse()
      .find(
        ([k, v]) =>
          k !== asking &&
          typeof v === 'string' &&
          (service.fields[k]?.kind === 'address' ||
            (service.fields[k]?.kind === 'free_text' && /\d/.test(v))),
      );
    const checked = earlier ? service.schema.shape[asking].safeParse(earlier[1]) : null;
    if (earlier && checked?.success)
      return next(turn, service, setField(turn, service, form, asking, checked.data, raw, 'set'));
    return null;
  }
  if (meta.kind === 'district') {
    const pin = Object.entries(service.fields).find(([, m]) => m.kind === 'pin')?.[0];
    const pinCode = pin && typeof form.fields[pin] === 'string' ? (form.fields[pin] as string) : undefined;
    const reading = readDistrict(raw, { bare: true, ...(pinCode ? { pinCode } : {}) });
    if (reading?.confidence === 'confirm' && reading.heard && reading.reason !== 'pin_mismatch') {
      const district = districtLabel(reading.district, turn.say.lang);
      turn.state = { ...turn.state, form: { ...form, showBack: { field: asking, value: reading.district } } };
      return done(turn, {
        prompt: {
          text: turn.say.t('form.confirm_district', { heard: reading.heard, district }),
          options: yesNo(turn),
        },
      });
    }
  }
  return null;
}

const LEGACY_BUTTONS: Record<string, string> = {
  sex: 'sex',
  place: 'placeOfBirthType',
  cat: 'category',
  anon: 'anonymous',
};

/** The field and value a button of the first services' own replies stands for. */
function legacyButton(id: string, form: ServiceForm): { field: string; value: unknown } | null {
  const [kind, value = ''] = id.split(':', 2);
  if (kind === 'noname') return { field: 'childName', value: null };
  if (kind === 'informant' && (value === 'mother' || value === 'father')) {
    const name = form.fields[value === 'mother' ? 'motherName' : 'fatherName'];
    return name ? { field: 'informantName', value: name } : null;
  }
  const field = LEGACY_BUTTONS[kind];
  if (!field || !value) return null;
  return { field, value: kind === 'anon' ? value === 'yes' : value };
}

const FORM_BUTTON =
  /^(?:form:(?:choice|opt|field|yes|no)|confirm:(?:yes|change)|(?:sex|place|cat|anon|informant):|noname)/;

function isFormButton(id: string): boolean {
  return FORM_BUTTON.test(id);
}

/** The field a question's own button answers, or null when the button answers no question. */
function buttonField(id: string, form: ServiceForm): string | null {
  if (id.startsWith('form:choice:') || id.startsWith('form:opt:')) return id.split(':')[2] ?? null;
  const legacy = legacyButton(id, form);
  if (legacy) return legacy.field;
  if (id.startsWith('informant:')) return 'informantName';
  return null;
}

/**
 * Whether a tapped button belongs to an earlier message: a question already answered (or not
 * asked yet), a summary that is no longer pending, a yes/no with nothing to say yes to.
 */
function staleButton(
  id: string,
  service: AnyService,
  form: ServiceForm,
  pending: PendingAction | null,
): boolean {
  if (!isFormButton(id)) return false;
  if (id === 'confirm:yes' || id === 'confirm:change') {
    if (pending?.tool === service.toolName) return false;
    // "the form is complete: show the summary?" offers these buttons too
    return !(form.asking === null && missingField(service, form) === undefined);
  }
  if (id.startsWith('form:field:')) return form.asking !== '@change' && pending?.tool !== service.toolName;
  if (id === 'form:yes' || id === 'form:no') {
    const asking = form.asking && form.asking in service.fields ? service.fields[form.asking] : undefined;
    return !form.proposal && !form.showBack && asking?.kind !== 'yes_no';
  }
  const field = buttonField(id, form);
  return field !== null && field !== form.asking;
}

/** "That is no longer current; here is where we are": the pending question, or the summary again. */
function staleTap(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  id: string,
  pending: PendingAction | null,
): Outcome {
  turn.notes.push(turn.say.t(id.startsWith('confirm:') ? 'form.stale_summary' : 'form.stale_button'));
  turn.intent = intentOf(service);
  // at the summary: "ready: show the summary / change / cancel" (a new call would drop this note)
  const atSummary = pending?.tool === service.toolName && missingField(service, form) === undefined;
  return resumeForm(
    turn,
    service,
    atSummary ? { ...form, asking: null, proposal: null, showBack: null } : form,
  );
}

function missingField(service: AnyService, form: ServiceForm): string | undefined {
  return (service.askOrder ?? Object.keys(service.schema.shape)).find((k) => form.fields[k] === undefined);
}

// what a "none" names besides the field's label: "no sub caste", "koi document nahi hai"
const NONE_NOUNS = new Set(
  ['any', 'koi', 'कोई', 'document', 'documents', 'doc', 'docs', 'दस्तावेज़', 'dastavez', 'hai'].map(
    foldForMatch,
  ),
);

/** The message without the field's own label and cue words ("no sub caste" → "no"). */
function withoutLabel(meta: FieldMeta, raw: string): string {
  const own = new Set(
    [...Object.values(meta.label), ...(meta.cues ?? [])].flatMap((l) => foldForMatch(l).split(/[\s-]+/)),
  );
  const words = foldForMatch(raw)
    .split(/[\s-]+/)
    .filter((w) => w && !own.has(w) && !NONE_NOUNS.has(w));
  return words.join(' ');
}

/** Whether the message denies or doubts a value of the asked field ("Lucknow nahi", "kal nahi parso"). */
function doubtsAsked(meta: FieldMeta, raw: string, now: Date, fields: Record<string, unknown>): boolean {
  const reading = readClosedAnswer(meta, raw, now, fields);
  if (reading.kind === 'as_written') return false;
  // "shayad Ram nahi Shyam" names no district: a correction of another field, not this answer
  return reading.kind === 'instead' || readField(meta, raw, now, fields) != null;
}

function hasCues(service: AnyService, raw: string): boolean {
  return raw.trim() !== '' && cuedSegments(service, raw, null).length > 0;
}

/** Whether the message reads as an answer to the question asked (then a stray command word loses). */
function answersAsked(service: AnyService, form: ServiceForm, raw: string, turn: FormTurn): boolean {
  if (!form.asking || !(form.asking in service.fields) || !raw) return false;
  const meta = service.fields[form.asking];
  // a name or free text reads almost anything: only a closed or shaped answer outweighs a command
  if (FREE_TEXT_KINDS.has(meta.kind)) return false;
  return cued(service, raw, form.asking, turn.input.now).some((v) => v.field === form.asking);
}

/** Whether a free-text question's reader takes something from the message, courtesy words apart. */
function answersAskedLoosely(service: AnyService, form: ServiceForm, raw: string, turn: FormTurn): boolean {
  if (!form.asking || !(form.asking in service.fields)) return false;
  return cued(service, raw, form.asking, turn.input.now, form.fields).some((v) => v.field === form.asking);
}

function applyValues(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  values: { field: string; value: unknown; words: string }[],
  correcting: boolean,
): { form: ServiceForm; changed: boolean } {
  let f = form;
  let changed = false;
  for (const v of values) {
    const old = f.fields[v.field];
    if (old === undefined) {
      f = setField(turn, service, f, v.field, v.value, v.words, 'set');
      changed = true;
    } else if (JSON.stringify(old) !== JSON.stringify(v.value)) {
      if (correcting) {
        f = setField(turn, service, f, v.field, v.value, v.words, 'changed');
        changed = true;
        const meta = service.fields[v.field];
        turn.notes.push(
          turn.say.t('form.changed', { label: meta.label[turn.say.lang], value: show(meta, v.value, turn) }),
        );
      } else if (!f.proposal) {
        f = { ...f, proposal: { field: v.field, value: v.value, words: v.words } };
      }
    }
  }
  return { form: f, changed };
}

function setField(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  field: string,
  value: unknown,
  words: string,
  change: FieldRead['change'],
): ServiceForm {
  turn.reads = [...(turn.reads ?? []), { service: service.id, field, value, words, change }];
  const fields = { ...form.fields, [field]: value };
  // a corrected name moves with the person: the informant who was "the mother" is her new name too
  const old = form.fields[field];
  if (change === 'changed' && typeof old === 'string' && service.fields[field].kind === 'person_name') {
    for (const [k, m] of Object.entries(service.fields))
      if (k !== field && m.kind === 'person_name' && fields[k] === old) fields[k] = value;
  }
  return { ...form, fields };
}

function show(meta: FieldMeta, value: unknown, turn: FormTurn): string {
  return displayValue(meta, value, turn.say.lang);
}

/** Checks what the form holds, then asks the next missing field or calls the tool (the runtime shows the summary). */
function next(turn: FormTurn, service: AnyService, form: ServiceForm): Outcome {
  const now = turn.input.now;
  let f = form;
  for (const [field, meta] of Object.entries(service.fields)) {
    const v = f.fields[field];
    if (meta.kind === 'date' && typeof v === 'string' && daysSince(v, now) < 0) {
      turn.notes.push(turn.say.t('form.future_date', { date: displayDate(v) }));
      const fields = { ...f.fields };
      delete fields[field];
      f = { ...f, fields };
    }
  }
  // a fee rule that refuses (a death registered after a year) is explained as soon as it can be
  if (service.fee) {
    const outcome = safeFee(service, f.fields, turn);
    if (outcome?.kind === 'refused') {
      turn.notes.push(outcome.message[turn.say.lang]);
      turn.state = { ...turn.state, form: null };
      return done(turn);
    }
  }
  if (f.proposal) {
    const p = f.proposal;
    const meta = service.fields[p.field];
    turn.state = { ...turn.state, form: f };
    return done(turn, {
      prompt: {
        text: turn.say.t('form.change_value', {
          label: meta.label[turn.say.lang],
          old: show(meta, f.fields[p.field], turn),
          new: show(meta, p.value, turn),
        }),
        options: yesNo(turn),
      },
    });
  }
  const missing = (service.askOrder ?? Object.keys(service.schema.shape)).find(
    (k) => f.fields[k] === undefined,
  );
  if (missing) return askField(turn, service, f, missing, false);
  turn.state = { ...turn.state, form: { ...f, asking: null, asked: 0, misreads: 0 } };
  turn.intent ??= intentOf(service);
  return done(turn, { call: { name: service.toolName, args: submitArgs(service, f), purpose: 'submit' } });
}

function safeFee(service: AnyService, fields: Record<string, unknown>, turn: FormTurn) {
  try {
    return service.fee?.(fields, turn.input.now, turn.deps.fees) ?? null;
  } catch {
    return null;
  }
}

/** The tool's arguments: every field of the schema, skipped ones null, attachments left to the server. */
export function submitArgs(service: AnyService, form: ServiceForm): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(service.schema.shape).map((k) => {
      const v = form.fields[k];
      return [k, service.fields[k].kind === 'attachment' || v === undefined ? null : v];
    }),
  );
}

function yesNo(turn: FormTurn): Option[] {
  return [
    { id: 'form:yes', title: turn.say.t('button_yes') },
    { id: 'form:no', title: turn.say.t('button_no') },
  ];
}

const exampleOf = (meta: FieldMeta, fields: Record<string, unknown>) =>
  meta.exampleFor?.(fields) ?? meta.example;

function questionPrompt(turn: FormTurn, service: AnyService, field: string, withExample: boolean): Prompt {
  const lang = turn.say.lang;
  const meta = service.fields[field];
  const question = meta.questionFor?.(turn.state.form?.fields ?? {}) ?? meta.question;
  const example = exampleOf(meta, turn.state.form?.fields ?? {});
  const text = [question[lang], withExample && example ? example[lang] : ''].filter(Boolean).join('\n');
  const options: Option[] = [];
  if (meta.kind === 'choice') {
    for (const [value, c] of Object.entries(meta.choices ?? {})) {
      options.push({ id: `form:choice:${field}:${value}`, title: c.title[lang] });
    }
  }
  (meta.shortcuts ?? []).forEach((s, i) => {
    options.push({ id: s.id ?? `form:opt:${field}:${i}`, title: s.title[lang] });
  });
  if (meta.kind === 'yes_no' && !meta.shortcuts) options.push(...yesNo(turn));
  if (meta.optional && !meta.noSkipButton) options.push({ id: 'skip', title: turn.say.t('button_skip') });
  return options.length
    ? { text, options, ...(options.length > 3 ? { listLabel: turn.say.t('form.choose_button') } : {}) }
    : { text };
}

/** Asks one field, counting how often it was asked in a row. */
function askField(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  field: string | null,
  withExample: boolean,
): Outcome {
  const target = field && field in service.fields ? field : null;
  if (!target) return next(turn, service, form);
  const again = form.asking === target;
  const f: ServiceForm = {
    ...form,
    asking: target,
    asked: again ? form.asked + 1 : 1,
    misreads: again ? form.misreads : 0,
  };
  turn.state = { ...turn.state, form: f };
  return done(turn, { prompt: questionPrompt(turn, service, target, withExample) });
}

/**
 * An answer that did not read as the field asked. Once: say so and ask again. Twice: change
 * course (free text is taken as written and shown back; a closed field shows its choices with
 * an example; a person and cancel are offered). Never the same question a fourth time.
 */
function misread(
  turn: FormTurn,
  service: AnyService,
  form: ServiceForm,
  field: string,
  raw: string,
): Outcome {
  const lang = turn.say.lang;
  const meta = service.fields[field];
  const f = { ...form, misreads: form.misreads + 1 };
  const label = meta.label[lang];
  if (f.misreads >= 3 || f.asked >= 3) {
    turn.notes.push(turn.say.t('form.escape'));
    // the question is not asked again; the next answer is still read for this field
    turn.state = { ...turn.state, form: { ...f, asked: 0, misreads: 0 } };
    return done(turn, {
      prompt: {
        text: exampleOf(meta, form.fields)?.[lang] ?? '',
        options: [
          { id: 'menu:human', title: turn.say.t('form.button_person') },
          { id: 'confirm:cancel', title: turn.say.t('button_cancel') },
        ],
      },
    });
  }
  if (f.misreads === 2) {
    const asWritten = bareAnswer(stripTalk(raw));
    // "main khud" or "1 se 2 lakh" twice: the reason again (the citizen did not take it in the
    // first time), never "couldn't read", which only has the same answer sent a third time
    const why = raw ? meta.misreadNote?.(raw, true) : undefined;
    // "kya matlab", "shayad Sunita", "bas aise hi" twice: asked again, not shown back as the value
    if (
      !why &&
      FREE_TEXT_KINDS.has(meta.kind) &&
      asWritten.length >= 2 &&
      !sureNonAnswer(meta, raw, form.fields)
    ) {
      const checked = service.schema.shape[field].safeParse(asWritten);
      if (checked.success) {
        turn.state = { ...turn.state, form: { ...f, showBack: { field, value: checked.data } } };
        return done(turn, {
          prompt: { text: turn.say.t('form.show_back', { label, value: asWritten }), options: yesNo(turn) },
        });
      }
    }
    turn.notes.push(why ? why[lang] : turn.say.t('form.didnt_get', { label }));
    const asked = askField(turn, service, f, field, true);
    const prompt = asked.prompt ?? { text: '' };
    const options = [
      ...(prompt.options ?? []),
      ...(prompt.options && prompt.options.length >= 1
        ? []
        : [
            { id: 'menu:human', title: turn.say.t('form.button_person') },
            { id: 'confirm:cancel', title: turn.say.t('button_cancel') },
          ]),
    ];
    return { ...asked, prompt: { ...prompt, options } };
  }
  // "15000 a month" to a yearly income: read, and not taken; the reason is said, not "couldn't read"
  const why = raw ? meta.misreadNote?.(raw, false) : undefined;
  turn.notes.push(why ? why[turn.say.lang] : turn.say.t('form.didnt_get', { label }));
  // an example that fits the answer's situation helps from the first misread
  return askField(turn, service, f, field, why !== undefined || meta.exampleFor?.(form.fields) !== undefined);
}

/** The form without the field, nor the ones shown under the same label (a place's type and its name). */
function clearNamed(service: AnyService, form: ServiceForm, field: string): ServiceForm {
  const label = service.fields[field].label.en;
  const fields = Object.fromEntries(
    Object.entries(form.fields).filter(([k]) => k !== field && service.fields[k]?.label.en !== label),
  );
  return { ...form, fields };
}

function askWhatToChange(turn: FormTurn, service: AnyService, form: ServiceForm): Outcome {
  const lang = turn.say.lang;
  turn.state = { ...turn.state, form: { ...form, asking: '@change', asked: 0, misreads: 0 } };
  return done(turn, {
    prompt: {
      text: turn.say.t('form.change_which'),
      options: Object.entries(service.fields)
        .filter(([, m]) => m.kind !== 'attachment')
        // one row a label: a place's type and its name are changed together
        .filter(([, m], i, all) => all.findIndex(([, o]) => o.label.en === m.label.en) === i)
        .slice(0, 10)
        .map(([name, m]) => ({ id: `form:field:${name}`, title: m.label[lang].slice(0, 24) })),
      listLabel: turn.say.t('form.change_button'),
    },
  });
}

/** The field whose label (in any language form) the text names. */
function fieldNamed(service: AnyService, raw: string): string | undefined {
  const f = folded(raw);
  // sorted longest first once (a stable sort, as the per-call sort of the same list was)
  return serviceWords(service).names.find(({ l }) => f.includes(` ${l} `))?.name;
}

/** Forgets the named fields (a tool refused them) and asks again. */
export function formWithout(turn: FormTurn, service: AnyService, named: string[]): Outcome {
  const form = turn.state.form;
  if (!form) return done(turn);
  const fields = Object.fromEntries(Object.entries(form.fields).filter(([k]) => !named.includes(k)));
  return next(turn, service, { ...form, fields });
}

/** After the tool ran: the service's own submitted text, or its refusal. */
export function serviceFormAfterTool(
  turn: FormTurn,
  service: AnyService,
  result: { ok: true; data: { nextStep: string } } | { ok: false; error: { code: string; message: string } },
): Outcome {
  if (result.ok) {
    turn.notes.push(result.data.nextStep);
    turn.state = { ...turn.state, form: null };
    return done(turn);
  }
  turn.notes.push(result.error.message);
  const form = turn.state.form;
  if (result.error.code === 'date_in_future' && form) {
    const fields = Object.fromEntries(
      Object.entries(form.fields).filter(([k]) => service.fields[k]?.kind !== 'date'),
    );
    return next(turn, service, { ...form, fields });
  }
  turn.state = { ...turn.state, form: null };
  return done(turn);
}
