import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Db, openDatabase } from '../db/open-database.js';
import { attachments, citizens, messages } from '../db/schema.js';
import { envelope, statusDelivery, textDelivery, whatsappFixture } from '../testing/whatsapp-payloads.js';
import { ingestWebhook } from './ingest.js';
import { webhookEnvelopeSchema } from './webhook-payload.js';

const NOW = 1_764_000_000_000;
const fixture = (name: string) => webhookEnvelopeSchema.parse(whatsappFixture(name));
const ingest = (db: Db, payload: unknown, now = NOW) =>
  ingestWebhook(db, webhookEnvelopeSchema.parse(payload), { now });

function inboundRow(over: Partial<typeof messages.$inferSelect>) {
  return {
    id: 1,
    waId: '',
    conversationId: null,
    direction: 'in',
    kind: '',
    text: null,
    payload: null,
    wamid: null,
    waTimestamp: null,
    processStatus: 'pending',
    processedAt: null,
    inReplyTo: null,
    seq: null,
    sendStatus: null,
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    statusAt: null,
    turnId: null,
    sentBy: null,
    purpose: null,
    createdAt: NOW,
    ...over,
  };
}

/** An outbound row already sent, with the wamid Graph returned. */
function sentRow(db: Db, wamid: string, waId = '919812345678') {
  // every outbound row has its citizen (one without is an erasure's last reply)
  db.$client.prepare('insert or ignore into citizens (wa_id, created_at) values (?, 0)').run(waId);
  return db
    .insert(messages)
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
    .returning()
    .get();
}

describe('ingestWebhook: inbound fixtures', () => {
  it('text: one pending inbox row and the citizen', () => {
    const db = openDatabase({ path: ':memory:' });
    expect(ingest(db, fixture('text-message'))).toEqual({
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
    const text = 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है';
    expect(db.select().from(messages).all()).toEqual([
      inboundRow({
        waId: '919812345678',
        kind: 'text',
        text,
        payload: { kind: 'text', text },
        wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhggQTlBMUE0QjBGRTdCNzE3NjE1RDEwMUI2NjEwRDYzOQA=',
        waTimestamp: 1763980800,
      }),
    ]);
    expect(db.select().from(citizens).all()).toEqual([
      {
        waId: '919812345678',
        name: 'Sunita Devi',
        language: 'hi',
        languageChosen: false,
        privacyNoticeAt: null,
        lastInboundAt: NOW,
        handoff: 'none',
        handoffAt: null,
        handoffOfficerId: null,
        createdAt: NOW,
      },
    ]);
  });

  it('button and list replies store the title as text', () => {
    const db = openDatabase({ path: ':memory:' });
    ingest(db, fixture('interactive-button-reply'));
    ingest(db, fixture('interactive-list-reply'));
    expect(
      db.select({ kind: messages.kind, text: messages.text, payload: messages.payload }).from(messages).all(),
    ).toEqual([
      {
        kind: 'button',
        text: 'हाँ, जमा करें',
        // the quoted message's wamid (context.id) is kept beside the event
        payload: {
          kind: 'button',
          id: 'confirm:yes',
          title: 'हाँ, जमा करें',
          quotedWamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQkU3RjE0MjQ0QzBCQjNBMDlGAA==',
        },
      },
      {
        kind: 'list',
        text: 'Cleanliness',
        payload: {
          kind: 'list',
          id: 'category:cleanliness',
          title: 'Cleanliness',
          description: 'Dirty wards, toilets, beds',
          quotedWamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAERgSNTY3QkE0QzZBMDE5RkQ0OTdBAA==',
        },
      },
    ]);
  });

  it('image: the message and an attachment kept as evidence', () => {
    const db = openDatabase({ path: ':memory:' });
    // counted for the media fetch job, which is woken only for deliveries that bring a file
    expect(ingest(db, fixture('image-message')).media).toBe(1);
    expect(ingest(db, fixture('image-message')).media).toBe(0); // a redelivery brings nothing new
    const event = {
      kind: 'image',
      mediaId: '1003383421387256',
      mimeType: 'image/jpeg',
      sha256: 'Hq5EkbG0Iz6rH0wQ2JYl5lqbYzY0Wn3Ux1o9bJb1u1o=',
      caption: 'toilet ward 3 ka haal dekhiye',
    };
    expect(db.select().from(messages).all()).toEqual([
      inboundRow({
        waId: '919876500011',
        kind: 'image',
        text: 'toilet ward 3 ka haal dekhiye',
        payload: event,
        wamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAEhggQkI4QTdGNkU1RDRDM0IyQTE5MDhGN0U2RDVDNEIzQTIA',
        waTimestamp: 1763980980,
      }),
    ]);
    expect(db.select().from(attachments).all()).toEqual([
      {
        id: 1,
        waId: '919876500011',
        messageId: 1,
        caseId: null,
        mediaId: '1003383421387256',
        mimeType: 'image/jpeg',
        sha256: 'Hq5EkbG0Iz6rH0wQ2JYl5lqbYzY0Wn3Ux1o9bJb1u1o=',
        caption: 'toilet ward 3 ka haal dekhiye',
        createdAt: NOW,
      },
    ]);
  });

  it('audio and location', () => {
    const db = openDatabase({ path: ':memory:' });
    ingest(db, fixture('audio-voice-note'));
    ingest(db, fixture('location-message'));
    expect(db.select().from(messages).all()).toEqual([
      inboundRow({
        id: 1,
        waId: '919700012345',
        kind: 'audio',
        payload: {
          kind: 'audio',
          mediaId: '1234567890123456',
          voice: true,
          mimeType: 'audio/ogg; codecs=opus',
          sha256: 'mY0Jt2tqvC3Ck6XzL4u5Q8o0dJcWvGv3C7q0T4zZ2xI=',
        },
        wamid: 'wamid.HBgMOTE5NzAwMDEyMzQ1FQIAEhggQ0M5QjhBN0Y2RTVENEMzQjJBMTkwOEY3RTZENUM0QjMA',
        waTimestamp: 1763981040,
      }),
      inboundRow({
        id: 2,
        waId: '919876500011',
        kind: 'location',
        text: 'Government General Hospital, Vijayawada, Andhra Pradesh',
        payload: {
          kind: 'location',
          latitude: 16.5062,
          longitude: 80.648,
          name: 'Government General Hospital',
          address: 'Vijayawada, Andhra Pradesh',
        },
        wamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAEhggREQxQTlCOEE3RjZFNUQ0QzNCMkExOTA4RjdFNkQ1QzQA',
        waTimestamp: 1763981100,
      }),
    ]);
    expect(db.select().from(attachments).all()).toEqual([]);
  });

  it('the same wamid twice is one row, and the repeat changes nothing', () => {
    const db = openDatabase({ path: ':memory:' });
    ingest(db, fixture('text-message'));
    expect(ingest(db, fixture('text-message'), NOW + 60_000)).toEqual({
      accepted: [],
      duplicates: 1,
      statuses: 0,
      media: 0,
    });
    expect(db.select({ id: messages.id }).from(messages).all()).toEqual([{ id: 1 }]);
    expect(db.select({ at: citizens.lastInboundAt }).from(citizens).all()).toEqual([{ at: NOW }]);
  });

  it('stores hostile text literally', () => {
    const db = openDatabase({ path: ':memory:' });
    const text = `'); drop table messages; -- <script>alert(1)</script> 🙏🙏 ${'अ'.repeat(10_000)}`;
    ingest(db, textDelivery({ waId: '919800000001', wamid: 'wamid.x', text }));
    expect(db.select({ text: messages.text }).from(messages).all()).toEqual([{ text }]);
  });

  it('a later message keeps a known name when the contact has none', () => {
    const db = openDatabase({ path: ':memory:' });
    ingest(db, textDelivery({ waId: '919800000001', wamid: 'wamid.1', text: 'a', name: 'Asha' }));
    const noName = envelope({
      messages: [{ from: '919800000001', id: 'wamid.2', timestamp: '2', type: 'text', text: { body: 'b' } }],
    });
    ingest(db, noName, NOW + 5);
    expect(db.select({ name: citizens.name, at: citizens.lastInboundAt }).from(citizens).all()).toEqual([
      { name: 'Asha', at: NOW + 5 },
    ]);
  });
});

describe('ingestWebhook: statuses', () => {
  it('applies the delivered fixture to our outbound row', () => {
    const db = openDatabase({ path: ':memory:' });
    const row = sentRow(db, 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQkU3RjE0MjQ0QzBCQjNBMDlGAA==');
    expect(ingest(db, fixture('status-delivered'))).toEqual({
      accepted: [],
      duplicates: 0,
      statuses: 1,
      media: 0,
    });
    expect(db.select().from(messages).where(eq(messages.id, row.id)).get()).toEqual({
      ...row,
      sendStatus: 'delivered',
      statusAt: 1763980870_000,
    });
  });

  it('records a failed status with Meta’s code, title and details', () => {
    const db = openDatabase({ path: ':memory:' });
    const row = sentRow(db, 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSOTg3NjU0MzIxMEFCQ0RFRgA=');
    ingest(db, fixture('status-failed'));
    expect(db.select().from(messages).where(eq(messages.id, row.id)).get()).toEqual({
      ...row,
      sendStatus: 'failed',
      statusAt: 1764067300_000,
      lastError:
        '131047 Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
    });
  });

  it('never moves a status backwards', () => {
    const db = openDatabase({ path: ':memory:' });
    const row = sentRow(db, 'wamid.out1');
    const apply = (status: 'sent' | 'delivered' | 'read', timestamp: number) =>
      ingest(db, statusDelivery({ wamid: 'wamid.out1', status, recipientId: row.waId, timestamp })).statuses;
    expect([apply('read', 30), apply('delivered', 20), apply('sent', 10)]).toEqual([1, 0, 0]);
    expect(db.select({ s: messages.sendStatus, at: messages.statusAt }).from(messages).get()).toEqual({
      s: 'read',
      at: 30_000,
    });
  });

  it('moves forward step by step', () => {
    const db = openDatabase({ path: ':memory:' });
    const row = sentRow(db, 'wamid.out1');
    const seen: unknown[] = [];
    for (const status of ['delivered', 'read'] as const) {
      ingest(db, statusDelivery({ wamid: 'wamid.out1', status, recipientId: row.waId }));
      seen.push(db.select({ s: messages.sendStatus }).from(messages).get());
    }
    expect(seen).toEqual([{ s: 'delivered' }, { s: 'read' }]);
  });

  it('ignores a status for a wamid we do not know, and never touches inbound rows', () => {
    const db = openDatabase({ path: ':memory:' });
    ingest(db, textDelivery({ waId: '919800000001', wamid: 'wamid.in', text: 'hi' }));
    expect(
      ingest(db, statusDelivery({ wamid: 'wamid.unknown', status: 'read', recipientId: '9' })).statuses,
    ).toBe(0);
    expect(ingest(db, statusDelivery({ wamid: 'wamid.in', status: 'read', recipientId: '9' })).statuses).toBe(
      0,
    );
    expect(db.select({ s: messages.sendStatus }).from(messages).all()).toEqual([{ s: null }]);
  });
});
