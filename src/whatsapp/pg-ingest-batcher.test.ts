import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { useStore } from '../testing/store-dialects.js';
import { statusDelivery, textDelivery } from '../testing/whatsapp-payloads.js';
import { createPgIngestBatcher } from './pg-ingest-batcher.js';
import { webhookEnvelopeSchema } from './webhook-payload.js';

const NOW = 1_764_000_000_000;
const parse = (payload: unknown) => webhookEnvelopeSchema.parse(payload);
const waIdOf = (i: number) => `91980000${String(i % 7).padStart(4, '0')}`;

const inbound = (store: Store) =>
  store.read(function* ({ db, t }) {
    return yield* rows(
      db
        .select({ waId: t.messages.waId, wamid: t.messages.wamid })
        .from(t.messages)
        .where(eq(t.messages.direction, 'in'))
        .orderBy(asc(t.messages.id)),
    );
  });

describe.skipIf(!pgTestServer.available)(`PostgreSQL ingest group commit${pgSkipNote}`, () => {
  const store = useStore('postgres');

  it('deliveries that wait share a transaction; each learns its own result; each citizen keeps its order', async () => {
    const ingest = createPgIngestBatcher(store(), { maxInFlight: 1 });
    const payloads = Array.from({ length: 40 }, (_, i) =>
      parse(textDelivery({ waId: waIdOf(i), wamid: `wamid.b${i}`, text: `m${i}` })),
    );
    // the same delivery again inside the batch: stored once
    payloads.push(payloads[3] as (typeof payloads)[number]);
    const results = await Promise.all(payloads.map((p) => ingest(p, NOW)));
    results.slice(0, 40).forEach((r, i) => {
      expect(r.accepted.map((a) => a.wamid)).toEqual([`wamid.b${i}`]);
    });
    expect(results[40]).toMatchObject({ accepted: [], duplicates: 1 });
    const stored = await inbound(store());
    expect(stored).toHaveLength(40);
    // per citizen, the inbox ids follow the arrival order (the turns run in id order)
    for (let c = 0; c < 7; c++) {
      const mine = stored.filter((r) => r.waId === waIdOf(c)).map((r) => Number(r.wamid?.slice(7)));
      expect(mine).toEqual([...mine].sort((a, b) => a - b));
      expect(mine.length).toBeGreaterThan(0);
    }
  });

  it('a shared transaction that fails is redone delivery by delivery: nothing lost, nothing twice', async () => {
    const real = store();
    let calls = 0;
    // the second transaction (the first shared one) fails as a deadlock with another instance would
    const flaky: Store = {
      ...real,
      dialect: real.dialect,
      read: (op) => real.read(op),
      transaction: (op) => {
        calls++;
        if (calls === 2)
          return Promise.reject(Object.assign(new Error('deadlock detected'), { code: '40P01' }));
        return real.transaction(op);
      },
    };
    const ingest = createPgIngestBatcher(flaky, { maxInFlight: 1 });
    const payloads = Array.from({ length: 10 }, (_, i) =>
      parse(textDelivery({ waId: waIdOf(i), wamid: `wamid.f${i}`, text: `m${i}` })),
    );
    const results = await Promise.all(payloads.map((p) => ingest(p, NOW)));
    expect(results.map((r) => r.accepted.length)).toEqual(Array(10).fill(1));
    expect(calls).toBeGreaterThan(2);
    expect(await inbound(real)).toHaveLength(10);
    const statuses = await ingest(
      parse(statusDelivery({ wamid: 'wamid.none', status: 'read', recipientId: waIdOf(1) })),
      NOW,
    );
    expect(statuses.statuses).toBe(0);
  });
});
