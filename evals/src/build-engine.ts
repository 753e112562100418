import type { Engine } from '../../src/agent/engine.js';
import { createOfflineEngine } from '../../src/agent/offline/offline-engine.js';
import type { CompletionCache } from '../../src/agent/openai/completion-cache.js';
import { loadSystemPrompt } from '../../src/agent/openai/load-prompt.js';
import { createOpenAIEngine } from '../../src/agent/openai/openai-engine.js';
import type { Catalogue } from '../../src/i18n/catalogue.js';
import { toolJsonSchema } from '../../tools/tool-json-schema.js';
import type { Variant } from './types.js';

export interface LlmSettings {
  apiKey?: string;
  baseUrl?: string;
  /** model when the variant names none */
  model: string;
  timeoutMs: number;
  maxRetries: number;
}

/** The engine a variant describes; openai variants share the response cache when one is given. */
export function buildEngine(
  variant: Variant,
  deps: { catalogue: Catalogue; llm: LlmSettings; cache?: CompletionCache },
): Engine {
  if (variant.engine === 'offline') return createOfflineEngine({ catalogue: deps.catalogue });
  return createOpenAIEngine({
    apiKey: deps.llm.apiKey,
    baseUrl: variant.baseUrl ?? deps.llm.baseUrl,
    model: variant.model ?? deps.llm.model,
    timeoutMs: deps.llm.timeoutMs,
    maxRetries: deps.llm.maxRetries,
    systemPrompt: loadSystemPrompt({ variant: variant.prompt ?? 'default' }),
    toolJsonSchema,
    ...(deps.cache ? { cache: deps.cache } : {}),
  });
}
