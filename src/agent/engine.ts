import type { AnyToolDef } from '../../tools/tool.js';
import type { Lang } from '../lang/language.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';

/** An earlier message of the conversation, as the engine sees it. */
export interface HistoryItem {
  role: 'user' | 'assistant';
  text: string;
}

export interface ToolCallRequest {
  id: string;
  name: string;
  /** raw JSON text as the engine produced it; the runtime parses and validates it */
  arguments: string;
}

/** A tool call of this turn and what came of it, fed back to the engine. */
export interface ToolCallRecord extends ToolCallRequest {
  parsedArguments?: unknown;
  result: unknown;
  /** zod issues or a parse error, when the arguments were rejected */
  validationError?: string;
  status: 'ok' | 'error' | 'invalid' | 'confirmation_required' | 'unknown_tool';
}

/** A submission waiting for the citizen's yes: shown as a summary in the previous turn. */
export interface PendingAction {
  tool: string;
  args: Record<string, unknown>;
  inboundId: number;
  createdAt: number;
}

export interface EngineInput {
  citizen: { waId: string; name: string | null; lang: Lang; languageChosen: boolean };
  inbound: InboundEvent;
  inboundId: number;
  /** language detected from this message (or the citizen's choice) — what the reply must be in */
  lang: Lang;
  history: HistoryItem[];
  /** this turn's tool calls so far, with results */
  toolCalls: ToolCallRecord[];
  /** the engine's own persisted state (offline engine: the draft), null when none */
  engineState: unknown;
  pending: PendingAction | null;
  now: Date;
  tools: AnyToolDef[];
}

export interface EngineDecision {
  /** tools to run now; the runtime calls decide() again with their results */
  toolCalls?: ToolCallRequest[];
  /** the reply that ends the turn; beside tool calls, what is shown before a confirmation's summary */
  reply?: OutboundMessage[];
  /** state to persist for the next turn (undefined: leave as is; null: clear) */
  engineState?: unknown;
  /** the language the citizen switched to explicitly, remembered for later turns */
  languageChoice?: Lang;
  intent?: string;
  /** fields the engine set or changed from this message, with the words it read them from (transcript) */
  reads?: { service: string; field: string; value: unknown; words: string; change: 'set' | 'changed' }[];
  model?: string;
  usage?: { promptTokens: number; completionTokens: number };
}

export interface Engine {
  readonly name: 'openai' | 'offline' | (string & {});
  readonly model?: string;
  decide(input: EngineInput): Promise<EngineDecision>;
}

/** The engine could not answer (timeout, 429/5xx after retries, garbage): the runtime falls back. */
export class EngineUnavailableError extends Error {
  override name = 'EngineUnavailableError';
  constructor(
    message: string,
    readonly reason: 'timeout' | 'rate_limited' | 'server_error' | 'bad_response' | 'connection' | 'loop',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
