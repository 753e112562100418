import { z } from 'zod';
import { EngineUnavailableError } from '../engine.js';

// Only what the engine reads; compatible servers add and omit fields freely.
const completionSchema = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string().nullish(),
                function: z.object({
                  name: z.string(),
                  arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish(),
                }),
              }),
            )
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).nullish(),
});

export type CompletionView = z.infer<typeof completionSchema>;

/** Checks the shape of a 200 body; a body the engine cannot use is the provider's failure. */
export function readCompletion(body: unknown): CompletionView {
  const parsed = completionSchema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? `${first.path.join('.') || 'body'}: ${first.message}` : 'unexpected shape';
    throw new EngineUnavailableError(`model response unusable (${where})`, 'bad_response');
  }
  return parsed.data;
}

/**
 * Maps what the SDK still throws after its own retries to the reasons the runtime records.
 * `OpenAI` is the SDK's class, passed in: the SDK is loaded only when the engine first runs.
 */
export function toEngineUnavailable(
  err: unknown,
  OpenAI: typeof import('openai').default,
): EngineUnavailableError {
  if (err instanceof EngineUnavailableError) return err;
  const cause = { cause: err };
  if (err instanceof OpenAI.APIConnectionTimeoutError)
    return new EngineUnavailableError('model request timed out', 'timeout', cause);
  if (err instanceof OpenAI.APIConnectionError) {
    return new EngineUnavailableError(`model unreachable: ${err.message}`, 'connection', cause);
  }
  if (err instanceof OpenAI.APIError) {
    const status = err.status;
    if (status === 429) return new EngineUnavailableError('model rate limited (429)', 'rate_limited', cause);
    if (status !== undefined && status >= 500) {
      return new EngineUnavailableError(`model server error (${status})`, 'server_error', cause);
    }
    // 400/401/404…: the provider refuses the request; no retry helps within this turn
    return new EngineUnavailableError(
      `model request rejected (${status ?? 'no status'}): ${err.message}`,
      'bad_response',
      cause,
    );
  }
  if (err instanceof SyntaxError || err instanceof OpenAI.OpenAIError) {
    return new EngineUnavailableError(`model response unreadable: ${err.message}`, 'bad_response', cause);
  }
  throw err;
}
