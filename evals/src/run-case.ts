import { asc, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Engine } from '../../src/agent/engine.js';
import { openDatabase } from '../../src/db/open-database.js';
import { messages, turns } from '../../src/db/schema.js';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import { createPipeline } from '../../src/pipeline/create-pipeline.js';
import type { PipelineSettings } from '../../src/pipeline/process-inbound.js';
import type { InboundEvent } from '../../src/whatsapp/inbound-event.js';
import type { OutboundMessage } from '../../src/whatsapp/outbound-message.js';
import type { AnyToolDef } from '../../tools/tool.js';
import { type CaseTurn, DEFAULT_NOW, DEFAULT_WA_ID, type EvalCase } from './case-schema.js';
import { type Pricing, scoreTrial } from './scorers/score-trial.js';
import { readableText } from './scorers/turn-checks.js';
import { createdRecords, readStore, seedStore } from './seed-store.js';
import type { ObservedToolCall, TrialResult, TurnRecord } from './types.js';

export interface CaseDeps {
  engine: Engine;
  fallbackEngine: Engine;
  tools: AnyToolDef[];
  catalogue: Catalogue;
  logger: Logger;
  settings: PipelineSettings;
  pricing?: Pricing;
}

// Citizens take a moment between messages; turns are 30 s apart on the fixed clock.
const TURN_GAP_MS = 30_000;

/** The case turn as the inbound event the webhook would have stored. */
export function eventOf(t: CaseTurn, i: number): InboundEvent {
  if (t.text !== undefined) return { kind: 'text', text: t.text };
  if (t.button) return { kind: 'button', id: t.button.id, title: t.button.title };
  if (t.list) return { kind: 'list', ...t.list };
  if (t.image)
    return {
      kind: 'image',
      mediaId: `eval-media-${i}`,
      mimeType: t.image.mimeType ?? 'image/jpeg',
      caption: t.image.caption,
    };
  return { kind: 'audio', mediaId: `eval-audio-${i}`, voice: t.audio?.voice ?? true };
}

/** How a citizen message reads in a transcript. */
export function describeEvent(e: InboundEvent): string {
  switch (e.kind) {
    case 'text':
      return e.text;
    case 'button':
      return `[button] ${e.title} (${e.id})`;
    case 'list':
      return `[list] ${e.title} (${e.id})`;
    case 'image':
      return `[photo]${e.caption ? ` ${e.caption}` : ''}`;
    case 'audio':
      return '[voice note]';
    default:
      return `[${e.kind}]`;
  }
}

interface StepJson {
  toolCalls?: {
    name: string;
    arguments?: string;
    parsedArguments?: unknown;
    status: string;
    validationError?: string;
  }[];
}

function toolCallsOf(steps: unknown): ObservedToolCall[] {
  if (!Array.isArray(steps)) return [];
  return (steps as StepJson[]).flatMap((s) =>
    (s.toolCalls ?? []).map((c) => {
      let args = (c.parsedArguments as Record<string, unknown> | undefined) ?? null;
      if (!args && c.arguments) {
        try {
          args = JSON.parse(c.arguments);
        } catch {
          args = null;
        }
      }
      return {
        name: c.name,
        args,
        status: c.status,
        ...(c.validationError ? { validationError: c.validationError } : {}),
      };
    }),
  );
}

/**
 * One trial of one case: a fresh in-memory database, a fixed clock, the production
 * pipeline; each citizen message goes through receive → kick → idle, and what the
 * store holds afterwards is the observation.
 */
export async function runCaseTrial(c: EvalCase, trial: number, deps: CaseDeps): Promise<TrialResult> {
  const db = openDatabase({ path: ':memory:' });
  const base = new Date(c.now ?? DEFAULT_NOW).getTime();
  let clock = base;
  const waId = c.citizen?.waId ?? DEFAULT_WA_ID;
  const pipeline = createPipeline({ ...deps, db, now: () => new Date(clock) });
  const seeded = seedStore(db, c.setup, base);
  const records: TurnRecord[] = [];
  let error: string | undefined;
  try {
    for (const [i, t] of c.turns.entries()) {
      clock = base + i * TURN_GAP_MS;
      const event = eventOf(t, i);
      const started = performance.now();
      const { id } = pipeline.receive({
        waId,
        name: c.citizen?.name ?? null,
        wamid: `wamid.eval.${c.id}.${trial}.${i}`,
        event,
        timestamp: Math.floor(clock / 1000),
      });
      pipeline.kick(waId);
      await pipeline.idle();
      const wallMs = performance.now() - started;
      const inbound = db.select().from(messages).where(eq(messages.id, id)).get();
      if (inbound?.processStatus === 'failed')
        error = `turn ${i + 1} failed: ${inbound.lastError ?? 'unknown error'}`;
      const replies = db
        .select({ payload: messages.payload })
        .from(messages)
        .where(eq(messages.inReplyTo, id))
        .orderBy(asc(messages.seq), asc(messages.id))
        .all()
        .map((r) => r.payload as OutboundMessage);
      const turn = db.select().from(turns).where(eq(turns.inboundId, id)).get();
      records.push({
        index: i,
        input: describeEvent(event),
        inboundId: id,
        replies,
        replyText: readableText(replies),
        toolCalls: toolCallsOf(turn?.steps),
        engine: turn?.engine ?? null,
        model: turn?.model ?? null,
        fellBack: turn?.fellBack ?? false,
        language: turn?.language ?? null,
        latencyMs: turn?.latencyMs ?? 0,
        wallMs,
        promptTokens: turn?.promptTokens ?? 0,
        completionTokens: turn?.completionTokens ?? 0,
      });
    }
  } catch (err) {
    error = err instanceof Error ? err.message : String(err);
  } finally {
    await pipeline.close();
  }
  const all = readStore(db);
  const created = createdRecords(all, seeded);
  db.$client.close();
  const { scores, checks } = scoreTrial(c, { turns: records, created, all, waId, error }, deps.pricing);
  return { trial, scores, checks, turns: records, endState: created, ...(error ? { error } : {}) };
}
