import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxWorker } from '../outbox/outbox-worker.js';
import {
  type FakeGraphReply,
  type FakeGraphServer,
  graphReplies,
  startFakeGraphServer,
} from '../testing/fake-graph-server.js';
import { createGraphSender } from '../whatsapp/graph-sender.js';
import { createHarness } from './harness.js';

const BASE_DELAY = 20;
const CITIZENS = ['919811100001', '919811100002', '919811100003'];

let fake: FakeGraphServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

interface OutRow {
  id: number;
  wa_id: string;
  send_status: string;
  attempts: number;
  wamid: string | null;
  last_error: string | null;
}

/**
 * Citizens write through the real pipeline (offline engine); their replies wait in the
 * outbox; a Graph sender against the scripted fake then drains it with real timers.
 */
async function run(failFirst: number, failure: FakeGraphReply, timeoutMs = 2_000) {
  // A citizen's replies go strictly one after another, so "failures since this citizen's
  // last success" counts the attempts of the message being sent.
  const failures = new Map<string, number>();
  fake = await startFakeGraphServer({
    accessToken: 'tok',
    behaviour: ({ to }) => {
      const n = failures.get(to) ?? 0;
      if (n < failFirst) {
        failures.set(to, n + 1);
        return failure;
      }
      failures.set(to, 0);
      return graphReplies.ok;
    },
  });
  const h = createHarness({ settings: { simulated: false } });
  for (const waId of CITIZENS) {
    await h.say(waId, 'namaste');
    await h.say(waId, 'mujhe janm praman patra chahiye');
  }
  const worker = createOutboxWorker({
    db: h.db,
    send: createGraphSender({ apiUrl: fake.url, phoneNumberId: '1065', accessToken: 'tok', timeoutMs }),
    now: () => Date.now(),
    logger: pino({ level: 'silent' }),
    baseDelayMs: BASE_DELAY,
    random: () => 1,
    ratePerSecond: 10_000,
    pollMs: 10,
  });
  const pending = h.db.$client.prepare(
    `select count(*) as n from messages where direction = 'out' and send_status in ('queued', 'sending')`,
  );
  worker.start();
  while ((pending.get() as { n: number }).n > 0) await new Promise((r) => setTimeout(r, 10));
  await worker.stop();
  const rows = h.db.$client
    .prepare(
      `select id, wa_id, send_status, attempts, wamid, last_error from messages where direction = 'out' order by id`,
    )
    .all() as OutRow[];
  return { rows, fake };
}

/** Each reply reached Graph exactly once with success, in the citizen's order, after `tries` attempts. */
function expectDeliveredOnce(rows: OutRow[], f: FakeGraphServer, tries: number) {
  expect(rows.length).toBeGreaterThanOrEqual(CITIZENS.length * 2);
  expect(rows.map((r) => [r.send_status, r.attempts])).toEqual(rows.map(() => ['sent', tries]));
  const delivered = f.delivered();
  expect(delivered.length).toBe(rows.length);
  expect(new Set(delivered.map((d) => d.wamid))).toEqual(new Set(rows.map((r) => r.wamid)));
  for (const waId of CITIZENS) {
    const mine = rows.filter((r) => r.wa_id === waId).map((r) => r.wamid);
    expect(delivered.filter((d) => d.to === waId).map((d) => d.wamid)).toEqual(mine);
  }
}

/** Between attempts of one send the worker waited at least base · 2^(n-1) (jitter pinned to 1). */
function expectBackoff(f: FakeGraphServer, tries: number) {
  const to = f.requests[0].to;
  const times = f.requests
    .filter((r) => r.to === to)
    .map((r) => r.at)
    .slice(0, tries);
  for (let i = 1; i < times.length; i++) {
    expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(BASE_DELAY * 2 ** (i - 1) - 1);
  }
}

describe('Graph API failures through the pipeline and the outbox', () => {
  it.each([
    ['a 500 from Graph', graphReplies.serverError],
    ['a 502 without a Graph error body', graphReplies.badGateway],
    ['throughput error 130429', graphReplies.throughput],
    ['pair rate limit 131056', graphReplies.pairRateLimit],
    ['HTTP 429 (code 80007)', graphReplies.tooManyRequests],
  ])('retries %s with backoff and sends each reply once', async (_name, failure) => {
    const { rows, fake: f } = await run(2, failure);
    expectDeliveredOnce(rows, f, 3);
    expect(f.requests.length).toBe(rows.length * 3);
    expectBackoff(f, 3);
  });

  it('retries a send that timed out (no answer from Graph) and sends each reply once', async () => {
    const { rows, fake: f } = await run(1, graphReplies.hang, 400);
    expectDeliveredOnce(rows, f, 2);
    expect(f.requests.filter((r) => r.status === 0).length).toBe(rows.length);
  });

  it('marks a permanent failure on the message for staff and does not retry it', async () => {
    const { rows, fake: f } = await run(99, graphReplies.undeliverable);
    expect(rows.map((r) => [r.send_status, r.attempts])).toEqual(rows.map(() => ['failed', 1]));
    for (const r of rows) expect(r.last_error).toContain('131026');
    expect(f.requests.length).toBe(rows.length);
    expect(f.delivered()).toEqual([]);
  });
});
