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
  const prompt = loadSystemPrompt({ variant });
  const system = renderSystemPrompt(prompt, { lang: 'hinglish', today: new Date(), pending: null });
  // the turn that answers a confirmation summary carries the pending call in the prompt too
  const withPending = renderSystemPrompt(prompt, {
    lang: 'hinglish',
    today: new Date(),
    pending: {
      tool: 'apply_birth_certificate',
      args: {
        childName: 'Priya',
        sex: 'female',
        dateOfBirth: '2026-11-20',
        placeOfBirthType: 'hospital',
        placeOfBirth: 'District Hospital Sitapur',
        motherName: 'Rekha Devi',
        fatherName: 'Suresh Kumar',
        address: 'Ward 4, Sitapur',
        district: 'Sitapur',
        pinCode: '261001',
        informantName: null,
      },
      inboundId: 1,
      createdAt: Date.now(),
    },
  });
  const tools = allTools.map(openAiTool);
  const systemTokens = encode(system).length;
  const perTool = Object.fromEntries(tools.map((t) => [t.function.name, encode(JSON.stringify(t)).length]));
  const toolTokens = encode(JSON.stringify(tools)).length;
  const pendingTokens = encode(withPending).length;
  return {
    variant,
    systemPromptTokens: systemTokens,
    toolSchemaTokens: toolTokens,
    perTool,
    totalTokens: systemTokens + toolTokens,
    /** the same with a confirmation pending (the pending call rendered into the prompt) */
    withPendingConfirmation: {
      systemPromptTokens: pendingTokens,
      totalTokens: pendingTokens + toolTokens,
    },
    target: 1_500,
    met: Math.max(systemTokens, pendingTokens) + toolTokens < 1_500,
  };
}
