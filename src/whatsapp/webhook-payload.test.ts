import { describe, expect, it } from 'vitest';
import { envelope, whatsappFixture, whatsappFixtureNames } from '../testing/whatsapp-payloads.js';
import { inboundEventSchema } from './inbound-event.js';
import {
  toInboundEvents,
  toPaymentStatusUpdates,
  toStatusUpdates,
  webhookEnvelopeSchema,
} from './webhook-payload.js';

const parse = (name: string) => webhookEnvelopeSchema.parse(whatsappFixture(name));
const msg = (type: string, body: Record<string, unknown>) =>
  webhookEnvelopeSchema.parse(
    envelope({
      messages: [{ from: '919800000001', id: `wamid.${type}`, timestamp: '1763980800', type, ...body }],
    }),
  );

describe('toInboundEvents on the fixtures', () => {
  it('covers every fixture file', () => {
    expect(whatsappFixtureNames()).toEqual([
      'audio-voice-note',
      'document-message',
      'image-message',
      'interactive-button-reply',
      'interactive-list-reply',
      'location-message',
      'quoted-reply',
      'status-delivered',
      'status-failed',
      'status-payment-captured',
      'status-payment-failed',
      'status-payment-pending',
      'text-message',
    ]);
  });

  it('text', () => {
    expect(toInboundEvents(parse('text-message'))).toEqual([
      {
        waId: '919812345678',
        name: 'Sunita Devi',
        wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhggQTlBMUE0QjBGRTdCNzE3NjE1RDEwMUI2NjEwRDYzOQA=',
        timestamp: 1763980800,
        event: { kind: 'text', text: 'मुझे अपनी बेटी का जन्म प्रमाण पत्र बनवाना है' },
      },
    ]);
  });

  it('button reply, with the wamid it answers', () => {
    expect(toInboundEvents(parse('interactive-button-reply'))).toEqual([
      {
        waId: '919812345678',
        name: 'Sunita Devi',
        wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAEhggMkQ2QzI5NEE3RDBFQjRDNTk3NkE3QkZCQUQxNUY0NDcA',
        timestamp: 1763980860,
        event: { kind: 'button', id: 'confirm:yes', title: 'हाँ, जमा करें' },
        contextWamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQkU3RjE0MjQ0QzBCQjNBMDlGAA==',
      },
    ]);
  });

  it('list reply', () => {
    expect(toInboundEvents(parse('interactive-list-reply'))).toEqual([
      {
        waId: '919876500011',
        name: 'Ravi Kumar',
        wamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAEhggNUQ3RjhBNEI5QzFFMkQzRjRBNUI2QzdEOEU5RjBBMUIA',
        timestamp: 1763980920,
        event: {
          kind: 'list',
          id: 'category:cleanliness',
          title: 'Cleanliness',
          description: 'Dirty wards, toilets, beds',
        },
        contextWamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAERgSNTY3QkE0QzZBMDE5RkQ0OTdBAA==',
      },
    ]);
  });

  it('image', () => {
    expect(toInboundEvents(parse('image-message'))).toEqual([
      {
        waId: '919876500011',
        name: 'Ravi Kumar',
        wamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAEhggQkI4QTdGNkU1RDRDM0IyQTE5MDhGN0U2RDVDNEIzQTIA',
        timestamp: 1763980980,
        event: {
          kind: 'image',
          mediaId: '1003383421387256',
          mimeType: 'image/jpeg',
          sha256: 'Hq5EkbG0Iz6rH0wQ2JYl5lqbYzY0Wn3Ux1o9bJb1u1o=',
          caption: 'toilet ward 3 ka haal dekhiye',
        },
      },
    ]);
  });

  it('audio voice note', () => {
    expect(toInboundEvents(parse('audio-voice-note'))).toEqual([
      {
        waId: '919700012345',
        name: 'Kamla Bai',
        wamid: 'wamid.HBgMOTE5NzAwMDEyMzQ1FQIAEhggQ0M5QjhBN0Y2RTVENEMzQjJBMTkwOEY3RTZENUM0QjMA',
        timestamp: 1763981040,
        event: {
          kind: 'audio',
          mediaId: '1234567890123456',
          voice: true,
          mimeType: 'audio/ogg; codecs=opus',
          sha256: 'mY0Jt2tqvC3Ck6XzL4u5Q8o0dJcWvGv3C7q0T4zZ2xI=',
        },
      },
    ]);
  });

  it('location', () => {
    expect(toInboundEvents(parse('location-message'))).toEqual([
      {
        waId: '919876500011',
        name: 'Ravi Kumar',
        wamid: 'wamid.HBgMOTE5ODc2NTAwMDExFQIAEhggREQxQTlCOEE3RjZFNUQ0QzNCMkExOTA4RjdFNkQ1QzQA',
        timestamp: 1763981100,
        event: {
          kind: 'location',
          latitude: 16.5062,
          longitude: 80.648,
          name: 'Government General Hospital',
          address: 'Vijayawada, Andhra Pradesh',
        },
      },
    ]);
  });

  it('status payloads carry no inbound messages', () => {
    expect(toInboundEvents(parse('status-delivered'))).toEqual([]);
    expect(toInboundEvents(parse('status-failed'))).toEqual([]);
  });

  it('every event it produces satisfies the InboundEvent schema', () => {
    for (const name of whatsappFixtureNames()) {
      for (const item of toInboundEvents(parse(name))) {
        expect(inboundEventSchema.parse(item.event)).toEqual(item.event);
      }
    }
  });
});

describe('toStatusUpdates', () => {
  it('delivered', () => {
    expect(toStatusUpdates(parse('status-delivered'))).toEqual([
      {
        wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSQkU3RjE0MjQ0QzBCQjNBMDlGAA==',
        status: 'delivered',
        timestamp: 1763980870,
        recipientId: '919812345678',
      },
    ]);
  });

  it('failed, with Meta’s error', () => {
    expect(toStatusUpdates(parse('status-failed'))).toEqual([
      {
        wamid: 'wamid.HBgMOTE5ODEyMzQ1Njc4FQIAERgSOTg3NjU0MzIxMEFCQ0RFRgA=',
        status: 'failed',
        timestamp: 1764067300,
        recipientId: '919812345678',
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: {
              details:
                'Message failed to send because more than 24 hours have passed since the customer last replied to this number.',
            },
          },
        ],
      },
    ]);
  });

  it('skips statuses it does not track and malformed ones', () => {
    const p = webhookEnvelopeSchema.parse(
      envelope({
        statuses: [
          { id: 'wamid.a', status: 'deleted', timestamp: '1', recipient_id: '91' },
          { id: 'wamid.b', status: 'read', recipient_id: '91' },
          { id: 'wamid.c', status: 'read', timestamp: '5', recipient_id: '91' },
        ],
      }),
    );
    expect(toStatusUpdates(p)).toEqual([
      { wamid: 'wamid.c', status: 'read', timestamp: 5, recipientId: '91' },
    ]);
  });
});

describe('other message types', () => {
  it.each(['sticker', 'video', 'reaction', 'contacts', 'order', 'brand_new_type'])(
    '%s is kept as unsupported',
    (type) => {
      expect(toInboundEvents(msg(type, { [type]: { id: 'x', emoji: '👍' } })).map((i) => i.event)).toEqual([
        { kind: 'unsupported', type },
      ]);
    },
  );

  it('a template quick-reply button becomes a button event', () => {
    const events = toInboundEvents(
      msg('button', { button: { payload: 'status:check', text: 'Check status' } }),
    );
    expect(events.map((i) => i.event)).toEqual([
      { kind: 'button', id: 'status:check', title: 'Check status' },
    ]);
  });

  it('a known type with a body that does not match is unsupported, not dropped', () => {
    expect(toInboundEvents(msg('text', { text: { body: 42 } })).map((i) => i.event)).toEqual([
      { kind: 'unsupported', type: 'text' },
    ]);
  });

  it('keeps valid messages beside invalid ones, and tolerates fields Meta adds', () => {
    const p = webhookEnvelopeSchema.parse(
      envelope({
        brand_new_field: { nested: true },
        messages: [
          { id: 'wamid.nofrom', timestamp: '1', type: 'text', text: { body: 'x' } },
          {
            from: '919800000002',
            id: 'wamid.ok',
            timestamp: '2',
            type: 'text',
            text: { body: 'hello', extra: 1 },
            extra: 'y',
          },
        ],
      }),
    );
    expect(toInboundEvents(p)).toEqual([
      { waId: '919800000002', wamid: 'wamid.ok', timestamp: 2, event: { kind: 'text', text: 'hello' } },
    ]);
  });

  it('ignores other objects and other webhook fields', () => {
    const page = webhookEnvelopeSchema.parse({
      ...(whatsappFixture('text-message') as object),
      object: 'page',
    });
    expect(toInboundEvents(page)).toEqual([]);
    const other = webhookEnvelopeSchema.parse({
      object: 'whatsapp_business_account',
      entry: [{ id: '1', changes: [{ field: 'account_update', value: { messages: [] } }] }],
    });
    expect(toInboundEvents(other)).toEqual([]);
  });
});

describe('documents, quoted replies and WhatsApp Pay statuses', () => {
  it('a PDF document keeps its id, type, digest, file name and caption', () => {
    expect(toInboundEvents(parse('document-message')).map((i) => i.event)).toEqual([
      {
        kind: 'document',
        mediaId: '1561902051220341',
        mimeType: 'application/pdf',
        sha256: 'Kx8nYQmT0m3lJ9p8cO4w1Qm5ZrjN9J3Lh0Hk2Z5m7xE=',
        fileName: 'ration-card.pdf',
        caption: 'aay praman patra ke liye',
      },
    ]);
  });

  it('a quoted text reply carries the quoted wamid', () => {
    const [item] = toInboundEvents(parse('quoted-reply'));
    expect(item.contextWamid).toBe('wamid.HBgMOTE5ODExMTAwMDIyFQIAERgSQUFBQUFBQUFBQUFBQUFBQUFBAA==');
    expect(item.event).toEqual({ kind: 'text', text: 'iska kya hua?' });
  });

  it('captured, pending and failed payment statuses are kept, not dropped', () => {
    expect(toPaymentStatusUpdates(parse('status-payment-captured'))).toEqual([
      {
        wamid: 'wamid.HBgMOTE5ODExMTAwMDIyFQIAERgSUEFZT1JERVIwMDAwMDAwMDAA',
        status: 'captured',
        timestamp: 1763981400,
        recipientId: '919811100022',
        referenceId: 'PAY-2026-000042',
        amountPaise: 5000,
        currency: 'INR',
        transactionId: 'pg_txn_7Hk2LmQ9',
      },
    ]);
    expect(toPaymentStatusUpdates(parse('status-payment-pending')).map((s) => s.status)).toEqual(['pending']);
    const [failed] = toPaymentStatusUpdates(parse('status-payment-failed'));
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('U30 Debit failed at the remitter bank');
  });

  it('a payment "failed" is not read as a delivery failure, and delivery statuses are not payments', () => {
    expect(toStatusUpdates(parse('status-payment-failed'))).toEqual([]);
    expect(toStatusUpdates(parse('status-payment-captured'))).toEqual([]);
    expect(toPaymentStatusUpdates(parse('status-failed'))).toEqual([]);
    expect(toPaymentStatusUpdates(parse('status-delivered'))).toEqual([]);
  });

  it('an amount in another offset is converted to paise; a fraction of a paisa is not trusted', () => {
    const withAmount = (amount: unknown) =>
      toPaymentStatusUpdates(
        webhookEnvelopeSchema.parse(
          envelope({
            statuses: [
              {
                id: 'wamid.p',
                type: 'payment',
                status: 'captured',
                timestamp: '1',
                payment: { reference_id: 'PAY-1', amount },
              },
            ],
          }),
        ),
      )[0].amountPaise;
    expect(withAmount({ value: 50, offset: 1 })).toBe(5000);
    expect(withAmount({ value: 5, offset: 1000 })).toBeUndefined();
  });
});
