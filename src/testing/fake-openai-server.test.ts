import { afterEach, describe, expect, it } from 'vitest';
import { type FakeOpenAIServer, lastUserText, startFakeOpenAIServer } from './fake-openai-server.js';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chat = (url: string, messages: unknown[] = [{ role: 'user', content: 'hello' }]) =>
  fetch(`${url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'm', messages }),
  });

describe('fake OpenAI server', () => {
  it('replays a script, then asks the handler, recording every request', async () => {
    server = await startFakeOpenAIServer({
      script: [
        { delayMs: 1 },
        { toolCall: { name: 'check_status', arguments: { reference: null }, id: 'c9' } },
      ],
      handler: (body) => ({ reply: `echo: ${lastUserText(body)}` }),
    });
    const first = await (await chat(server.url)).json();
    expect(first).toEqual({
      id: 'chatcmpl-fake-1',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'm',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: null,
            refusal: null,
            tool_calls: [
              {
                id: 'c9',
                type: 'function',
                function: { name: 'check_status', arguments: '{"reference":null}' },
              },
            ],
          },
          logprobs: null,
          finish_reason: 'tool_calls',
        },
      ],
      usage: {
        prompt_tokens: expect.any(Number),
        completion_tokens: expect.any(Number),
        total_tokens: expect.any(Number),
      },
    });
    const second = await (await chat(server.url, [{ role: 'user', content: 'नमस्ते' }])).json();
    expect(second.choices[0].message.content).toBe('echo: नमस्ते');
    expect(second.choices[0].finish_reason).toBe('stop');
    expect(server.requests).toEqual([
      { model: 'm', messages: [{ role: 'user', content: 'hello' }] },
      { model: 'm', messages: [{ role: 'user', content: 'नमस्ते' }] },
    ]);
    expect(server.requestCount).toBe(2);
  });

  it('answers errors with their status and a 400 when nothing is scripted', async () => {
    server = await startFakeOpenAIServer({ script: [{ status: 503, retryAfterMs: 5 }] });
    const failed = await chat(server.url);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after-ms')).toBe('5');
    expect((await failed.json()).error.message).toBe('fake error 503');
    const empty = await chat(server.url);
    expect(empty.status).toBe(400);
    await empty.body?.cancel();
  });

  it('counts without keeping bodies when recording is off', async () => {
    server = await startFakeOpenAIServer({ recordRequests: false, handler: () => ({ reply: 'ok' }) });
    await (await chat(server.url)).json();
    await (await chat(server.url)).json();
    expect(server.requests).toEqual([]);
    expect(server.requestCount).toBe(2);
  });

  it('sends a malformed body when asked', async () => {
    server = await startFakeOpenAIServer();
    server.push({ malformed: true });
    const res = await chat(server.url);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('switches handlers and closes even while a request hangs', async () => {
    server = await startFakeOpenAIServer();
    let arrived!: () => void;
    const arrival = new Promise<void>((r) => {
      arrived = r;
    });
    server.setHandler(() => {
      arrived();
      return { hang: true };
    });
    const hung = chat(server.url).catch((e: unknown) => e);
    await arrival;
    expect(server.requests).toHaveLength(1);
    await server.close();
    expect(await hung).toBeInstanceOf(Error);
    server = undefined;
  });
});
