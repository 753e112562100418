import { deleteMyData } from '../../../tools/delete-my-data.js';
import { allTools } from '../../../tools/index.js';
import { storeInbound, toolContext } from '../../../tools/test-context.js';
import { type Db, openDatabase } from '../../db/open-database.js';
import { attachments } from '../../db/schema.js';
import { loadCatalogue } from '../../i18n/catalogue.js';
import { classifyConfirmation } from '../../lang/confirmation.js';
import { detectLanguage } from '../../lang/detect-language.js';
import type { Lang } from '../../lang/language.js';
import { eventText, type InboundEvent } from '../../whatsapp/inbound-event.js';
import { plainText } from '../../whatsapp/outbound-builders.js';
import { type OutboundMessage, outboundMessageSchema } from '../../whatsapp/outbound-message.js';
import { confirmationPrompt } from '../confirmation-prompt.js';
import type { Engine, PendingAction, ToolCallRecord } from '../engine.js';
import { executeToolCall } from '../tool-executor.js';
import { createOfflineEngine } from './offline-engine.js';
import type { ServiceForm } from './state.js';

export interface DriverTurn {
  reply: OutboundMessage[];
  /** the reply as the terminal chat prints it */
  text: string;
  calls: ToolCallRecord[];
  intent?: string;
  /** the language the turn answered in */
  lang: Lang;
  /** true when the runtime ended the turn with a confirmation summary */
  summary: boolean;
}

/**
 * Test support: the runtime's loop around the offline engine, in miniature. Real tools on
 * an in-memory database, the real confirmation gate (executeToolCall), the engine state
 * round-tripped through JSON as the dialogue_states row does, the language rule of the
 * runtime (detected per message unless the citizen chose one).
 */
export function createDriver(o: { now: Date; lang?: Lang; waId?: string; engine?: Engine }) {
  const db: Db = openDatabase({ path: ':memory:' });
  const catalogue = loadCatalogue();
  const engine = o.engine ?? createOfflineEngine({ catalogue });
  const tools = [...allTools, deleteMyData];
  const waId = o.waId ?? '919876543210';
  let now = o.now;
  let state: unknown = null;
  let pending: PendingAction | null = null;
  let citizenLang: Lang = o.lang ?? 'hi';
  let chosen = false;

  async function send(message: string | InboundEvent, at?: Date): Promise<DriverTurn> {
    if (at) now = at;
    const event: InboundEvent = typeof message === 'string' ? { kind: 'text', text: message } : message;
    const inboundId = storeInbound(db, waId, { text: eventText(event), kind: event.kind, at: now.getTime() });
    if (event.kind === 'image') {
      // the runtime keeps every photo as an attachment; the complaint tool claims them
      db.insert(attachments)
        .values({ waId, messageId: inboundId, mediaId: event.mediaId, createdAt: now.getTime() })
        .run();
    }
    let lang: Lang = chosen ? citizenLang : (detectLanguage(eventText(event)).lang ?? citizenLang);
    citizenLang = lang;
    const citizenConfirmed =
      (event.kind === 'button' && event.id === 'confirm:yes') || classifyConfirmation(event) === 'yes';
    let calls: ToolCallRecord[] = [];
    let intent: string | undefined;
    const sent: OutboundMessage[] = [];
    for (let step = 0; step < 6; step++) {
      const decision = await engine.decide({
        citizen: { waId, name: null, lang: citizenLang, languageChosen: chosen },
        inbound: event,
        inboundId,
        lang,
        history: [],
        toolCalls: calls,
        engineState: state,
        pending,
        now,
        tools,
      });
      if (decision.engineState !== undefined) state = JSON.parse(JSON.stringify(decision.engineState));
      if (decision.intent) intent = decision.intent;
      if (decision.languageChoice) {
        lang = decision.languageChoice;
        citizenLang = lang;
        chosen = true;
      }
      if (!decision.toolCalls?.length) {
        pending = null;
        return done([...sent, ...(decision.reply ?? [])], false);
      }
      for (const call of decision.toolCalls) {
        const ctx = toolContext(db, { waId, lang, now, inboundId });
        const ex = await executeToolCall(call, {
          tools,
          ctx,
          pending,
          citizenConfirmed,
          onError: (e) => {
            throw e;
          },
        });
        calls = [...calls, ex.record];
        if (ex.kind === 'needs_confirmation') {
          pending = ex.pending;
          // as the runtime does: what the engine said of the turn, then the summary
          return done(
            [...sent, ...(decision.reply ?? []), ...confirmationPrompt(catalogue, lang, ex.summary)],
            true,
          );
        }
        if (ex.kind === 'done' && ex.result.ok && ex.result.messages) sent.push(...ex.result.messages);
      }
    }
    throw new Error('the engine did not end the turn');

    function done(reply: OutboundMessage[], summary: boolean): DriverTurn {
      for (const m of reply) outboundMessageSchema.parse(m);
      return { reply, text: reply.map(plainText).join('\n'), calls, intent, lang, summary };
    }
  }

  return {
    db,
    waId,
    send,
    /** a button or list reply, as WhatsApp delivers it */
    tap: (id: string, title = id) => send({ kind: 'button', id, title }),
    get state() {
      return state;
    },
    get pending() {
      return pending;
    },
  };
}

/** The (parsed) arguments of the calls of one tool in a turn. */
export function argsOf(turn: DriverTurn, tool: string): unknown[] {
  return turn.calls.filter((c) => c.name === tool).map((c) => c.parsedArguments ?? JSON.parse(c.arguments));
}

/** The open form of the driver's engine state (its fields, the question asked, a proposal). */
export const formOf = (d: { state: unknown }): ServiceForm => (d.state as { form: ServiceForm }).form;
