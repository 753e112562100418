import type { AnyToolDef, ToolContext } from '../../tools/tool.js';
import type { Catalogue } from '../i18n/catalogue.js';
import type { Lang } from '../lang/language.js';
import type { Logger } from '../logging/create-logger.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { confirmationPrompt, confirmKindOf } from './confirmation-prompt.js';
import {
  type Engine,
  type EngineDecision,
  type EngineInput,
  EngineUnavailableError,
  type PendingAction,
  type ToolCallRecord,
} from './engine.js';
import { executeToolCall } from './tool-executor.js';

/** One engine call of a turn, as stored on the transcript. */
export interface TurnStep {
  engine: string;
  model?: string;
  toolCalls: ToolCallRecord[];
  latencyMs: number;
  usage?: { promptTokens: number; completionTokens: number };
  error?: string;
  /** what the engine read from the message: fields set or changed, with the words taken */
  reads?: EngineDecision['reads'];
}

export interface TurnDeps {
  engine: Engine;
  /** the embedded engine the turn falls back to when the LLM stays down */
  fallbackEngine: Engine;
  tools: AnyToolDef[];
  catalogue: Catalogue;
  logger: Logger;
  maxSteps: number;
}

export interface TurnInput extends Omit<EngineInput, 'toolCalls' | 'tools' | 'lang'> {
  lang: Lang;
  citizenConfirmed: boolean;
  toolContext: ToolContext;
}

export interface TurnOutcome {
  reply: OutboundMessage[];
  steps: TurnStep[];
  engine: string;
  model?: string;
  fellBack: boolean;
  fallbackReason?: string;
  /** pending confirmation for the next message (null: none; a pending action lives one turn) */
  pending: PendingAction | null;
  engineState: unknown;
  languageChoice?: Lang;
  intent?: string;
  /** tools that ran and succeeded, for the conversation's service/outcome */
  completed: { tool: string; data: Record<string, unknown> }[];
  usage: { promptTokens: number; completionTokens: number };
}

/**
 * Asks the engine, runs the tool calls it requests (validated, identity from the server,
 * submissions gated on the citizen's confirmation), feeds results back, and ends with a
 * reply. Bounded: after maxSteps engine calls the turn falls back (a tool-call loop).
 */
export async function runTurn(input: TurnInput, deps: TurnDeps): Promise<TurnOutcome> {
  const steps: TurnStep[] = [];
  const completed: TurnOutcome['completed'] = [];
  const toolMessages: OutboundMessage[] = [];
  const usage = { promptTokens: 0, completionTokens: 0 };
  let engine = deps.engine;
  let fellBack = false;
  let fallbackReason: string | undefined;
  let engineState: unknown = input.engineState;
  let languageChoice: Lang | undefined;
  let intent: string | undefined;
  let model: string | undefined;
  let lang = input.lang;

  const fallBack = (reason: string): boolean => {
    if (engine === deps.fallbackEngine) return false;
    deps.logger.warn({ reason, engine: engine.name }, 'engine unavailable, falling back to offline');
    engine = deps.fallbackEngine;
    fellBack = true;
    fallbackReason = reason;
    return true;
  };

  let toolCalls: ToolCallRecord[] = [];
  for (let stepNo = 0; ; stepNo++) {
    if (stepNo >= deps.maxSteps) {
      if (fallBack('loop')) {
        toolCalls = [];
        stepNo = -1;
        continue;
      }
      return finish(text(deps.catalogue.t(lang, 'runtime.something_went_wrong')), null);
    }
    const started = performance.now();
    const step: TurnStep = { engine: engine.name, model: engine.model, toolCalls: [], latencyMs: 0 };
    steps.push(step);
    let decision: Awaited<ReturnType<Engine['decide']>>;
    try {
      decision = await engine.decide({
        ...input,
        lang,
        engineState,
        toolCalls,
        tools: deps.tools,
      });
    } catch (err) {
      step.latencyMs = Math.round(performance.now() - started);
      step.error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      const reason = err instanceof EngineUnavailableError ? err.reason : 'engine_error';
      if (!(err instanceof EngineUnavailableError)) deps.logger.error({ err }, 'engine failed');
      if (fallBack(reason)) {
        toolCalls = [];
        stepNo = -1;
        continue;
      }
      return finish(text(deps.catalogue.t(lang, 'runtime.something_went_wrong')), null);
    }
    step.latencyMs = Math.round(performance.now() - started);
    step.model = decision.model ?? engine.model;
    model = step.model ?? model;
    if (decision.usage) {
      step.usage = decision.usage;
      usage.promptTokens += decision.usage.promptTokens;
      usage.completionTokens += decision.usage.completionTokens;
    }
    if (decision.engineState !== undefined) engineState = decision.engineState;
    if (decision.languageChoice) {
      languageChoice = decision.languageChoice;
      lang = decision.languageChoice;
    }
    if (decision.intent) intent = decision.intent;
    if (decision.reads?.length) step.reads = decision.reads;

    if (decision.toolCalls?.length) {
      for (const call of decision.toolCalls) {
        const ex = await executeToolCall(call, {
          tools: deps.tools,
          ctx: { ...input.toolContext, lang },
          pending: input.pending,
          citizenConfirmed: input.citizenConfirmed,
          onError: (err) => deps.logger.error({ err, tool: call.name }, 'tool failed'),
        });
        step.toolCalls.push(ex.record);
        toolCalls = [...toolCalls, ex.record];
        if (ex.kind === 'needs_confirmation') {
          // The summary is the turn's last word: the citizen answers it, nothing else. What the
          // engine said of this turn comes before it ("Changed the date of birth…").
          return finish(
            [
              ...toolMessages,
              ...(decision.reply ?? []),
              ...confirmationPrompt(deps.catalogue, lang, ex.summary, confirmKindOf(call.name)),
            ],
            ex.pending,
          );
        }
        // A fallback engine repeats a call the failed engine already ran this turn (a
        // confirmed create_payment_qr): the tool is idempotent, its messages go out once.
        if (ex.kind === 'done' && ex.result.ok && !ranBefore(call.name, ex.result.data)) {
          completed.push({ tool: call.name, data: ex.result.data });
          if (ex.result.messages) toolMessages.push(...ex.result.messages);
        }
      }
      continue;
    }
    return finish([...toolMessages, ...(decision.reply ?? [])], null);
  }

  function ranBefore(tool: string, data: Record<string, unknown>): boolean {
    const same = JSON.stringify(data);
    return completed.some((c) => c.tool === tool && JSON.stringify(c.data) === same);
  }

  function finish(reply: OutboundMessage[], pending: PendingAction | null): TurnOutcome {
    return {
      reply,
      steps,
      engine: engine.name,
      model,
      fellBack,
      fallbackReason,
      pending,
      engineState,
      languageChoice,
      intent,
      completed,
      usage,
    };
  }
}
