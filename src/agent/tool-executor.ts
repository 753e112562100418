import { z } from 'zod';
import type { AnyToolDef, ToolContext, ToolResult } from '../../tools/tool.js';
import { canonicalJson } from './canonical-json.js';
import type { PendingAction, ToolCallRecord, ToolCallRequest } from './engine.js';

export interface ExecuteOptions {
  tools: AnyToolDef[];
  ctx: ToolContext;
  pending: PendingAction | null;
  /** the runtime's own reading of this message: did the citizen say yes to the summary? */
  citizenConfirmed: boolean;
  onError: (err: unknown, call: ToolCallRequest) => void;
}

export type Execution =
  | { record: ToolCallRecord; kind: 'done'; result: ToolResult }
  | { record: ToolCallRecord; kind: 'needs_confirmation'; pending: PendingAction; summary: string }
  | { record: ToolCallRecord; kind: 'rejected' };

/**
 * Validates one tool call against its zod schema and runs it, or holds it for confirmation.
 * A tool that creates a record runs only when the same arguments were summarised in the
 * previous turn and the citizen's reply to that summary is a yes.
 */
export async function executeToolCall(call: ToolCallRequest, o: ExecuteOptions): Promise<Execution> {
  const base = { id: call.id, name: call.name, arguments: call.arguments };
  const tool = o.tools.find((t) => t.name === call.name);
  if (!tool) {
    const result = {
      ok: false,
      error: {
        code: 'unknown_tool',
        message: `No tool "${call.name}". Available: ${o.tools.map((t) => t.name).join(', ')}`,
      },
    };
    return { kind: 'rejected', record: { ...base, status: 'unknown_tool', result } };
  }
  let raw: unknown;
  try {
    raw = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
  } catch {
    return invalid(base, 'arguments are not valid JSON');
  }
  const parsed = tool.schema.safeParse(raw);
  if (!parsed.success) return invalid(base, z.prettifyError(parsed.error));
  const args = parsed.data as Record<string, unknown>;
  const withArgs = { ...base, parsedArguments: args };

  if (tool.requiresConfirmation) {
    const confirmedNow =
      o.citizenConfirmed &&
      o.pending !== null &&
      o.pending.tool === tool.name &&
      o.pending.inboundId < o.ctx.inboundId &&
      canonicalJson(o.pending.args) === canonicalJson(args);
    if (!confirmedNow) {
      const pre = (await tool.precheck?.(args, o.ctx)) ?? null;
      if (pre && !pre.ok)
        return { kind: 'done', result: pre, record: { ...withArgs, status: 'error', result: pre } };
      const summary = tool.summarize ? await tool.summarize(args, o.ctx.lang, o.ctx) : canonicalJson(args);
      const pending: PendingAction = {
        tool: tool.name,
        args,
        inboundId: o.ctx.inboundId,
        createdAt: o.ctx.now.getTime(),
      };
      const result = {
        status: 'confirmation_required',
        message:
          'The runtime showed the citizen a summary with Yes/Change/Cancel buttons. Stop here and wait for their answer.',
      };
      return {
        kind: 'needs_confirmation',
        pending,
        summary,
        record: { ...withArgs, status: 'confirmation_required', result },
      };
    }
  } else {
    const pre = (await tool.precheck?.(args, o.ctx)) ?? null;
    if (pre && !pre.ok)
      return { kind: 'done', result: pre, record: { ...withArgs, status: 'error', result: pre } };
  }

  let result: ToolResult;
  try {
    result = await tool.run(args, o.ctx);
  } catch (err) {
    o.onError(err, call);
    result = {
      ok: false,
      error: { code: 'internal_error', message: 'The tool failed unexpectedly; nothing was saved.' },
    };
  }
  // the engine sees the data, not the outbound messages the tool asked the runtime to send
  const { messages: _sent, ...forEngine } = result as ToolResult & { messages?: unknown };
  return {
    kind: 'done',
    result,
    record: { ...withArgs, status: result.ok ? 'ok' : 'error', result: forEngine },
  };
}

function invalid(base: ToolCallRequest, validationError: string): Execution {
  return {
    kind: 'rejected',
    record: {
      ...base,
      status: 'invalid',
      validationError,
      result: { ok: false, error: { code: 'invalid_arguments', message: validationError } },
    },
  };
}
