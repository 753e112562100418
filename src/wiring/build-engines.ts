import type { FeeSchedule } from '../../tools/fee-schedule.js';
import { toolJsonSchema } from '../../tools/tool-json-schema.js';
import type { Engine } from '../agent/engine.js';
import { createOfflineEngine } from '../agent/offline/offline-engine.js';
import { loadSystemPrompt } from '../agent/openai/load-prompt.js';
import { createOpenAIEngine } from '../agent/openai/openai-engine.js';
import type { Config } from '../config.js';
import type { Catalogue } from '../i18n/catalogue.js';

/** The configured engine and the embedded offline engine it falls back to (the same when ENGINE=offline). */
export function buildEngines(
  config: Config,
  catalogue: Catalogue,
  fees: FeeSchedule,
): { engine: Engine; offline: Engine } {
  // the tools' fee schedule: the offline engine words fees and cut-offs from the same one
  const offline = createOfflineEngine({ catalogue, fees });
  if (config.engine !== 'openai') return { engine: offline, offline };
  const engine = createOpenAIEngine({
    apiKey: config.openai.apiKey,
    baseUrl: config.openai.baseUrl,
    model: config.openai.model,
    timeoutMs: config.openai.timeoutMs,
    maxRetries: config.openai.maxRetries,
    systemPrompt: loadSystemPrompt({ variant: config.promptVariant }),
    toolJsonSchema,
  });
  return { engine, offline };
}
