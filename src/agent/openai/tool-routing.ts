import { z } from 'zod';
import type { AnyToolDef } from '../../../tools/tool.js';
import { foldForMatch } from '../../lang/normalise.js';
import { services as registry, serviceByTool } from '../../services/registry.js';
import type { AnyService } from '../../services/types.js';
import type { InboundEvent } from '../../whatsapp/inbound-event.js';
import type { EngineInput } from '../engine.js';

/**
 * Tool routing for the openai engine. Every service's form tool in every request cost ~2,000
 * prompt tokens (issue 13); the model needs only the form it is filling in. So a request
 * carries the general tools (status, payment, reopen, erase), at most one service's form
 * tool (see openToolFor), and `open_service`, through which the model opens the form of
 * another service — like the handoffs of the OpenAI Agents SDK. `open_service` is answered
 * by the engine itself, never by the runtime: it does nothing in the world, and transcripts
 * and evals see only real tool calls.
 */
export const ROUTER_TOOL = 'open_service';

/** How long an open service outlives the citizen's silence (the offline engine's drafts live as long). */
const OPEN_TTL_MS = 24 * 60 * 60 * 1000;

/** The openai engine's state between turns: which service's form the conversation is filling in. */
export const routingStateSchema = z.object({
  openTool: z.string(),
  /** ms since epoch of the last turn that used it */
  at: z.number(),
});
export type RoutingState = z.infer<typeof routingStateSchema>;

/** Routing needs more than one service tool among the tools; with one or none there is nothing to leave out. */
export function serviceToolsOf(tools: AnyToolDef[], services: AnyService[] = registry): AnyToolDef[] {
  return tools.filter((t) => serviceByTool(t.name, services));
}

/** The router as a tool definition, so its JSON Schema comes from zod like every other tool's. */
export function routerTool(serviceTools: AnyToolDef[]): AnyToolDef {
  const names = serviceTools.map((t) => t.name) as [string, ...string[]];
  return {
    name: ROUTER_TOOL,
    description: "Open a service's tool when the citizen wants that service or asks what it needs.",
    schema: z.object({ tool: z.enum(names) }),
    requiresConfirmation: false,
    // never reaches the runtime: the engine answers it (see answerRouterCall)
    run: () => ({ ok: false, error: { code: 'engine_only', message: 'answered by the engine' } }),
  };
}

/** The form saved by an earlier turn, unless it was left for more than a day. */
export function savedOpenTool(input: Pick<EngineInput, 'engineState' | 'now'>, serviceNames: Set<string>) {
  const saved = routingStateSchema.safeParse(input.engineState);
  if (!saved.success || !serviceNames.has(saved.data.openTool)) return null;
  return input.now.getTime() - saved.data.at > OPEN_TTL_MS ? null : saved.data.openTool;
}

/**
 * The one form a request carries (one, so that no request outgrows the largest form): a
 * pending confirmation's (the citizen's yes repeats that call), else one the model called
 * this turn (it may call a tool it knows from the prompt without opening it), else one the
 * message names (the conversation turns to it), else the saved one.
 */
export function openToolFor(
  input: Pick<EngineInput, 'toolCalls' | 'engineState' | 'now' | 'pending' | 'inbound'>,
  services: AnyService[],
  serviceNames: Set<string>,
): string | null {
  if (input.pending && serviceNames.has(input.pending.tool)) return input.pending.tool;
  const called = input.toolCalls.findLast((c) => serviceNames.has(c.name));
  if (called) return called.name;
  return toolAskedFor(input.inbound, services, serviceNames) ?? savedOpenTool(input, serviceNames);
}

/**
 * The service tool of a service the message names by the registry's phrases ("jati praman
 * patra chahiye"): its form goes with the first request, which spares the model an
 * open_service round trip. A message that names none leaves the choice to the model.
 */
export function toolAskedFor(inbound: InboundEvent, services: AnyService[], serviceNames: Set<string>) {
  const said =
    inbound.kind === 'text' ? inbound.text : inbound.kind === 'audio' ? (inbound.transcript ?? '') : '';
  if (!said) return null;
  const f = ` ${foldForMatch(said).replace(/\s+/g, ' ')} `;
  const has = (phrase: string) => f.includes(` ${foldForMatch(phrase)} `);
  const asked = services.find(
    (s) =>
      serviceNames.has(s.toolName) &&
      (s.intentPhrases.some(has) || (s.intentWords ?? []).some((words) => words.every(has))),
  );
  return asked?.toolName ?? null;
}

/**
 * The tools of one request, in the registry's order: the general ones, the open service's,
 * and the router while any service tool is left out.
 */
export function routedTools(
  tools: AnyToolDef[],
  { open, router }: { open: string | null; router: AnyToolDef },
  serviceNames: Set<string>,
): AnyToolDef[] {
  const chosen = tools.filter((t) => !serviceNames.has(t.name) || t.name === open);
  const leftOut = tools.some((t) => !chosen.includes(t));
  return leftOut ? [...chosen, router] : chosen;
}

/** What the router call comes to: the tool it opens, or an error the model reads and corrects. */
export function answerRouterCall(
  rawArguments: string,
  serviceNames: Set<string>,
): { open: string | null; content: string } {
  let tool: unknown;
  try {
    tool = (JSON.parse(rawArguments) as { tool?: unknown }).tool;
  } catch {
    tool = undefined;
  }
  if (typeof tool === 'string' && serviceNames.has(tool)) {
    return { open: tool, content: JSON.stringify({ status: 'ok', available: tool }) };
  }
  return {
    open: null,
    content: JSON.stringify({
      status: 'invalid',
      error: `tool must be one of: ${[...serviceNames].join(', ')}`,
    }),
  };
}
