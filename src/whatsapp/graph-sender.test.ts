import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGraphServer, graphReplies, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { createGraphSender, GraphApiError } from './graph-sender.js';

let fake: FakeGraphServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(timeoutMs = 2000) {
  fake = await startFakeGraphServer({ accessToken: 'token-1' });
  const sender = createGraphSender({
    apiUrl: fake.url,
    phoneNumberId: '106540352242922',
    accessToken: 'token-1',
    timeoutMs,
  });
  return { fake, sender };
}

async function failure(p: Promise<unknown>): Promise<GraphApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof GraphApiError)) throw new Error(`expected a GraphApiError, got ${String(err)}`);
  return err;
}

describe('createGraphSender against the fake Graph API', () => {
  it('posts the Cloud API body with the bearer token and returns the wamid', async () => {
    const { fake, sender } = await setup();
    expect(await sender.send('919812345678', { kind: 'text', text: 'hello' })).toEqual({
      wamid: 'wamid.FAKE00000001',
    });
    expect(fake.requests.map(({ to, body, status, wamid }) => ({ to, body, status, wamid }))).toEqual([
      {
        to: '919812345678',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '919812345678',
          type: 'text',
          text: { body: 'hello', preview_url: false },
        },
        status: 200,
        wamid: 'wamid.FAKE00000001',
      },
    ]);
  });

  it('sends the same through an injected fetch', async () => {
    const { fake } = await setup();
    const sender = createGraphSender({
      apiUrl: fake.url,
      phoneNumberId: '106540352242922',
      accessToken: 'token-1',
      timeoutMs: 2000,
      fetch: globalThis.fetch,
    });
    expect(await sender.send('919812345678', { kind: 'text', text: 'hello' })).toEqual({
      wamid: 'wamid.FAKE00000001',
    });
    fake.setBehaviour(() => graphReplies.throughput);
    const err = await failure(sender.send('919812345678', { kind: 'text', text: 'hello' }));
    expect({ status: err.status, code: err.code, retryable: err.retryable }).toEqual({
      status: 400,
      code: 130429,
      retryable: true,
    });
  });

  it('a wrong token is a permanent 401', async () => {
    const { fake } = await setup();
    const sender = createGraphSender({
      apiUrl: fake.url,
      phoneNumberId: '1',
      accessToken: 'nope',
      timeoutMs: 2000,
    });
    const err = await failure(sender.send('91', { kind: 'text', text: 'x' }));
    expect({ status: err.status, code: err.code, retryable: err.retryable }).toEqual({
      status: 401,
      code: 190,
      retryable: false,
    });
  });

  it.each([
    ['serverError', 500, 131000, true],
    ['badGateway', 502, 502, true],
    ['throughput', 400, 130429, true],
    ['tooManyRequests', 429, 80007, true],
    ['pairRateLimit', 400, 131056, true],
    ['reengagement', 400, 131047, false],
    ['undeliverable', 400, 131026, false],
    ['invalidParameter', 400, 100, false],
  ] as const)('%s → status %i, code %i, retryable %s', async (name, status, code, retryable) => {
    const { fake, sender } = await setup();
    fake.setBehaviour(() => graphReplies[name]);
    const err = await failure(sender.send('91', { kind: 'text', text: 'x' }));
    expect({ status: err.status, code: err.code, retryable: err.retryable }).toEqual({
      status,
      code,
      retryable,
    });
  });

  it('keeps Meta’s details in the message', async () => {
    const { fake, sender } = await setup();
    fake.setBehaviour(() => graphReplies.reengagement);
    const err = await failure(sender.send('91', { kind: 'text', text: 'x' }));
    expect(err.message).toBe(
      '(#131047) Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    );
  });

  it('a hanging request times out as a retryable network failure', async () => {
    const { fake, sender } = await setup(50);
    fake.setBehaviour(() => graphReplies.hang);
    const err = await failure(sender.send('91', { kind: 'text', text: 'x' }));
    expect({ status: err.status, retryable: err.retryable, message: err.message }).toEqual({
      status: 0,
      retryable: true,
      message: 'Graph API timed out after 50 ms',
    });
  });

  it('an unreachable server is a retryable network failure', async () => {
    const { fake } = await setup();
    const url = fake.url;
    await fake.close();
    const sender = createGraphSender({
      apiUrl: url,
      phoneNumberId: '1',
      accessToken: 'token-1',
      timeoutMs: 2000,
    });
    const err = await failure(sender.send('91', { kind: 'text', text: 'x' }));
    expect({ status: err.status, retryable: err.retryable }).toEqual({ status: 0, retryable: true });
  });

  it('a 200 without a message id is not retried (Graph may have sent it)', async () => {
    const sender = createGraphSender({
      apiUrl: 'http://graph.invalid',
      phoneNumberId: '1',
      accessToken: 't',
      timeoutMs: 100,
      fetch: async () => new Response('{"messages":[]}', { status: 200 }),
    });
    const err = await failure(sender.send('91', { kind: 'text', text: 'x' }));
    expect({ status: err.status, retryable: err.retryable }).toEqual({ status: 200, retryable: false });
  });
});
