import { asc, eq } from 'drizzle-orm';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import { type FakeGraphServer, graphReplies, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { createGraphSender } from '../whatsapp/graph-sender.js';
import { enqueueOutbound } from './enqueue-outbound.js';
import { createOutboxWorker, type OutboxWorkerOptions } from './outbox-worker.js';

const NOW = 1_764_000_000_000;
const A = '919800000001';
const B = '919800000002';

let fake: FakeGraphServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(opts: Partial<OutboxWorkerOptions> & { timeoutMs?: number } = {}) {
  fake = await startFakeGraphServer();
  const db = openDatabase({ path: ':memory:' });
  const clock = { now: NOW };
  const worker = createOutboxWorker({
    db,
    send: createGraphSender({
      apiUrl: fake.url,
      phoneNumberId: '1065',
      accessToken: 't',
      timeoutMs: opts.timeoutMs ?? 2000,
    }),
    now: () => clock.now,
    logger: pino({ level: 'silent' }),
    baseDelayMs: 100,
    // jitter pinned to its maximum: delays are exactly base · 2^(attempt-1)
    random: () => 1,
    ratePerSecond: 10_000,
    ...opts,
  });
  return { db, fake, clock, worker };
}

const queue = (db: Db, waId: string, ...texts: string[]) =>
  enqueueOutbound(
    db,
    texts.map((text) => ({ kind: 'text', text })),
    { waId, simulated: false, now: NOW },
  );

const row = (db: Db, id: number) =>
  db
    .select({
      sendStatus: messages.sendStatus,
      wamid: messages.wamid,
      attempts: messages.attempts,
      nextAttemptAt: messages.nextAttemptAt,
      lastError: messages.lastError,
    })
    .from(messages)
    .where(eq(messages.id, id))
    .get();

const sentTexts = (f: FakeGraphServer) =>
  f.delivered().map((r) => `${r.to}:${(r.body as { text: { body: string } }).text.body}`);

describe('outbox worker against the fake Graph API', () => {
  it('sends a queued message and stores the wamid', async () => {
    const { db, fake, worker } = await setup();
    const [id] = queue(db, A, 'hello');
    expect(await worker.runOnce()).toBe(1);
    expect(row(db, id)).toEqual({
      sendStatus: 'sent',
      wamid: 'wamid.FAKE00000001',
      attempts: 1,
      nextAttemptAt: null,
      lastError: null,
    });
    expect(sentTexts(fake)).toEqual([`${A}:hello`]);
    expect(await worker.runOnce()).toBe(0);
  });

  it('retries after a 500 and delivers once', async () => {
    const { db, fake, clock, worker } = await setup();
    fake.setBehaviour(({ index }) => (index === 0 ? graphReplies.serverError : graphReplies.ok));
    const [id] = queue(db, A, 'hello');
    await worker.runOnce();
    expect(row(db, id)).toEqual({
      sendStatus: 'queued',
      wamid: null,
      attempts: 1,
      nextAttemptAt: NOW + 100,
      lastError: 'Graph 500 #131000: (#131000) Something went wrong',
    });
    expect(await worker.runOnce()).toBe(0); // not due yet
    clock.now = NOW + 100;
    expect(await worker.runOnce()).toBe(1);
    expect(row(db, id)).toEqual({
      sendStatus: 'sent',
      wamid: 'wamid.FAKE00000001',
      attempts: 2,
      nextAttemptAt: null,
      lastError: null,
    });
    expect([fake.requests.length, sentTexts(fake)]).toEqual([2, [`${A}:hello`]]);
  });

  it('backs off exponentially on 130429 throughput errors', async () => {
    const { db, fake, clock, worker } = await setup();
    fake.setBehaviour(({ index }) => (index < 3 ? graphReplies.throughput : graphReplies.ok));
    const [id] = queue(db, A, 'hello');
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await worker.runOnce();
      const r = row(db, id)!;
      delays.push(r.nextAttemptAt! - clock.now);
      clock.now = r.nextAttemptAt!;
    }
    await worker.runOnce();
    expect(delays).toEqual([100, 200, 400]);
    expect(row(db, id)).toMatchObject({ sendStatus: 'sent', attempts: 4 });
    expect(fake.delivered().length).toBe(1);
  });

  it('jitter keeps each delay between half and all of the exponential step', async () => {
    const { db, fake, worker } = await setup({ random: () => 0 });
    fake.setBehaviour(() => graphReplies.pairRateLimit);
    const [id] = queue(db, A, 'hello');
    await worker.runOnce();
    expect(row(db, id)).toMatchObject({ sendStatus: 'queued', nextAttemptAt: NOW + 50 });
  });

  it('marks a permanent failure (131047) failed, for staff, without retrying', async () => {
    const { db, fake, clock, worker } = await setup();
    fake.setBehaviour(() => graphReplies.reengagement);
    const [id] = queue(db, A, 'hello');
    await worker.runOnce();
    clock.now += 60_000;
    expect(await worker.runOnce()).toBe(0);
    expect(row(db, id)).toEqual({
      sendStatus: 'failed',
      wamid: null,
      attempts: 1,
      nextAttemptAt: null,
      lastError:
        'Graph 400 #131047: (#131047) Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
    expect(fake.requests.length).toBe(1);
  });

  it('gives up after maxAttempts retryable failures', async () => {
    const { db, fake, clock, worker } = await setup({ maxAttempts: 3 });
    fake.setBehaviour(() => graphReplies.badGateway);
    const [id] = queue(db, A, 'hello');
    for (let i = 0; i < 5; i++) {
      await worker.runOnce();
      clock.now += 10_000;
    }
    expect(row(db, id)).toMatchObject({
      sendStatus: 'failed',
      attempts: 3,
      lastError: 'Graph 502 #502: (#502) Bad Gateway',
    });
    expect(fake.requests.length).toBe(3);
  });

  it('retries a timed-out send', async () => {
    const { db, fake, clock, worker } = await setup({ timeoutMs: 50 });
    fake.setBehaviour(({ index }) => (index === 0 ? graphReplies.hang : graphReplies.ok));
    const [id] = queue(db, A, 'hello');
    await worker.runOnce();
    expect(row(db, id)).toMatchObject({
      sendStatus: 'queued',
      lastError: 'Graph network: Graph API timed out after 50 ms',
    });
    clock.now += 100;
    await worker.runOnce();
    expect(row(db, id)).toMatchObject({ sendStatus: 'sent', attempts: 2 });
  });

  it('keeps each citizen’s messages in order while others go ahead', async () => {
    const { db, fake, clock, worker } = await setup();
    fake.setBehaviour(({ index }) => (index === 0 ? graphReplies.serverError : graphReplies.ok));
    queue(db, A, 'a1', 'a2', 'a3');
    queue(db, B, 'b1', 'b2');
    expect(await worker.runOnce()).toBe(2); // a1 (fails) and b1
    expect(await worker.runOnce()).toBe(1); // b2; a2 waits behind a1
    expect(await worker.runOnce()).toBe(0);
    clock.now += 100;
    while ((await worker.runOnce()) > 0) {}
    expect(sentTexts(fake)).toEqual([`${B}:b1`, `${B}:b2`, `${A}:a1`, `${A}:a2`, `${A}:a3`]);
  });

  it('sends to different citizens in parallel up to the concurrency limit', async () => {
    const { db, worker } = await setup({ concurrency: 2 });
    for (const waId of ['911', '912', '913', '914', '915']) queue(db, waId, 'hi');
    expect([await worker.runOnce(), await worker.runOnce(), await worker.runOnce()]).toEqual([2, 2, 1]);
  });

  it('recovery re-queues only rows whose lease expired, and sends them first', async () => {
    const { db, fake, clock, worker } = await setup();
    const [leased, next] = queue(db, A, 'first', 'second');
    // another process (one still draining, or one just killed) leased 'first' for 15 s
    db.update(messages)
      .set({ sendStatus: 'sending', nextAttemptAt: NOW + 15_000 })
      .where(eq(messages.id, leased))
      .run();
    expect(await worker.runOnce()).toBe(0); // 'second' waits behind the row in flight
    clock.now += 5_000;
    expect(await worker.recoverInFlight()).toBe(0); // the lease still holds: it may be in flight
    expect(await worker.runOnce()).toBe(0);
    clock.now += 10_000;
    expect(await worker.recoverInFlight()).toBe(1);
    while ((await worker.runOnce()) > 0) {}
    expect([row(db, leased)?.sendStatus, row(db, next)?.sendStatus]).toEqual(['sent', 'sent']);
    expect(sentTexts(fake)).toEqual([`${A}:first`, `${A}:second`]);
  });

  it('takes over a row whose lease expired without waiting for a restart', async () => {
    const { db, fake, clock, worker } = await setup({ leaseMs: 1_000 });
    const [leased] = queue(db, A, 'first');
    db.update(messages)
      .set({ sendStatus: 'sending', nextAttemptAt: NOW + 1_000 })
      .where(eq(messages.id, leased))
      .run();
    expect(await worker.runOnce()).toBe(0);
    clock.now += 1_000;
    expect(await worker.runOnce()).toBe(1);
    expect([row(db, leased)?.sendStatus, sentTexts(fake)]).toEqual(['sent', [`${A}:first`]]);
  });

  it('a failed outcome write is written again: the row does not stay sending and the citizen is not blocked', async () => {
    const { db, fake, worker } = await setup({ writeRetryMs: 10 });
    db.$client.exec(`
      create table fail_writes (on_ integer);
      insert into fail_writes values (1);
      create trigger fail_sent before update of send_status on messages
        when new.send_status = 'sent' and (select count(*) from fail_writes) > 0
        begin select raise(abort, 'disk I/O error'); end;`);
    const [first, second] = queue(db, A, 'first', 'second');
    const pass = worker.runOnce();
    await fake.waitForDeliveries(1);
    await new Promise((r) => setTimeout(r, 30)); // a few failed writes
    expect(row(db, first)?.sendStatus).toBe('sending');
    db.$client.exec('delete from fail_writes');
    expect(await pass).toBe(1);
    expect(row(db, first)).toMatchObject({ sendStatus: 'sent', wamid: 'wamid.FAKE00000001' });
    expect(await worker.runOnce()).toBe(1);
    expect([row(db, second)?.sendStatus, sentTexts(fake)]).toEqual(['sent', [`${A}:first`, `${A}:second`]]);
  });

  it('sizes its sends in flight for the send rate times the round trip', async () => {
    const { db, worker } = await setup({ ratePerSecond: 500, roundTripMs: 150 });
    for (let i = 0; i < 100; i++) queue(db, `91${i}`, 'hi');
    expect(await worker.runOnce()).toBe(75);
  });

  it('stop() gives up waiting for a hung send at its deadline', async () => {
    const { db, fake, worker } = await setup({ now: () => Date.now(), timeoutMs: 60_000 });
    fake.setBehaviour(() => graphReplies.hang);
    enqueueOutbound(db, [{ kind: 'text', text: 'hi' }], { waId: A, simulated: false, now: Date.now() });
    worker.start();
    while (fake.requests.length < 1) await new Promise((r) => setTimeout(r, 5));
    const t = performance.now();
    expect(await worker.stop({ timeoutMs: 200 })).toBe(false);
    expect(performance.now() - t).toBeLessThan(1_000);
  });

  it('start() recovers, sends what is due, picks up kicked rows, and stop() drains', async () => {
    const { db, fake, worker } = await setup({ now: () => Date.now() });
    const [stuck] = queue(db, A, 'before the crash');
    db.update(messages).set({ sendStatus: 'sending' }).where(eq(messages.id, stuck)).run();
    worker.start();
    await fake.waitForDeliveries(1);
    enqueueOutbound(db, [{ kind: 'text', text: 'later' }], { waId: B, simulated: false, now: Date.now() });
    worker.kick();
    await fake.waitForDeliveries(2);
    await worker.stop();
    expect(sentTexts(fake)).toEqual([`${A}:before the crash`, `${B}:later`]);
    expect(db.select({ s: messages.sendStatus }).from(messages).orderBy(asc(messages.id)).all()).toEqual([
      { s: 'sent' },
      { s: 'sent' },
    ]);
  });

  it('leaves simulated rows to the chat simulator', async () => {
    const { db, fake, worker } = await setup();
    enqueueOutbound(db, [{ kind: 'text', text: 'hi' }], { waId: A, simulated: true, now: NOW });
    expect([await worker.runOnce(), fake.requests.length]).toEqual([0, 0]);
  });

  it('fails a row whose stored payload is not a valid message', async () => {
    const { db, fake, worker } = await setup();
    const [id] = queue(db, A, 'hello');
    db.update(messages)
      .set({ payload: { kind: 'buttons', text: 'x', buttons: [] } })
      .where(eq(messages.id, id))
      .run();
    await worker.runOnce();
    expect([row(db, id), fake.requests.length]).toEqual([
      {
        sendStatus: 'failed',
        wamid: null,
        attempts: 1,
        nextAttemptAt: null,
        lastError: 'invalid outbound payload',
      },
      0,
    ]);
  });
});

describe('outbox worker: stopping', () => {
  it('stop() sends no row still waiting under the rate limit: it goes back to queued, no attempt spent', async () => {
    const { db, fake, worker } = await setup({ now: () => Date.now(), ratePerSecond: 5, concurrency: 10 });
    for (const waId of ['911', '912', '913', '914', '915', '916']) queue(db, waId, 'hi');
    worker.start();
    await fake.waitForDeliveries(1);
    expect(await worker.stop({ timeoutMs: 2_000 })).toBe(true);
    const rows = db.select({ s: messages.sendStatus, attempts: messages.attempts }).from(messages).all();
    const sent = rows.filter((r) => r.s === 'sent').length;
    expect(sent).toBe(fake.delivered().length);
    expect(sent).toBeLessThan(6);
    expect(rows.filter((r) => r.s !== 'sent')).toEqual(
      Array.from({ length: 6 - sent }, () => ({ s: 'queued', attempts: 0 })),
    );
  });
});
