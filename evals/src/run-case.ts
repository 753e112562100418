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
import { type Bindings, bindDeep, hasPlaceholders, refsOf } from './placeholders.js';
import { type Pricing, scoreTrial } from './scorers/score-trial.js';
import { readableText } from './scorers/turn-checks.js';
import { createdRecords, readStore, seedStore } from './seed-store.js';
import { type Citizen, scriptedCitizen } from './simulator/citizen.js';
import { engineReadOf } from './simulator/engine-read.js';
import { expectFromGoal } from './simulator/expect-from-goal.js';
import { createFieldQuestions } from './simulator/field-questions.js';
import { createRuleCitizen } from './simulator/rule-citizen.js';
import type { ObservedToolCall, TrialResult, TurnRecord } from './types.js';

export interface CaseDeps {
  engine: Engine;
  fallbackEngine: Engine;
  tools: AnyToolDef[];
  catalogue: Catalogue;
  logger: Logger;
  settings: PipelineSettings;
  pricing?: Pricing;
  /** the model-played citizen for `simulator: llm` goals; absent: such cases fail with a clear error */
  llmCitizen?: (c: EvalCase, trial: number) => Citizen;
}

/** Who writes to the assistant in this trial: the scripted turns, or a simulated citizen with the case's goal. */
export function citizenFor(c: EvalCase, trial: number, deps: CaseDeps): Citizen {
  if (!c.goal) return scriptedCitizen(c.turns ?? []);
  if (c.goal.simulator === 'llm') {
    if (!deps.llmCitizen)
      throw new Error(
        'this case needs the LLM citizen simulator (a `simulator:` section in the eval config)',
      );
    return deps.llmCitizen(c, trial);
  }
  return createRuleCitizen({
    goal: c.goal,
    lang: c.language,
    questions: createFieldQuestions(deps.catalogue),
    seed: `${c.id}#${trial}`,
  });
}

// Citizens take a moment between messages; turns are 30 s apart on the fixed clock.
const TURN_GAP_MS = 30_000;

function bindings(db: Parameters<typeof readStore>[0], seeded: Set<string>, clock: number): Bindings {
  return { refs: refsOf(createdRecords(readStore(db), seeded)), now: clock };
}

/** The case turn as the inbound event the webhook would have stored. */
export function eventOf(
  t: Pick<CaseTurn, 'text' | 'button' | 'list' | 'image' | 'audio'>,
  i: number,
): InboundEvent {
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
  const sent: CaseTurn[] = [];
  let error: string | undefined;
  let citizen: Citizen | undefined;
  try {
    citizen = citizenFor(c, trial, deps);
    let last: OutboundMessage[] | null = null;
    const placeholders = hasPlaceholders(c.turns);
    for (let i = 0; ; i++) {
      const next = await citizen.next(last);
      if (!next) break;
      clock = base + i * TURN_GAP_MS;
      // "status of {{ref:applications[0]}}": the reference this replay created, not the live one
      const t = placeholders ? bindDeep(next, bindings(db, seeded, base)) : next;
      sent.push(t);
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
      last = replies;
      const turn = db.select().from(turns).where(eq(turns.inboundId, id)).get();
      const read = engineReadOf(turn);
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
        ...(read !== undefined ? { read } : {}),
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
  const simulation = c.goal ? citizen?.record?.() : undefined;
  // a goal case is scored like the scripted case its conversation became: every reply in the
  // citizen's language, the end state the goal implies (or the case's own `expect`)
  const unbound: EvalCase = c.goal
    ? { ...c, turns: sent, expect: c.expect ?? expectFromGoal(c.goal, c.language) }
    : c;
  const scored = hasPlaceholders(unbound) ? bindDeep(unbound, { refs: refsOf(created), now: base }) : unbound;
  const { scores, checks } = scoreTrial(scored, { turns: records, created, all, waId, error }, deps.pricing);
  if (simulation && simulation.outcome !== 'submitted' && simulation.outcome !== 'cancelled')
    checks.push({
      kind: 'simulation',
      pass: false,
      message: `the citizen ${simulation.outcome === 'stuck' ? 'got stuck' : `reached maxTurns (${c.goal?.maxTurns})`}${simulation.note ? `: ${simulation.note}` : ''}`,
    });
  if (simulation) scores.pass = checks.every((x) => x.pass);
  return {
    trial,
    scores,
    checks,
    turns: records,
    endState: created,
    ...(c.goal ? { sent } : {}),
    ...(simulation ? { simulation } : {}),
    ...(error ? { error } : {}),
  };
}
