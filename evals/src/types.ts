import type { Lang } from '../../src/lang/language.js';
import type { OutboundMessage } from '../../src/whatsapp/outbound-message.js';
import type { CaseTurn, EvalCase, TableName } from './case-schema.js';
import type { SimulationRecord } from './simulator/citizen.js';

/** One engine × model × prompt combination scored in a run. */
export interface Variant {
  name: string;
  engine: 'offline' | 'openai';
  model?: string;
  baseUrl?: string;
  prompt?: string;
}

export interface ObservedToolCall {
  name: string;
  args: Record<string, unknown> | null;
  status: string;
  validationError?: string;
}

/** What happened in one citizen turn, read back from the store. */
export interface TurnRecord {
  index: number;
  /** the citizen's message as shown in transcripts */
  input: string;
  inboundId: number;
  replies: OutboundMessage[];
  replyText: string;
  toolCalls: ObservedToolCall[];
  engine: string | null;
  model: string | null;
  fellBack: boolean;
  language: string | null;
  /** engine time the turn row records */
  latencyMs: number;
  /** receive → idle, as the runner saw it */
  wallMs: number;
  promptTokens: number;
  completionTokens: number;
  /** what the engine read this turn (fields set or changed, with the words), when the turn row records it */
  read?: unknown;
}

export type StoreRecord = Record<string, unknown>;
/** the per-service cases table is flattened: a case's fields beside its reference, service, status, language */
export type StoreState = Record<TableName, StoreRecord[]> & { cases?: StoreRecord[] };

export interface Check {
  /** tool | args | language | reply | buttons | end_state | grounding | error */
  kind: string;
  turn?: number;
  pass: boolean;
  message: string;
}

export interface TrialScores {
  pass: boolean;
  taskSuccess: boolean;
  /** fractions in [0,1]; null where the case expects nothing of that kind */
  toolSelection: number | null;
  argAccuracy: number | null;
  languageMatch: number | null;
  replyChecks: number | null;
  grounding: boolean;
  turnsToCompletion: number | null;
  latencyMs: number;
  wallMs: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  fellBack: number;
}

export interface JudgeScore {
  tone: number;
  helpfulness: number;
  rationale: string;
  model: string;
}

export interface TrialResult {
  trial: number;
  scores: TrialScores;
  checks: Check[];
  turns: TurnRecord[];
  /** records created during the case, per table */
  endState: StoreState;
  /** goal cases: the messages the simulated citizen sent */
  sent?: CaseTurn[];
  simulation?: SimulationRecord;
  error?: string;
}

export interface CaseResult {
  variant: string;
  id: string;
  suite: string;
  language: Lang;
  tags: string[];
  description?: string;
  trials: TrialResult[];
  /** successes c of n trials */
  passes: number;
  /** pass^k for k = 1..n */
  passHatK: number[];
  judge?: JudgeScore | { error: string };
  expected: Pick<EvalCase, 'turns' | 'expect' | 'goal'>;
}
