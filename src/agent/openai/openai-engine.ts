import type OpenAI from 'openai';
import type {
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionTool,
} from 'openai/resources/chat/completions';
import type { AnyToolDef } from '../../../tools/tool.js';
import { text } from '../../whatsapp/outbound-builders.js';
import type { Engine, EngineDecision, EngineInput, ToolCallRequest } from '../engine.js';
import { EngineUnavailableError } from '../engine.js';
import { buildMessages, buildTools } from './build-messages.js';
import { type CompletionCache, completionCacheKey } from './completion-cache.js';
import { type CompletionView, readCompletion, toEngineUnavailable } from './read-completion.js';

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
}

/**
 * The `openai` engine: one chat-completions request per `decide()`, stateless between calls.
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
  // tool lists are built once per registry, not once per turn
  const toolParams = new WeakMap<AnyToolDef[], ChatCompletionTool[]>();
  const toolsFor = (tools: AnyToolDef[]) => {
    let built = toolParams.get(tools);
    if (!built) {
      built = buildTools(tools, options.toolJsonSchema);
      toolParams.set(tools, built);
    }
    return built;
  };

  return {
    name: 'openai',
    model: options.model,
    async decide(input: EngineInput): Promise<EngineDecision> {
      const body: ChatCompletionCreateParamsNonStreaming = {
        model: options.model,
        messages: buildMessages(input, options.systemPrompt),
      };
      if (input.tools.length) {
        body.tools = toolsFor(input.tools);
        if (options.parallelToolCalls !== null) body.parallel_tool_calls = options.parallelToolCalls ?? false;
      }
      if (options.temperature !== undefined) body.temperature = options.temperature;

      const key = options.cache ? completionCacheKey(body) : '';
      let raw = options.cache ? await options.cache.get(key) : undefined;
      if (raw === undefined || raw === null) {
        const { OpenAI: SDK, client } = await load();
        try {
          raw = await client.chat.completions.create(body);
        } catch (err) {
          throw toEngineUnavailable(err, SDK);
        }
        const completion = readCompletion(raw);
        const decision = toDecision(completion, options.model, input.toolCalls.length);
        // only usable completions are worth replaying
        if (options.cache) await options.cache.set(key, raw);
        return decision;
      }
      return toDecision(readCompletion(raw), options.model, input.toolCalls.length);
    },
  };
}

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
