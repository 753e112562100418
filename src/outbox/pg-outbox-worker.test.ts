import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { sleep, usePgInstances } from '../coordination/pg-test-instances.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { pgStore } from '../storage/pg-store.js';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import type { GraphSender } from '../whatsapp/graph-sender.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { enqueueOutboundOp } from './enqueue-outbound.js';
import { createPgOutboxWorker } from './pg-outbox-worker.js';
import { createSendPreparation, storePreparationStore } from './send-preparation.js';

const logger = pino({ level: 'silent' });

/** an in-process Graph: records what each worker sent, in order; `hang` never answers */
function fakeGraph(
  log: { worker: string; to: string; text: string }[],
  worker: string,
  hang = false,
): GraphSender {
  let n = 0;
  return {
    async send(to: string, m: OutboundMessage) {
      if (hang) return new Promise<never>(() => undefined);
      await sleep(Math.floor(Math.random() * 4));
      log.push({ worker, to, text: 'text' in m ? m.text : m.kind });
      return { wamid: `wamid.${worker}.${++n}` };
    },
  };
}

describe.skipIf(!pgTestServer.available)(
  `outbox worker on PostgreSQL, several instances${pgSkipNote}`,
  () => {
    const instances = usePgInstances(2);
    const store = () => pgStore(instances.db(0));
    beforeEach(async () => {
      await instances
        .pool(0)
        .query('truncate messages, citizens, send_rate_buckets restart identity cascade');
    });
    const queue = (waId: string, texts: string[]) =>
      store().transaction(
        enqueueOutboundOp(
          texts.map((text) => ({ kind: 'text', text })),
          { waId, simulated: false, now: Date.now() },
        ),
      );
    const worker = (i: number, send: GraphSender, opts: { leaseMs?: number } = {}) =>
      createPgOutboxWorker({
        pool: instances.pool(i),
        url: instances.url(),
        rateKey: 'number-1',
        send,
        now: () => Date.now(),
        logger,
        ratePerSecond: 2_000,
        concurrency: 8,
        pollMs: 50,
        ...opts,
      });
    const statuses = async () =>
      (
        await instances
          .pool(0)
          .query<{ s: string; n: string }>(
            'select send_status as s, count(*) as n from messages group by send_status order by 1',
          )
      ).rows.map((r) => `${r.s}:${r.n}`);

    it('two workers on two pools send one backlog: each row once, each citizen in order', async () => {
      const citizens = Array.from({ length: 12 }, (_, i) => `9150000000${String(i).padStart(2, '0')}`);
      for (const waId of citizens) await queue(waId, ['1', '2', '3', '4', '5']);
      const log: { worker: string; to: string; text: string }[] = [];
      const a = worker(0, fakeGraph(log, 'a'));
      const b = worker(1, fakeGraph(log, 'b'));
      a.start();
      b.start();
      for (let i = 0; i < 200 && log.length < 60; i++) await sleep(25);
      expect([await a.stop(), await b.stop()]).toEqual([true, true]);
      expect(log.length).toBe(60);
      expect(new Set(log.map((l) => l.worker))).toEqual(new Set(['a', 'b']));
      for (const waId of citizens)
        expect(log.filter((l) => l.to === waId).map((l) => l.text)).toEqual(['1', '2', '3', '4', '5']);
      expect(await statuses()).toEqual(['sent:60']);
    }, 30_000);

    it('a row queued later wakes the listening worker (NOTIFY), long before its poll', async () => {
      const log: { worker: string; to: string; text: string }[] = [];
      const a = createPgOutboxWorker({
        pool: instances.pool(0),
        url: instances.url(),
        rateKey: 'number-1',
        send: fakeGraph(log, 'a'),
        now: () => Date.now(),
        logger,
        pollMs: 60_000,
      });
      a.start();
      for (let i = 0; i < 100 && !a.listening(); i++) await sleep(10);
      await sleep(50); // the first (empty) pass is over
      const t = performance.now();
      await queue('915000000099', ['wake up']);
      for (let i = 0; i < 200 && log.length < 1; i++) await sleep(5);
      expect(log.map((l) => l.text)).toEqual(['wake up']);
      expect(performance.now() - t).toBeLessThan(2_000);
      await a.stop();
    }, 30_000);

    it('a worker that dies mid-send keeps its lease until it expires; then the other finishes, in order', async () => {
      await queue('915000000001', ['first', 'second']);
      const log: { worker: string; to: string; text: string }[] = [];
      // the first instance takes 'first' and never hears back (killed with the request on the wire)
      const dead = worker(0, fakeGraph(log, 'dead', true), { leaseMs: 600 });
      void dead.runOnce(); // never resolves: its send never ends
      await sleep(100);
      const alive = worker(1, fakeGraph(log, 'alive'), { leaseMs: 10_000 });
      expect(await alive.recoverInFlight()).toBe(0); // the lease is live: not taken over
      expect(await alive.runOnce()).toBe(0); // and 'second' waits behind it
      await sleep(600);
      alive.start();
      for (let i = 0; i < 200 && log.length < 2; i++) await sleep(10);
      await alive.stop();
      expect(log).toEqual([
        { worker: 'alive', to: '915000000001', text: 'first' },
        { worker: 'alive', to: '915000000001', text: 'second' },
      ]);
      expect(await statuses()).toEqual(['sent:2']);
    }, 30_000);

    it('outside the 24-hour window the purpose’s template goes instead, and the row says so', async () => {
      await instances
        .pool(0)
        .query(
          `insert into citizens (wa_id, language, last_inbound_at) values ('915000000002', 'en', now() - interval '2 days')`,
        );
      const [id] = await queue('915000000002', ['Your case moved on']);
      await instances.pool(0).query(`update messages set purpose = 'status_update' where id = $1`, [id]);
      const sent: OutboundMessage[] = [];
      const w = createPgOutboxWorker({
        pool: instances.pool(0),
        url: instances.url(),
        rateKey: 'number-1',
        send: {
          async send(_to, m) {
            sent.push(m);
            return { wamid: 'wamid.t1' };
          },
        },
        now: () => Date.now(),
        logger,
        preparation: createSendPreparation({
          store: storePreparationStore(store()),
          catalogue: {} as Catalogue,
          now: () => Date.now(),
          settings: {
            templates: { status_update: 'case_update', payment_receipt: 'receipt', reminder: 'reminder' },
            templateLanguages: { en: 'en', hi: 'hi', hinglish: 'en' },
          },
        }),
      });
      expect(await w.runOnce()).toBe(1);
      expect(sent).toEqual([
        {
          kind: 'template',
          name: 'case_update',
          languageCode: 'en',
          params: ['Your case moved on'],
          text: 'Your case moved on',
        },
      ]);
      const { rows } = await instances
        .pool(0)
        .query(`select kind, send_status as s, wamid, payload->>'name' as name from messages where id = $1`, [
          id,
        ]);
      expect(rows).toEqual([{ kind: 'template', s: 'sent', wamid: 'wamid.t1', name: 'case_update' }]);
    }, 30_000);
  },
);
