import { encode } from 'gpt-tokenizer';
import { loadSystemPrompt, renderSystemPrompt } from '../src/agent/openai/load-prompt.js';
import { allTools } from '../tools/index.js';
import { openAiTool } from '../tools/tool-json-schema.js';

/**
 * Tokens the model reads before the conversation starts: the rendered system prompt and
 * the tool definitions as sent in `tools` (o200k encoding, gpt-4o's; other models differ
 * by a few percent). The JSON text of the tools is a close proxy for how providers count them.
 */
export function benchPromptSize({ variant = 'default' }: { variant?: string } = {}) {
  const system = renderSystemPrompt(loadSystemPrompt({ variant }), {
    lang: 'hinglish',
    today: new Date(),
    pending: null,
  });
  const tools = allTools.map(openAiTool);
  const systemTokens = encode(system).length;
  const perTool = Object.fromEntries(tools.map((t) => [t.function.name, encode(JSON.stringify(t)).length]));
  const toolTokens = encode(JSON.stringify(tools)).length;
  return {
    variant,
    systemPromptTokens: systemTokens,
    toolSchemaTokens: toolTokens,
    perTool,
    totalTokens: systemTokens + toolTokens,
    target: 1_500,
    met: systemTokens + toolTokens < 1_500,
  };
}
