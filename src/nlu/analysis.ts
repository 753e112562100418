import type { ComplaintCategory } from '../domain/enums.js';
import type { Lang, Script } from '../lang/language.js';
import type { Command } from './detect-command.js';

/** What a citizen can want; the offline engine's dialogue turns these into tool calls and replies. */
export type Intent =
  | 'apply_birth_certificate'
  | 'file_complaint'
  | 'check_status'
  | 'pay_fee'
  | 'greeting'
  | 'menu'
  | 'help'
  | 'human'
  | 'cancel'
  | 'yes'
  | 'no'
  | 'change'
  | 'skip'
  | 'thanks'
  | 'change_language'
  | 'delete_data'
  | 'out_of_scope'
  | 'abuse'
  | 'unknown';

export type { ComplaintCategory };

/** Every field the offline engine can fill from free text. Dates are ISO YYYY-MM-DD. */
export interface Slots {
  childName: string;
  /** the citizen said the child has no name yet */
  childNameBlank: true;
  sex: 'male' | 'female' | 'transgender';
  dateOfBirth: string;
  placeOfBirthType: 'hospital' | 'home' | 'other';
  placeOfBirth: string;
  motherName: string;
  fatherName: string;
  address: string;
  district: string;
  pinCode: string;
  hospitalName: string;
  category: ComplaintCategory;
  description: string;
  incidentDate: string;
  anonymous: boolean;
  /** references like BC-2026-000123 / HC-2026-000045 / PAY-2026-000001, canonical upper-case */
  references: string[];
  /** digits-only reference typed without its prefix ("000123") */
  referenceDigits: string[];
}

export type SlotName = keyof Slots;

export interface Analysis {
  /** normalised text the extractors worked on */
  text: string;
  lang: Lang | null;
  script: Script;
  /** intents by descending score in [0, 1] */
  intents: { intent: Intent; score: number }[];
  slots: Partial<Slots>;
  /** the language the citizen asked to switch to ("English please", "हिंदी में") */
  languageRequest?: Lang;
  /** the message corrects an earlier answer ("nahi, date 5 march hai", "sorry, mother's name is Rekha") */
  correction: boolean;
  /** the message has a date that does not exist ("31/02/2026"), and no valid one */
  invalidDate?: true;
  /**
   * a command typed whatever is pending (cancel, start again, delete my data, a question about fees…):
   * when set, no slot was read as the bare answer to the pending question. See detectCommand.
   */
  command?: Command;
}

export interface AnalyseOptions {
  now: Date;
  /** the field the engine just asked for: a bare answer ("Rekha", "kal") fills it */
  expecting?: SlotName;
}
