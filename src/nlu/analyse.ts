import { confirmationOf } from '../lang/confirmation.js';
import { languageOf } from '../lang/detect-language.js';
import { languageRequestOf } from '../lang/language-request.js';
import { normalise } from '../lang/normalise.js';
import type { AnalyseOptions, Analysis } from './analysis.js';
import { isCorrection } from './correction.js';
import { detectCommand } from './detect-command.js';
import { categoryStrength } from './extract-category.js';
import { hasInvalidDate } from './extract-date.js';
import { extractReferenceDigits, withoutReferences } from './extract-reference.js';
import { extractSlots } from './extract-slots.js';
import { scoreIntents } from './intent.js';
import { negatedRequests } from './negated-requests.js';
import { tokenise } from './tokenise.js';
import { turnMemo } from './turn-memo.js';

const BIRTH_SLOTS = [
  'childName',
  'motherName',
  'fatherName',
  'placeOfBirthType',
  'sex',
  'childNameBlank',
] as const;

/** Everything the offline engine reads from one message: language, intents, slots, correction. */
export function analyse(text: string, opts: AnalyseOptions): Analysis {
  // the form's field readers analyse the same message again and again within a turn; each caller
  // gets its own slots object, so none can change what another reads
  const a = turnMemo('analyse', `${opts.now.getTime()}\u0000${opts.expecting ?? ''}\u0000${text}`, () =>
    analyseText(text, opts),
  );
  return { ...a, slots: { ...a.slots } };
}

function analyseText(text: string, opts: AnalyseOptions): Analysis {
  const normalised = normalise(text);
  const t = tokenise(normalised);
  const { lang, script } = languageOf(normalised, t.folded);
  const languageRequest = languageRequestOf(t.folded);
  const confirmation = confirmationOf(normalised, t.folded);
  // "delete my data" typed while the hospital is asked is no hospital: a command is never read as
  // the bare answer to the pending question
  const command = detectCommand(normalised);
  const slots = extractSlots(normalised, t, command ? { ...opts, expecting: undefined } : opts, {
    confirmation,
  });
  const intents = scoreIntents(t.folded, {
    references: slots.references?.length ?? 0,
    languageRequest: languageRequest !== null,
    confirmation: slots.anonymous !== undefined && confirmation === 'change' ? null : confirmation,
    complaintCues: categoryStrength(t.folded),
    // a date read as a birth date (not also as an incident date) is a birth detail too
    birthDetails:
      BIRTH_SLOTS.filter((k) => slots[k] !== undefined).length +
      (slots.dateOfBirth && !slots.incidentDate ? 1 : 0),
    refused: refusedTokens(normalised, t.folded),
  });

  const expectsReference = opts.expecting === 'references' || opts.expecting === 'referenceDigits';
  if (!slots.references && (expectsReference || intents[0].intent === 'check_status')) {
    const digits = extractReferenceDigits(normalised);
    if (digits.length > 0) slots.referenceDigits = digits;
  }

  const onlyAnonymity = slots.anonymous !== undefined && Object.keys(slots).length === 1;
  const analysis: Analysis = {
    text: normalised,
    lang,
    script,
    intents,
    slots,
    // "no, you can share my name" answers the anonymity question; it corrects nothing
    correction: !onlyAnonymity && isCorrection(t.folded),
  };
  if (languageRequest) analysis.languageRequest = languageRequest;
  if (command) analysis.command = command;
  if (
    !slots.dateOfBirth &&
    !slots.incidentDate &&
    /\d/.test(normalised) &&
    hasInvalidDate(withoutReferences(normalised), opts.now)
  ) {
    analysis.invalidDate = true;
  }
  return analysis;
}

/**
 * The tokens of the clauses that refuse a request ("complaint nahi karni"), as indexes of
 * `folded`; none when the two word lists do not line up (a word folding to two), rather than wrong ones.
 */
function refusedTokens(normalised: string, folded: readonly string[]): Set<number> | undefined {
  const { words, refusals } = negatedRequests(normalised);
  if (refusals.length === 0) return undefined;
  if (words.length !== folded.length || words.some((w, i) => w.folded !== folded[i])) return undefined;
  const out = new Set<number>();
  for (const r of refusals) for (let i = r.from; i < r.to; i++) out.add(i);
  return out;
}
