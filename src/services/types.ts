import type { z } from 'zod';
import type { FeeSchedule } from '../../tools/fee-schedule.js';
import type { Lang } from '../lang/language.js';

/** One sentence written whole in each of the three forms a citizen writes in. */
export type Text3 = Record<Lang, string>;

/**
 * What kind of value a field holds: it picks the extractor that reads an answer and the
 * way the question is offered (buttons for a closed choice, a skip button when optional).
 */
export type FieldKind =
  | 'date'
  | 'person_name'
  | 'district'
  | 'pin'
  | 'address'
  | 'rupees'
  | 'age'
  | 'choice'
  | 'yes_no'
  | 'free_text'
  | 'attachment';

export interface FieldMeta {
  kind: FieldKind;
  /** the question that asks for it */
  question: Text3;
  /** its label in the confirmation summary and the staff page */
  label: Text3;
  /** optional fields are skippable ("skip", "nahi hai"); they are stored as null */
  optional?: boolean;
  /** choice fields: each value's title, and the words citizens use for it */
  choices?: Record<string, { title: Text3; words: string[] }>;
  /**
   * Labels that mark this field's value inside an answer to another question ("father's
   * name is", "पिता का नाम", "pita ka naam"): without one, the answer is not taken for it.
   */
  cues?: string[];
  /**
   * Labels that are everyday words too ("pata" is the address and "to know"): they mark this
   * field only where they open the message or a clause, never before a verb ("pata nahi",
   * "पता चला"). See clause-cue.ts.
   */
  clauseCues?: string[];
  /**
   * The value is a list ("kheti aur mazdoori"): behind its label, commas and "and"/"aur" join
   * its items instead of ending it.
   */
  listValue?: boolean;
  /**
   * A register's date (of a birth, of a death): a day counted back in months or years ("a month
   * ago", "ek mahina pehle") is made up, so it is no value of this field (see register-date.ts).
   */
  registerDate?: boolean;
  /** shown after two misreads, or when a needed field is skipped: what an answer looks like */
  example?: Text3;
  /**
   * The example when it depends on an earlier answer (a hospital's name, or its kind and town);
   * shown from the first misread.
   */
  exampleFor?: (fields: Record<string, unknown>) => Text3 | undefined;
  /**
   * Why an answer the field's reader did not take was not taken ("15000 a month" to a yearly
   * income): said instead of "I couldn't read that", which would have the citizen send it again.
   * Said the second time too (`again`), when a note may put it more plainly.
   */
  misreadNote?: (text: string, again: boolean) => Text3 | undefined;
  /**
   * The field's own extractor, when its kind's generic one is not enough (the NLU's tuned
   * readers for the first services): null = the text does not hold a value. `fields` is what
   * the form holds so far ("I am the mother" on the informant question names the mother).
   */
  read?: (text: string, now: Date, fields: Record<string, unknown>) => unknown;
  /** an optional field's own ways of saying "none" ("abhi naam nahi rakha"), beside "skip" */
  skipWhen?: (text: string, now: Date) => boolean;
  /** other fields the answer to this question carries unlabelled ("Lokbandhu hospital" names the place too) */
  readAlso?: (text: string, now: Date, fields: Record<string, unknown>) => Record<string, unknown>;
  /**
   * A value this field takes from a message whatever was asked, because its words cannot mean
   * anything else ("don't show my name" for a complaint's anonymity); never over a value given.
   */
  anywhere?: (text: string, now: Date, fields: Record<string, unknown>) => unknown;
  /** the question when it depends on an earlier answer (the place of birth: hospital, house or other) */
  questionFor?: (fields: Record<string, unknown>) => Text3 | undefined;
  /** buttons beside the question that give a value from the form ("I am the mother") */
  shortcuts?: { id?: string; title: Text3; value: (fields: Record<string, unknown>) => unknown }[];
  /** own words ("what happened?"): a short message is taken for it only when it is the question asked */
  askedOnly?: boolean;
  /** an optional field whose shortcut already says "none" shows no separate skip button */
  noSkipButton?: boolean;
}

/** What a submission would cost or need, from the service's fee rule. */
export type FeeOutcome =
  | { kind: 'payable'; feePaise: number; feeRule: string; note?: Text3 }
  /** refused before a summary is shown, with the explanation (a future date, a magistrate's order) */
  | { kind: 'refused'; code: string; message: Text3 };

export interface WorkflowState {
  label: Text3;
  /** what the citizen is told about a case in this state (status checks, notices) */
  notice: Text3;
  /** days staff have to move a case on from here; null once it waits on nobody */
  slaDays: number | null;
  next: string[];
}

export interface Workflow {
  initial: string;
  states: Record<string, WorkflowState>;
  /** states that a fee-bearing case may only enter once its payment is paid */
  needsPayment?: string[];
  /** a case's own SLA in a state, when its fields decide it (a complaint about a bribe is chased sooner) */
  slaDaysFor?: (status: string, fields: Record<string, unknown>) => number | null;
}

/** The messages a service's conversation uses beyond its questions. */
export interface ServiceTexts {
  /** the first line when the citizen starts it */
  start: Text3;
  /** after submission; `{reference}` and `{fee}` are filled in */
  submitted: Text3;
  cancelled: Text3;
}

/**
 * A government service as data: everything the tools, the offline engine, the API, the
 * staff console, the dashboard and the evals need to know about it. Adding a service is
 * one of these in `src/services/<id>/` and a line in `src/services/registry.ts`.
 */
export interface ServiceDefinition<S extends z.ZodObject = z.ZodObject> {
  /** stable id (DESIGN.md §4): the `service` of /api/cases */
  id: string;
  /** the tool the LLM sees */
  toolName: string;
  /** reference prefix (BC, HC, CC, …) */
  prefix: string;
  names: Text3;
  /** the tool's description for the LLM */
  description: string;
  /** the fields, in the order the form asks them; every write is validated by it */
  schema: S;
  fields: { [K in keyof z.infer<S> & string]: FieldMeta };
  /** what a submission costs or needs; absent = free */
  fee?: (args: z.infer<S>, now: Date, fees: FeeSchedule) => FeeOutcome;
  workflow: Workflow;
  texts: ServiceTexts;
  /** the order the form asks its fields in, when it is not the schema's (absent = schema order) */
  askOrder?: string[];
  /**
   * Facts in the message that asked for the service, read without labels ("beti hui 3 oct ko,
   * maa Rekha"): nothing is there yet to be replaced, so the NLU's whole-message reading is safe.
   */
  readOpening?: (text: string, now: Date) => Record<string, unknown>;
  /** photos sent while the form is open are kept with it (the tool attaches them) */
  takesPhotos?: boolean;
  /** phrases that ask for this service, in the three forms (matched folded, whole words) */
  intentPhrases: string[];
  /** word groups that ask for it when every word of a group is in the message ("register … death") */
  intentWords?: string[][];
  /**
   * Every service's cases live in the one cases table. 'legacy' marks the two first services
   * (birth, complaint), which still have their own tool, offline dialogue and staff pages
   * (/staff/applications, /staff/complaints) beside /staff/services/<id>.
   */
  storage: 'cases' | 'legacy';
  /** the staff console's older case type of a legacy service (its /staff/<type>s pages) */
  legacyType?: 'application' | 'complaint';
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds services of different schemas
export type AnyService = ServiceDefinition<any>;

export function text3(en: string, hi: string, hinglish: string): Text3 {
  return { en, hi, hinglish };
}

/** `{name}` placeholders filled in. */
export function fill(text: string, params: Record<string, string | number> = {}): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
