import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A scripted tool call; `arguments` as an object is JSON-encoded, a string is sent verbatim (malformed JSON too). */
export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown> | string;
  id?: string;
}

/**
 * One answer of the fake model. `delayMs` may accompany any step; a step with only
 * `delayMs` waits and then answers with the next step of the queue (or the handler).
 */
export type FakeStep = (
  | { toolCall: FakeToolCall; content?: string }
  | { toolCalls: FakeToolCall[]; content?: string }
  | { reply: string; finishReason?: string }
  | { status: number; body?: unknown; retryAfterMs?: number }
  | { hang: true }
  | { malformed: true }
  /** any JSON (or a string, sent verbatim) as a 200 body: empty choices, missing fields… */
  | { raw: unknown }
  | { delayMs: number }
) & { delayMs?: number; usage?: { prompt_tokens: number; completion_tokens: number }; model?: string };

export type FakeHandler = (
  body: FakeRequestBody,
  meta: { index: number; headers: IncomingMessage['headers'] },
) => FakeStep | Promise<FakeStep>;

/** The parts of a chat-completions request a handler usually looks at; the rest is kept as sent. */
export interface FakeRequestBody {
  model?: string;
  messages?: { role: string; content?: unknown; tool_calls?: unknown[]; tool_call_id?: string }[];
  tools?: {
    type: string;
    function: { name: string; description?: string; parameters?: unknown; strict?: boolean };
  }[];
  [key: string]: unknown;
}

export interface FakeOpenAIServer {
  /** base URL ending in /v1, for `baseURL` of the OpenAI SDK */
  url: string;
  port: number;
  /** every chat-completions request body received, in order (also those that hung or failed) */
  requests: FakeRequestBody[];
  /** chat-completions requests received, also when `recordRequests` is off */
  readonly requestCount: number;
  push(...steps: FakeStep[]): void;
  setHandler(fn: FakeHandler | undefined): void;
  close(): Promise<void>;
}

export interface FakeOpenAIServerOptions {
  script?: FakeStep[];
  /** added to every answer, e.g. 300 to model a slow provider */
  latencyMs?: number;
  /** answers when the script is empty; without one an empty script answers 400 */
  handler?: FakeHandler;
  /** the model named in responses; by default the one the request asked for */
  model?: string;
  /** false keeps `requests` empty, for long benchmark runs; `requestCount` still counts */
  recordRequests?: boolean;
}

/**
 * A local OpenAI-compatible chat-completions server (non-streaming) that replays a script
 * or asks a handler, so the openai engine, the eval runner and the benchmark run without a
 * real model. Listens on 127.0.0.1 on a free port.
 */
export async function startFakeOpenAIServer(
  options: FakeOpenAIServerOptions = {},
): Promise<FakeOpenAIServer> {
  const queue: FakeStep[] = [...(options.script ?? [])];
  let handler = options.handler;
  const requests: FakeRequestBody[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let seq = 0;
  let count = 0;

  const wait = (ms: number) =>
    ms > 0
      ? new Promise<void>((resolve) => {
          const t = setTimeout(() => {
            timers.delete(t);
            resolve();
          }, ms);
          timers.add(t);
        })
      : Promise.resolve();

  const nextStep = async (
    body: FakeRequestBody,
    index: number,
    req: IncomingMessage,
  ): Promise<FakeStep | null> => {
    const queued = queue.shift();
    if (queued) return queued;
    return handler ? handler(body, { index, headers: req.headers }) : null;
  };

  const answer = async (req: IncomingMessage, res: ServerResponse, body: FakeRequestBody) => {
    const index = count++;
    if (options.recordRequests !== false) requests.push(body);
    let step = await nextStep(body, index, req);
    let delay = options.latencyMs ?? 0;
    // a bare delay step joins the step after it
    while (step && Object.keys(step).length === 1 && 'delayMs' in step) {
      delay += step.delayMs ?? 0;
      step = await nextStep(body, index, req);
    }
    delay += step?.delayMs ?? 0;
    if (step && 'hang' in step) return; // the socket stays open until the client gives up or close()
    await wait(delay);
    if (!step)
      return sendJson(res, 400, errorBody('fake-openai-server: the script is empty and there is no handler'));
    if ('status' in step) {
      const headers: Record<string, string> =
        step.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(step.retryAfterMs) };
      return sendJson(res, step.status, step.body ?? errorBody(`fake error ${step.status}`), headers);
    }
    if ('malformed' in step) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end('{"id": "chatcmpl-broken", "choices": [{"message": ');
    }
    if ('raw' in step) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(typeof step.raw === 'string' ? step.raw : JSON.stringify(step.raw));
    }
    if (!('reply' in step || 'toolCall' in step || 'toolCalls' in step)) {
      return sendJson(res, 400, errorBody('fake-openai-server: a delay step with nothing after it'));
    }
    sendJson(res, 200, completion(step, body, ++seq, step.model ?? options.model));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method === 'GET' && path === '/v1/models') {
        return sendJson(res, 200, {
          object: 'list',
          data: [{ id: options.model ?? 'fake-model', object: 'model' }],
        });
      }
      if (req.method !== 'POST' || path !== '/v1/chat/completions') {
        return sendJson(res, 404, errorBody(`no route ${req.method} ${path}`));
      }
      let body: FakeRequestBody;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return sendJson(res, 400, errorBody('request body is not JSON'));
      }
      answer(req, res, body).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, errorBody(`fake handler failed: ${String(err)}`));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    get requestCount() {
      return count;
    },
    push: (...steps) => void queue.push(...steps),
    setHandler: (fn) => {
      handler = fn;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        // hung requests and keep-alive sockets would keep close() waiting forever
        server.closeAllConnections();
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function errorBody(message: string) {
  return { error: { message, type: 'fake_error', param: null, code: null } };
}

type AnswerStep = Extract<FakeStep, { toolCall: unknown } | { toolCalls: unknown } | { reply: unknown }>;

function completion(step: AnswerStep, body: FakeRequestBody, n: number, model?: string) {
  const calls = 'toolCall' in step ? [step.toolCall] : 'toolCalls' in step ? step.toolCalls : [];
  const toolCalls = calls.map((c, i) => ({
    id: c.id ?? `call_fake_${n}_${i}`,
    type: 'function' as const,
    function: {
      name: c.name,
      arguments: typeof c.arguments === 'string' ? c.arguments : JSON.stringify(c.arguments),
    },
  }));
  const content = 'reply' in step ? step.reply : (step.content ?? null);
  const promptTokens = roughTokens(JSON.stringify(body.messages ?? []) + JSON.stringify(body.tools ?? []));
  const completionTokens = roughTokens((content ?? '') + toolCalls.map((c) => c.function.arguments).join(''));
  const usage = step.usage ?? { prompt_tokens: promptTokens, completion_tokens: completionTokens };
  return {
    id: `chatcmpl-fake-${n}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: model ?? body.model ?? 'fake-model',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content,
          refusal: null,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls.length
          ? 'tool_calls'
          : 'reply' in step
            ? (step.finishReason ?? 'stop')
            : 'stop',
      },
    ],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

// deterministic and cheap; real token counts are not the point of a fake
function roughTokens(s: string): number {
  return Math.max(1, Math.ceil(s.length / 4));
}

/** The text of the last user message of a request: what an echo model answers. */
export function lastUserText(body: FakeRequestBody): string {
  const last = [...(body.messages ?? [])].reverse().find((m) => m.role === 'user');
  return typeof last?.content === 'string' ? last.content : '';
}
