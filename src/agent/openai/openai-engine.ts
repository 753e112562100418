import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { AnyToolDef } from '../../../tools/tool.js';
import { services as registry } from '../../services/registry.js';
import type { AnyService } from '../../services/types.js';
import { text } from '../../whatsapp/outbound-builders.js';
import type { Engine, EngineDecision, EngineInput, ToolCallRequest } from '../engine.js';
import { EngineUnavailableError } from '../engine.js';
import { buildMessages, buildTools } from './build-messages.js';
import { type CompletionCache, completionCacheKey } from './completion-cache.js';
import { type CompletionView, readCompletion, toEngineUnavailable } from './read-completion.js';
import {
  answerRouterCall,
  openToolFor,
  ROUTER_TOOL,
  type RoutingState,
  routedTools,
  routerTool,
  savedOpenTool,
  serviceToolsOf,
} from './tool-routing.js';

export interface OpenAIEngineOptions {
  /** a ready client (tests, Azure); otherwise one is built from apiKey/baseUrl/timeoutMs/maxRetries */
  client?: OpenAI;
  apiKey?: string;
  /** any OpenAI-compatible base URL, e.g. http://localhost:11434/v1 */
  baseUrl?: string;
  model: string;
  /** per attempt; the SDK retries 429/5xx/connection errors up to maxRetries times with backoff */
  timeoutMs: number;
  maxRetries: number;
  /** the unrendered template from `loadSystemPrompt` */
  systemPrompt: string;
  /** the JSON Schema the model sees for a tool, generated from its zod schema */
  toolJsonSchema: (tool: AnyToolDef) => object;
  /** stores whole completions by request hash (evals); off when absent */
  cache?: CompletionCache;
  temperature?: number;
  /** false (default) asks for one call at a time; null leaves the parameter out for servers that reject it */
  parallelToolCalls?: boolean | null;
  /**
   * false sends every tool on every request; by default only the open service's form tool
   * goes with the general ones, and the model opens another through `open_service`
   */
  routeTools?: boolean;
  /** the services whose tools are routed (default: the registry) */
  services?: AnyService[];
}

/**
 * The `openai` engine: one chat-completions request per `decide()` (two or three when the
 * model opens a service's form, see tool-routing.ts); between turns it keeps only which
 * service is open.
 * Tool calls come back with their raw arguments (the runtime validates and runs them);
 * provider failures throw EngineUnavailableError so the runtime can fall back.
 */
export function createOpenAIEngine(options: OpenAIEngineOptions): Engine {
  // The SDK (~40 ms and several MB to load) is imported on the first decide(): a server
  // running the offline engine never loads it, and start-up (/healthz) does not wait for it.
  let sdk: Promise<{ OpenAI: typeof OpenAI; client: OpenAI }> | undefined;
  const load = () =>
    (sdk ??= import('openai').then(({ default: SDK }) => ({
      OpenAI: SDK,
      client: options.client ?? newClient(SDK),
    })));
  const newClient = (SDK: typeof OpenAI) =>
    new SDK({
      // explicit values keep the SDK from reading OPENAI_* from the environment itself
      apiKey: options.apiKey ?? 'not-needed',
      baseURL: options.baseUrl ?? 'https://api.openai.com/v1',
      organization: null,
      project: null,
      adminAPIKey: null,
      webhookSecret: null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      logLevel: 'off',
    });
  // each tool's JSON Schema is built once, not once per turn
  const toolParams = new WeakMap<AnyToolDef, ChatCompletionTool>();
  const toolsFor = (tools: AnyToolDef[]) =>
    tools.map((tool) => {
      let built = toolParams.get(tool);
      if (!built) {
        [built] = buildTools([tool], options.toolJsonSchema);
        toolParams.set(tool, built);
      }
      return built;
    });
  const services = options.services ?? registry;
  const routers = new WeakMap<AnyToolDef[], { router: AnyToolDef; names: Set<string> } | null>();
  const routingFor = (tools: AnyToolDef[]) => {
    let r = routers.get(tools);
    if (r === undefined) {
      const serviceTools = options.routeTools === false ? [] : serviceToolsOf(tools, services);
      r =
        serviceTools.length > 1
          ? { router: routerTool(serviceTools), names: new Set(serviceTools.map((t) => t.name)) }
          : null;
      routers.set(tools, r);
    }
    return r;
  };

  /** One chat-completions request, answered from the cache when it holds the same request. */
  const complete = async (body: ChatCompletionCreateParamsNonStreaming): Promise<CompletionView> => {
    const key = options.cache ? completionCacheKey(body) : '';
    const cached = options.cache ? await options.cache.get(key) : undefined;
    if (cached !== undefined && cached !== null) return readCompletion(cached);
    const { OpenAI: SDK, client } = await load();
    let raw: unknown;
    try {
      raw = await client.chat.completions.create(body);
    } catch (err) {
      throw toEngineUnavailable(err, SDK);
    }
    const completion = readCompletion(raw);
    // only usable completions are worth replaying
    if (options.cache) await options.cache.set(key, raw);
    return completion;
  };

  return {
    name: 'openai',
    model: options.model,
    async decide(input: EngineInput): Promise<EngineDecision> {
      const messages = buildMessages(input, options.systemPrompt);
      const routing = input.tools.length ? routingFor(input.tools) : null;
      const saved = routing ? savedOpenTool(input, routing.names) : null;
      let open = routing ? openToolFor(input, services, routing.names) : null;
      const usage = { promptTokens: 0, completionTokens: 0 };
      let reported = false;
      for (let hop = 0; ; hop++) {
        const body: ChatCompletionCreateParamsNonStreaming = { model: options.model, messages };
        if (input.tools.length) {
          const sent = routing
            ? routedTools(input.tools, { open, router: routing.router }, routing.names)
            : input.tools;
          body.tools = toolsFor(sent);
          if (options.parallelToolCalls !== null)
            body.parallel_tool_calls = options.parallelToolCalls ?? false;
        }
        if (options.temperature !== undefined) body.temperature = options.temperature;
        const completion = await complete(body);
        if (completion.usage) {
          reported = true;
          usage.promptTokens += completion.usage.prompt_tokens;
          usage.completionTokens += completion.usage.completion_tokens;
        }
        const routerCall = routing
          ? completion.choices[0].message.tool_calls?.find((c) => c.function.name === ROUTER_TOOL)
          : undefined;
        if (!routing || !routerCall) {
          const decision = toDecision(completion, options.model, input.toolCalls.length);
          if (reported) decision.usage = usage;
          if (!routing) return decision;
          // a service tool the model calls is the open form from now on, opened or not
          const stillOpen = decision.toolCalls?.findLast((c) => routing.names.has(c.name))?.name ?? open;
          const state: RoutingState | undefined = stillOpen
            ? { openTool: stillOpen, at: input.now.getTime() }
            : undefined;
          return {
            ...decision,
            ...(state ? { engineState: state } : {}),
            // the conversation turned to a service: its record names it
            ...(stillOpen && stillOpen !== saved ? { intent: stillOpen } : {}),
          };
        }
        // The model opened a form: answer it here and ask again with that tool in the request.
        if (hop >= MAX_ROUTER_HOPS) throw new EngineUnavailableError('model kept opening services', 'loop');
        const id = routerCall.id || `route_${hop}`;
        const args =
          typeof routerCall.function.arguments === 'string'
            ? routerCall.function.arguments
            : JSON.stringify(routerCall.function.arguments ?? {});
        const answer = answerRouterCall(args, routing.names);
        if (answer.open) open = answer.open;
        messages.push(
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id, type: 'function', function: { name: ROUTER_TOOL, arguments: args } }],
          },
          { role: 'tool', tool_call_id: id, content: answer.content },
        );
      }
    },
  };
}

// a model that opens one service, then corrects itself once, has had its chances
const MAX_ROUTER_HOPS = 2;

function toDecision(completion: CompletionView, model: string, earlierCalls: number): EngineDecision {
  const message = completion.choices[0].message;
  const usage = completion.usage
    ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
    : undefined;
  const meta = { model: completion.model || model, engineState: undefined, ...(usage ? { usage } : {}) };
  const calls = message.tool_calls ?? [];
  if (calls.length) {
    const toolCalls: ToolCallRequest[] = calls.map((c, i) => ({
      // some servers omit ids; derived ones stay stable so replayed requests hash the same
      id: c.id || `call_${earlierCalls + i}`,
      name: c.function.name,
      arguments:
        typeof c.function.arguments === 'string'
          ? c.function.arguments
          : JSON.stringify(c.function.arguments ?? {}),
    }));
    return { toolCalls, ...meta };
  }
  const content = stripThinking(message.content ?? '');
  if (!content)
    throw new EngineUnavailableError('model returned neither text nor a tool call', 'bad_response');
  return { reply: text(content), ...meta };
}

// reasoning models served through compatible servers (Qwen, DeepSeek) may inline their thoughts
function stripThinking(content: string): string {
  return content.replace(/<think>[\s\S]*?<\/think>/g, '').trim();
}
