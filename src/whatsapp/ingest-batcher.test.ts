import { asc } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database.js';
import { messages } from '../db/schema.js';
import { textDelivery } from '../testing/whatsapp-payloads.js';
import { createIngestBatcher } from './ingest-batcher.js';
import { webhookEnvelopeSchema } from './webhook-payload.js';

const NOW = 1_764_000_000_000;
const delivery = (waId: string, wamid: string) =>
  webhookEnvelopeSchema.parse(textDelivery({ waId, wamid, text: `text of ${wamid}` }));

describe('createIngestBatcher', () => {
  it('commits concurrent deliveries together and resolves each with its own result', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ingest = createIngestBatcher(db);
    const results = await Promise.all([
      ingest(delivery('911', 'wamid.1'), NOW),
      ingest(delivery('912', 'wamid.2'), NOW),
      ingest(delivery('911', 'wamid.1'), NOW),
    ]);
    expect(results).toEqual([
      { accepted: [{ id: 1, waId: '911', wamid: 'wamid.1' }], duplicates: 0, statuses: 0, media: 0 },
      { accepted: [{ id: 2, waId: '912', wamid: 'wamid.2' }], duplicates: 0, statuses: 0, media: 0 },
      { accepted: [], duplicates: 1, statuses: 0, media: 0 },
    ]);
    expect(db.select({ wamid: messages.wamid }).from(messages).orderBy(asc(messages.id)).all()).toEqual([
      { wamid: 'wamid.1' },
      { wamid: 'wamid.2' },
    ]);
  });

  it('a delivery that fails fails alone; the others of its batch are stored', async () => {
    const db = openDatabase({ path: ':memory:' });
    db.$client.exec(
      `create trigger test_boom before insert on messages when new.wa_id = 'boom' begin select raise(abort, 'boom'); end`,
    );
    const ingest = createIngestBatcher(db);
    const outcomes = await Promise.allSettled([
      ingest(delivery('911', 'wamid.1'), NOW),
      ingest(delivery('boom', 'wamid.2'), NOW),
      ingest(delivery('913', 'wamid.3'), NOW),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.select({ wamid: messages.wamid }).from(messages).orderBy(asc(messages.id)).all()).toEqual([
      { wamid: 'wamid.1' },
      { wamid: 'wamid.3' },
    ]);
  });

  it('splits a burst larger than maxBatch into several commits, losing nothing', async () => {
    const db = openDatabase({ path: ':memory:' });
    const ingest = createIngestBatcher(db, { maxBatch: 4 });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => ingest(delivery('911', `wamid.${i}`), NOW)),
    );
    expect(results.map((r) => r.accepted.length)).toEqual(Array(10).fill(1));
    expect(db.select({ id: messages.id }).from(messages).all().length).toBe(10);
  });
});
