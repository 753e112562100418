import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createWhatsAppWebhook } from '../http/webhook-whatsapp.js';
import { first, type Op, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { statusDelivery, textDelivery, whatsappFixture } from '../testing/whatsapp-payloads.js';
import { createIngest } from './create-ingest.js';
import { webhookEnvelopeSchema } from './webhook-payload.js';

const NOW = 1_764_000_000_000;
const fixture = (name: string) => webhookEnvelopeSchema.parse(whatsappFixture(name));
const parse = (payload: unknown) => webhookEnvelopeSchema.parse(payload);

const inbox: Op<unknown[]> = function* ({ db, t }) {
  return yield* rows(
    db
      .select({
        waId: t.messages.waId,
        kind: t.messages.kind,
        text: t.messages.text,
        payload: t.messages.payload,
        wamid: t.messages.wamid,
        waTimestamp: t.messages.waTimestamp,
        processStatus: t.messages.processStatus,
      })
      .from(t.messages)
      .orderBy(asc(t.messages.id)),
  );
};

const sendStatusOf = (wamid: string): Op<unknown> =>
  function* ({ db, t }) {
    const all = yield* rows(
      db
        .select({
          wamid: t.messages.wamid,
          s: t.messages.sendStatus,
          at: t.messages.statusAt,
          err: t.messages.lastError,
        })
        .from(t.messages),
    );
    return all.find((r) => r.wamid === wamid);
  };

/** An outbound row already sent, with the wamid Graph returned (and its citizen). */
const sentRow = (wamid: string, waId: string): Op<void> =>
  function* ({ db, t }) {
    yield* rows(db.insert(t.citizens).values({ waId, createdAt: 0 }).onConflictDoNothing().returning());
    yield* rows(
      db
        .insert(t.messages)
        .values({
          waId,
          direction: 'out',
          kind: 'text',
          text: 'hi',
          wamid,
          sendStatus: 'sent',
          statusAt: 1,
          attempts: 1,
        })
        .returning(),
    );
  };

describe.each(testDialects)('webhook ingest on %s', (dialect) => {
  const store = useStore(dialect);

  it('stores each message once per wamid, with its sender, a file for the fetch job and the quoted wamid', async () => {
    const ingest = createIngest(store());
    expect(await ingest(fixture('text-message'), NOW)).toEqual({
      accepted: [
        {
          id: 1,
          waId: '919812345678',
          wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhggQTlBMUE0QjBGRTdCNzE3NjE1RDEwMUI2NjEwRDYzOQA=',
        },
      ],
      duplicates: 0,
      statuses: 0,
      media: 0,
    });
    // Meta's retry of the same delivery: nothing new (not even the citizen's last contact)
    expect(await ingest(fixture('text-message'), NOW + 5)).toMatchObject({ accepted: [], duplicates: 1 });
    expect((await ingest(fixture('image-message'), NOW)).media).toBe(1);
    await ingest(fixture('interactive-button-reply'), NOW);
    const stored = (await store().read(inbox)) as { kind: string; payload: Record<string, unknown> }[];
    expect(stored.map((m) => m.kind)).toEqual(['text', 'image', 'button']);
    expect(stored[0]).toEqual({
      waId: '919812345678',
      kind: 'text',
      text: 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है',
      payload: { kind: 'text', text: 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है' },
      wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhggQTlBMUE0QjBGRTdCNzE3NjE1RDEwMUI2NjEwRDYzOQA=',
      waTimestamp: 1763980800,
      processStatus: 'pending',
    });
    expect(stored[2].payload.quotedWamid).toBe(
      'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQkU3RjE0MjQ0QzBCQjNBMDlGAA==',
    );

    const side = await store().read(function* ({ db, t }) {
      const citizen = yield* first(db.select().from(t.citizens).where(eq(t.citizens.waId, '919812345678')));
      const media = yield* rows(
        db.select({ kind: t.mediaFiles.kind, status: t.mediaFiles.status }).from(t.mediaFiles),
      );
      const evidence = yield* rows(db.select({ caption: t.attachments.caption }).from(t.attachments));
      return { citizen, media, evidence };
    });
    expect(side.citizen).toMatchObject({ waId: '919812345678', name: 'Sunita Devi', lastInboundAt: NOW });
    expect(side.media).toEqual([{ kind: 'image', status: 'pending' }]);
    expect(side.evidence).toEqual([{ caption: 'toilet ward 3 ka haal dekhiye' }]);
  });

  it('moves a reply’s status only forward, and only on the row of that recipient', async () => {
    await store().transaction(sentRow('wamid.out1', '919800000001'));
    const ingest = createIngest(store());
    const apply = async (
      status: 'sent' | 'delivered' | 'read' | 'failed',
      timestamp: number,
      recipientId = '919800000001',
    ) =>
      (await ingest(parse(statusDelivery({ wamid: 'wamid.out1', status, recipientId, timestamp })), NOW))
        .statuses;
    expect(await apply('delivered', 20, '919899999999')).toBe(0);
    expect([await apply('read', 30), await apply('delivered', 20), await apply('failed', 40)]).toEqual([
      1, 0, 0,
    ]);
    expect(await store().read(sendStatusOf('wamid.out1'))).toEqual({
      wamid: 'wamid.out1',
      s: 'read',
      at: 30_000,
      err: null,
    });
  });

  it('records a failure with Meta’s code and title', async () => {
    const wamid = 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSOTg3NjU0MzIxMEFCQ0RFRgA=';
    await store().transaction(sentRow(wamid, '919812345678'));
    expect((await createIngest(store())(fixture('status-failed'), NOW)).statuses).toBe(1);
    expect(await store().read(sendStatusOf(wamid))).toMatchObject({
      s: 'failed',
      err: expect.stringMatching(/^131047 /),
    });
  });

  it('takes the same delivery posted at once many times (two instances, Meta’s retries) as one message', async () => {
    const s: Store = store();
    // two ingests as two instances would have them; on PostgreSQL these are concurrent transactions
    const [a, b] = [createIngest(s), createIngest(s)];
    const payload = parse(textDelivery({ waId: '919800000002', wamid: 'wamid.same', text: 'namaste' }));
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b)(payload, NOW)));
    expect(results.reduce((n, r) => n + r.accepted.length, 0)).toBe(1);
    expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(9);
    expect(await s.read(inbox)).toHaveLength(1);
  });

  it('answers the webhook from the store: 200 once committed, the accepted message handed on', async () => {
    const accepted: string[][] = [];
    const app = createWhatsAppWebhook({
      store: store(),
      config: {},
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      now: () => NOW,
      onAccepted: (waIds) => accepted.push(waIds),
    });
    const res = await app.request('/webhook/whatsapp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(whatsappFixture('text-message')),
    });
    expect(res.status).toBe(200);
    await new Promise((r) => setImmediate(r));
    expect(accepted).toEqual([['919812345678']]);
    expect(await store().read(inbox)).toHaveLength(1);
  });
});

describe.each(testDialects)('a NUL character on %s', (dialect) => {
  const store = useStore(dialect);
  // SQLite keeps the text literally (src/reliability/literal-text.test.ts); PostgreSQL's text
  // and jsonb cannot hold U+0000, so there it is dropped rather than fail on every retry
  it('is stored where the database can hold it, else dropped: never a delivery that fails on every retry', async () => {
    const payload = parse(textDelivery({ waId: '919800000009', wamid: 'wamid.nul', text: 'nam\u0000aste' }));
    const r = await createIngest(store())(payload, NOW);
    expect(r.accepted).toHaveLength(1);
    const text = dialect === 'postgres' ? 'namaste' : 'nam\u0000aste';
    expect(await store().read(inbox)).toMatchObject([{ text, payload: { text } }]);
  });
});
