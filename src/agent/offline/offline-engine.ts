import { defaultFeeSchedule, type FeeSchedule } from '../../../tools/fee-schedule.js';
import type { Catalogue } from '../../i18n/catalogue.js';
import { withTurnMemo } from '../../nlu/turn-memo.js';
import type { Engine, EngineDecision, EngineInput } from '../engine.js';
import { afterTool } from './after-tool.js';
import { handleMessage } from './dialogue.js';
import type { DialogueDeps, Outcome, Turn } from './outcome.js';
import { Say } from './prompts.js';
import { loadState, type OfflineState, offlineStateSchema } from './state.js';

/** A turn never needs more tool calls than this (pay: look up, then create the QR). */
const MAX_CALLS_PER_TURN = 3;

/**
 * The embedded bilingual engine: a dialogue state machine over the NLU's analysis. Its
 * draft lives in `engineState` between turns; every sentence comes from
 * prompts/messages/offline.yaml. Deterministic: no randomness, the clock is `input.now`.
 */
export function createOfflineEngine(opts: { catalogue: Catalogue; fees?: FeeSchedule }): Engine {
  const deps: DialogueDeps = { catalogue: opts.catalogue, fees: opts.fees ?? defaultFeeSchedule };
  return {
    name: 'offline',
    // one memo a turn: the message's readings are shared by every reader of it, then dropped
    decide: async (input) => withTurnMemo(() => decideOffline(input, deps)),
  };
}

export function decideOffline(input: EngineInput, deps: DialogueDeps): EngineDecision {
  if (input.toolCalls.length === 0)
    return finish(input, handleMessage(input, loadState(input.engineState, input.now), deps));
  const state = stateOfThisTurn(input, deps);
  const info = state.turn;
  const say = new Say(deps.catalogue, info?.lang ?? input.lang);
  const turn: Turn = { input, deps, say, state, notes: [...(info?.notes ?? [])] };
  return finish(input, afterTool(turn, input.toolCalls[input.toolCalls.length - 1]));
}

/**
 * The state the first step of this turn left. The runtime hands it back; if it did not
 * (a fallback from another engine mid-turn), the first step is replayed: it is pure.
 */
function stateOfThisTurn(input: EngineInput, deps: DialogueDeps): OfflineState {
  const parsed = offlineStateSchema.safeParse(input.engineState);
  if (parsed.success && parsed.data.turn?.inboundId === input.inboundId) return parsed.data;
  const first = handleMessage({ ...input, toolCalls: [] }, loadState(input.engineState, input.now), deps);
  return withTurn(input, first);
}

function withTurn(input: EngineInput, o: Outcome): OfflineState {
  if (!o.call) return { ...o.state, turn: null };
  return {
    ...o.state,
    turn: { inboundId: input.inboundId, lang: o.say.lang, notes: o.notes, purpose: o.call.purpose },
  };
}

function finish(input: EngineInput, o: Outcome): EngineDecision {
  const meta = {
    ...(o.intent ? { intent: o.intent } : {}),
    ...(o.languageChoice ? { languageChoice: o.languageChoice } : {}),
    ...(o.reads?.length ? { reads: o.reads } : {}),
  };
  if (o.call && input.toolCalls.length < MAX_CALLS_PER_TURN) {
    return {
      toolCalls: [
        {
          id: `offline-${input.inboundId}-${input.toolCalls.length + 1}`,
          name: o.call.name,
          arguments: JSON.stringify(o.call.args),
        },
      ],
      // shown before the summary if the call needs the citizen's yes; otherwise the notes reach
      // the reply after the tool, from the turn's state
      ...(o.call.purpose === 'submit' && o.notes.length > 0 ? { reply: o.say.reply(o.notes) } : {}),
      engineState: withTurn(input, o),
      ...meta,
    };
  }
  const notes = o.call ? [...o.notes, o.say.t('tool_failed')] : o.notes;
  const reply = o.reply ?? o.say.reply(notes, o.call ? undefined : o.prompt);
  return { reply, engineState: { ...o.state, turn: null }, ...meta };
}
