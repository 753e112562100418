import type { OutboundMessage } from '../../../src/whatsapp/outbound-message.js';
import type { CaseTurn } from '../case-schema.js';

/** A citizen message as a case turn writes it: text, a button tap or a list choice. */
export type CitizenMessage = Pick<CaseTurn, 'text' | 'button' | 'list'>;

/** How a simulated conversation ended. */
export type SimulationOutcome =
  | 'submitted' // the citizen confirmed and saw a reference
  | 'cancelled' // the citizen chose not to submit, as the goal said
  | 'max_turns'
  | 'stuck'; // the citizen could not tell what the assistant wanted

export interface SimulationRecord {
  simulator: string;
  outcome: SimulationOutcome;
  note?: string;
}

/** Someone who writes to the assistant: scripted turns or a simulator. */
export interface Citizen {
  /** The next message after seeing the replies to the last one (null before the first); null: done. */
  next(replies: OutboundMessage[] | null): Promise<CitizenMessage | null>;
  /** For simulators: how it ended. */
  record?(): SimulationRecord;
}

/** The scripted turns of a case, one after another. */
export function scriptedCitizen(turns: CaseTurn[]): Citizen {
  let i = 0;
  return { next: async () => turns[i++] ?? null };
}

/** References the assistant gives when something is filed (BC-2026-000001, HC-…, CC-…). */
export const REFERENCE = /\b[A-Z]{2,4}-\d{4}-\d{3,}\b/;
