import { foldForMatch } from '../../lang/normalise.js';
import { readChoice, readField } from '../../services/_fields/read-field.js';
import type { FieldKind, FieldMeta } from '../../services/types.js';
import { type AnswerReaders, type AnswerReading, readDeniedOrDoubted } from './negated-answer.js';

export type { AnswerReading };

/** 'answer': the text answers this field; 'message': a whole message read for every field it names */
type Scope = AnswerReaders['scope'];

// the kinds whose answer is one value from a closed set or of a fixed shape; names, addresses and
// descriptions are taken as written, "nahi" and all
const CLOSED = new Set<FieldKind>(['choice', 'date', 'district', 'age', 'rupees', 'pin', 'yes_no']);

/**
 * How the answer to a closed field is to be read when it denies or doubts a value, for any field
 * of any service: its own reader tells what each part of the answer says.
 *
 * A choice whose values list no words of their own (the complaint's category, the first services'
 * choices) is read by its own reader from what happened ("dawai nahi mili" is the medicine
 * category, not a denial of it); that reader weighs its negations itself and is left to do so.
 */
export function readClosedAnswer(
  meta: FieldMeta,
  text: string,
  now: Date,
  fields: Record<string, unknown> = {},
  scope: Scope = 'answer',
): AnswerReading {
  if (!CLOSED.has(meta.kind)) return { kind: 'as_written' };
  const choices = Object.values(meta.choices ?? {});
  if (meta.kind === 'choice' && !choices.some((c) => c.words.length > 0)) return { kind: 'as_written' };
  const read = (t: string) => readField(meta, t, now, fields);
  return readDeniedOrDoubted(text, {
    read,
    glue: ownWords(meta),
    names: meta.kind === 'choice' ? (t) => readChoice(meta, t) : read,
    // "nahi" is the answer to a yes/no question
    negates: meta.kind !== 'yes_no',
    // an annual income is an estimate by its nature: "lagbhag 1 lakh" is the answer
    approximate: meta.kind !== 'rupees' && meta.kind !== 'yes_no',
    completes: meta.kind === 'date',
    scope,
  });
}

// A field's label and cue words folded once per field (static data), not on every message.
const OWN_WORDS = new WeakMap<FieldMeta, Set<string>>();

/** "Lucknow district nahi", "category OBC nahi": the field's own words are no part of the value denied. */
function ownWords(meta: FieldMeta): Set<string> {
  let words = OWN_WORDS.get(meta);
  if (!words) {
    words = new Set(
      [...Object.values(meta.label), ...(meta.cues ?? [])].flatMap((l) => foldForMatch(l).split(' ')),
    );
    OWN_WORDS.set(meta, words);
  }
  return words;
}

/** The words to read the closed field's value from, or null when nothing may be read from them. */
export function closedAnswerText(
  meta: FieldMeta,
  text: string,
  now: Date,
  fields: Record<string, unknown> = {},
  scope: Scope = 'answer',
): string | null {
  const reading = readClosedAnswer(meta, text, now, fields, scope);
  return reading.kind === 'unsure' ? null : reading.kind === 'instead' ? reading.text : text;
}
