import type { ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions';
import type { AnyToolDef } from '../../../tools/tool.js';
import type { InboundEvent } from '../../whatsapp/inbound-event.js';
import { plainText } from '../../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../../whatsapp/outbound-message.js';
import type { EngineInput, ToolCallRecord } from '../engine.js';
import { renderSystemPrompt } from './load-prompt.js';

/** The citizen's message as the model reads it: buttons by their title, media as a bracketed note. */
export function inboundText(e: InboundEvent): string {
  switch (e.kind) {
    case 'text':
      return e.text;
    case 'button':
      return e.title;
    case 'list':
      return e.description ? `${e.title} (${e.description})` : e.title;
    case 'image':
      return e.caption ? `[photo attached: ${e.caption}]` : '[photo attached]';
    case 'document':
      return e.caption ? `[document attached: ${e.caption}]` : '[document attached]';
    case 'audio':
      return e.transcript ?? '[voice message]';
    case 'location':
      return `[location shared: ${[e.name, e.address].filter(Boolean).join(', ') || `${e.latitude}, ${e.longitude}`}]`;
    case 'unsupported':
      return `[unsupported message: ${e.type}]`;
  }
}

/**
 * What a tool call came to, as the model reads it. Messages the tool sent to the citizen
 * itself (a QR image) are reduced to their text so the model knows not to repeat them.
 */
export function toolResultContent(call: ToolCallRecord): string {
  if (call.validationError !== undefined) {
    return JSON.stringify({ status: call.status, error: call.validationError });
  }
  const result = call.result;
  if (result && typeof result === 'object' && Array.isArray((result as { messages?: unknown }).messages)) {
    const { messages, ...rest } = result as { messages: OutboundMessage[] };
    return JSON.stringify({ status: call.status, ...rest, sentToCitizen: messages.map(plainText) });
  }
  if (result && typeof result === 'object' && !Array.isArray(result)) {
    return JSON.stringify({ status: call.status, ...result });
  }
  return JSON.stringify({ status: call.status, result: result ?? null });
}

/** system · history · this inbound · this turn's tool calls, each answered by its result. */
export function buildMessages(input: EngineInput, systemTemplate: string): ChatCompletionMessageParam[] {
  const messages: ChatCompletionMessageParam[] = [
    {
      role: 'system',
      content: renderSystemPrompt(systemTemplate, {
        lang: input.lang,
        today: input.now,
        pending: input.pending,
      }),
    },
  ];
  for (const h of input.history) {
    if (h.text.trim()) messages.push({ role: h.role, content: h.text });
  }
  messages.push({ role: 'user', content: inboundText(input.inbound) });
  // One assistant message per call keeps every tool_call_id answered right after it was
  // asked, which every OpenAI-compatible server accepts.
  for (const call of input.toolCalls) {
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } },
      ],
    });
    messages.push({ role: 'tool', tool_call_id: call.id, content: toolResultContent(call) });
  }
  return messages;
}

/** The `tools` parameter: strict function tools whose schema comes from each tool's zod schema. */
export function buildTools(
  tools: AnyToolDef[],
  toolJsonSchema: (tool: AnyToolDef) => object,
): ChatCompletionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: {
      name: tool.name,
      description: tool.description,
      parameters: toolJsonSchema(tool) as Record<string, unknown>,
      strict: true,
    },
  }));
}
