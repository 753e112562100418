import type { FeeSchedule } from '../../tools/fee-schedule.js';
import type { AnyToolDef } from '../../tools/tool.js';
import type { Engine } from '../agent/engine.js';
import { runTurn, type TurnOutcome } from '../agent/turn-runner.js';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { classifyConfirmation } from '../lang/confirmation.js';
import { detectLanguage } from '../lang/detect-language.js';
import type { Lang } from '../lang/language.js';
import { type Logger, maskPhone } from '../logging/create-logger.js';
import { detectCommand } from '../nlu/detect-command.js';
import { services } from '../services/registry.js';
import { sqliteStore } from '../storage/sqlite-store.js';
import type { Store } from '../storage/store.js';
import type { VoiceResolver } from '../stt/voice-notes.js';
import { eventText, type InboundEvent } from '../whatsapp/inbound-event.js';
import { text } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import type { Commit } from './commit-batcher.js';
import { type HandoffGate, handoffGate } from './handoff-gate.js';
import { replyLanguage } from './reply-language.js';
import type { TurnStore } from './turn-store.js';
import { sqliteTurnStore } from './turn-store-sqlite.js';

export interface PipelineSettings {
  publicBaseUrl: string;
  upi: { payeeVpa: string; payeeName: string };
  fees: FeeSchedule;
  /** WhatsApp not configured: replies go to the chat simulator */
  simulated: boolean;
  rateLimitPerMinute: number;
  maxSteps?: number;
  /** COMPLAINT_REOPEN_DAYS, passed to the tools (reopen_complaint) */
  complaintReopenDays?: number;
}

export interface ProcessDeps {
  /** the SQLite database (SQLite only: the tools not yet on the store read it) */
  db?: Db;
  /** the store the tools write through (tools/tool.ts ToolContext.store) */
  store?: Store;
  /** what the turn reads and writes; default: SQLite on `db` (turn-store-sqlite.ts) */
  turnStore?: TurnStore;
  engine: Engine;
  fallbackEngine: Engine;
  tools: AnyToolDef[];
  catalogue: Catalogue;
  now: () => Date;
  logger: Logger;
  settings: PipelineSettings;
  /** speech to text for voice notes (src/stt); without it a voice note is answered "please type" */
  voice?: VoiceResolver;
  /** SQLite: how the turn's one write is committed (default: at once; the pipeline batches them) */
  commit?: Commit;
}

const DAY = 24 * 60 * 60 * 1000;
// every service's tool names its service (the registry); the offline engine's intent for a
// registry service is its tool name
const SERVICE_OF_TOOL: Record<string, string> = {
  ...Object.fromEntries(services.map((s) => [s.toolName, s.id])),
  check_status: 'status',
  create_payment_qr: 'payment',
};
const SERVICE_OF_INTENT: Record<string, string> = {
  ...Object.fromEntries(services.map((s) => [s.toolName, s.id])),
  file_complaint: 'hospital_complaint',
  check_status: 'status',
  pay_fee: 'payment',
  human: 'human',
};

/** Whether this citizen's replies go to the simulator: WhatsApp unconfigured, or a /chat citizen. */
export const isSimulated = (settings: PipelineSettings, waId: string) =>
  settings.simulated || waId.startsWith('sim');

/**
 * One inbound message → one committed turn: the reply, the transcript and the inbox mark
 * land in a single transaction, so a crash before it leaves the message pending (and
 * submissions are keyed on the message, so the replay makes no second record).
 */
export async function processInbound(inboundId: number, deps: ProcessDeps): Promise<void> {
  const ts = deps.turnStore ?? sqliteTurnStore(requireDb(deps), deps.commit);
  const row = await ts.inbound(inboundId);
  if (row?.direction !== 'in' || row.processStatus !== 'pending') return;
  const now = deps.now();
  const nowMs = now.getTime();
  // a voice note becomes what the citizen said, when it can be transcribed
  const event =
    (row.payload.kind === 'audio' &&
      (await deps.voice?.({ id: inboundId, waId: row.waId, event: row.payload }))) ||
    row.payload;
  const citizen = await ts.citizen(row.waId);
  if (!citizen) throw new Error(`inbound ${inboundId} has no citizen row`);

  const conversationId = await currentConversation(ts, row.waId, nowMs);
  const said = eventText(event);
  const lang: Lang = replyLanguage(
    { language: citizen.language, languageChosen: citizen.languageChosen, isNew: !citizen.privacyNoticeAt },
    detectLanguage(said),
    said.match(/[A-Za-z]+/g)?.length ?? 0,
    said,
  );
  const state = await ts.dialogue(row.waId);
  const pending = state?.pendingAction ?? null;
  const pre: OutboundMessage[] = [];
  if (!citizen.privacyNoticeAt) pre.push(...text(deps.catalogue.t(lang, 'runtime.privacy_notice')));

  const gate = await handoffGate({
    handoff: citizen.handoff,
    handoffAt: citizen.handoffAt,
    nowMs,
    // asked only of a citizen in a handoff: the engine reads the command itself otherwise
    erasing: () => pending?.tool === 'delete_my_data' || detectCommand(said)?.kind === 'delete_data',
    inboundSinceHandoff: () => ts.recentInbound(row.waId, citizen.handoffAt ?? 0),
  });
  const short =
    (await ts.staleTap({ waId: row.waId, inboundId, payload: event, lang, catalogue: deps.catalogue })) ??
    shortCircuit(event, gate, await ts.recentInbound(row.waId, nowMs - 60_000), lang, deps);
  let outcome: TurnOutcome | null = null;
  if (short === null) {
    // tools read and write only through the store, on either database
    const store = deps.store ?? (deps.db ? sqliteStore(deps.db) : undefined);
    if (!store) throw new Error('processInbound needs a store (or a SQLite db)');
    const toolContext = {
      store,
      waId: row.waId,
      lang,
      now,
      inboundId,
      conversationId,
      publicBaseUrl: deps.settings.publicBaseUrl,
      upi: deps.settings.upi,
      fees: deps.settings.fees,
      complaintReopenDays: deps.settings.complaintReopenDays,
    };
    outcome = await runTurn(
      {
        citizen: {
          waId: row.waId,
          name: citizen.name,
          lang: citizen.language,
          languageChosen: citizen.languageChosen,
        },
        inbound: event,
        inboundId,
        lang,
        // The embedded offline engine keeps what it needs in engineState and never reads the
        // transcript: a server that runs it alone skips the turn's most expensive read
        // (an LLM primary gets the history, and so does its offline fallback, unused).
        history: deps.engine === deps.fallbackEngine ? [] : await ts.history(conversationId, inboundId, 20),
        engineState: state?.engineState ?? null,
        pending,
        now,
        citizenConfirmed: classifyConfirmation(event) === 'yes',
        toolContext,
      },
      {
        engine: deps.engine,
        fallbackEngine: deps.fallbackEngine,
        tools: deps.tools,
        catalogue: deps.catalogue,
        logger: deps.logger,
        maxSteps: deps.settings.maxSteps ?? 6,
      },
    );
  }
  const replyLang = outcome?.languageChoice ?? lang;
  const reply = [...pre, ...(short ?? outcome?.reply ?? [])];
  const simulated = isSimulated(deps.settings, row.waId);

  if (outcome?.completed.some((c) => c.tool === 'delete_my_data')) {
    await ts.commit({
      kind: 'erase',
      waId: row.waId,
      nowMs,
      simulated,
      notice: text(deps.catalogue.t(replyLang, 'runtime.data_deleted')),
    });
  } else {
    // a request that lapsed untaken (handoff-gate.ts) is asked again, with a fresh time
    const wantsHuman = outcome?.intent === 'human' && gate === 'assistant';
    const service =
      outcome?.completed.map((c) => SERVICE_OF_TOOL[c.tool]).find(Boolean) ??
      SERVICE_OF_INTENT[outcome?.intent ?? ''] ??
      undefined;
    const submitted = outcome?.completed.some((c) => c.tool in SERVICE_OF_TOOL && c.tool !== 'check_status');
    await ts.commit({
      kind: 'turn',
      inboundId,
      waId: row.waId,
      conversationId,
      nowMs,
      simulated,
      turn: outcome && {
        inboundId,
        conversationId,
        waId: row.waId,
        engine: outcome.engine,
        model: outcome.model ?? null,
        fellBack: outcome.fellBack,
        fallbackReason: outcome.fallbackReason ?? null,
        language: replyLang,
        intent: outcome.intent ?? null,
        steps: outcome.steps,
        latencyMs: outcome.steps.reduce((s, x) => s + x.latencyMs, 0),
        promptTokens: outcome.usage.promptTokens,
        completionTokens: outcome.usage.completionTokens,
        createdAt: nowMs,
      },
      dialogue: outcome && { engineState: outcome.engineState ?? null, pending: outcome.pending },
      replies: reply,
      citizen: {
        language: replyLang,
        chosen: Boolean(outcome?.languageChoice),
        noticeAt: citizen.privacyNoticeAt ? null : nowMs,
        handoffAt: wantsHuman ? nowMs : null,
      },
      conversation: {
        now: nowMs,
        language: replyLang,
        service: service || null,
        outcome: wantsHuman ? 'handoff' : submitted ? 'completed' : null,
        fellBack: Boolean(outcome?.fellBack),
        needsHuman: wantsHuman,
        engine: outcome ? outcome.engine : null,
      },
    });
  }
  deps.logger.info(
    {
      citizen: maskPhone(row.waId),
      inboundId,
      kind: event.kind,
      engine: outcome?.engine ?? 'runtime',
      replies: reply.length,
    },
    'turn done',
  );
}

function requireDb(deps: ProcessDeps): Db {
  if (!deps.db) throw new Error('processInbound: neither a turnStore nor a SQLite db was given');
  return deps.db;
}

// the message types that ask nothing of us: stored (the transcript shows them), never answered
const SILENT = new Set(['reaction', 'system', 'ephemeral']);

/** Messages the runtime answers itself, without asking an engine. Null: a normal turn. */
function shortCircuit(
  event: InboundEvent,
  gate: HandoffGate,
  count: number,
  lang: Lang,
  deps: ProcessDeps,
): OutboundMessage[] | null {
  const t = (key: string, params?: Record<string, string>) => text(deps.catalogue.t(lang, key, params));
  // Over the limit: one polite notice, then silence until the minute has passed.
  if (count > deps.settings.rateLimitPerMinute)
    return count === deps.settings.rateLimitPerMinute + 1 ? t('runtime.rate_limited') : [];
  // A person was asked for, or an officer has the conversation: their replies come from the
  // console; the first message after the request hears that one will come, the rest nothing.
  if (gate === 'waiting_notice') return t('runtime.handoff_waiting');
  if (gate === 'silent') return [];
  if (event.kind === 'audio' && !event.transcript)
    return t(deps.voice ? 'whatsapp.voice.please_type' : 'runtime.audio_not_supported');
  // a 👍 on our message, or WhatsApp's own notice (the number changed): nothing was asked, and
  // "I can only read text" to each would nag; a sticker or a contact card still gets the notice
  if (event.kind === 'unsupported') return SILENT.has(event.type) ? [] : t('runtime.unsupported_message');
  if (event.kind === 'location') {
    const place = [event.name, event.address].filter(Boolean).join(', ');
    return t('runtime.location_received', { place: place ? `: ${place}` : '' });
  }
  return null;
}

/** The citizen's open conversation, or a new one after 24 hours of silence. */
async function currentConversation(ts: TurnStore, waId: string, nowMs: number): Promise<number> {
  const last = await ts.lastConversation(waId);
  if (last && !last.closedAt && nowMs - last.lastMessageAt < DAY) return last.id;
  return ts.newConversation(waId, nowMs);
}
