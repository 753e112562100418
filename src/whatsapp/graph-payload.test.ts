import { describe, expect, it } from 'vitest';
import { toGraphPayload } from './graph-payload.js';
import { choices, image, text } from './outbound-builders.js';

const head = { messaging_product: 'whatsapp', recipient_type: 'individual', to: '919812345678' };

describe('toGraphPayload (Cloud API message object)', () => {
  it('text', () => {
    expect(toGraphPayload('919812345678', { kind: 'text', text: 'नमस्ते' })).toEqual({
      ...head,
      type: 'text',
      text: { body: 'नमस्ते', preview_url: false },
    });
  });

  it('reply buttons', () => {
    const [m] = choices('जमा करें?', [
      { id: 'confirm:yes', title: 'हाँ' },
      { id: 'confirm:change', title: 'बदलें' },
      { id: 'confirm:cancel', title: 'रद्द करें' },
    ]);
    expect(toGraphPayload('919812345678', m)).toEqual({
      ...head,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'जमा करें?' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'confirm:yes', title: 'हाँ' } },
            { type: 'reply', reply: { id: 'confirm:change', title: 'बदलें' } },
            { type: 'reply', reply: { id: 'confirm:cancel', title: 'रद्द करें' } },
          ],
        },
      },
    });
  });

  it('reply buttons with a footer', () => {
    expect(
      toGraphPayload('919812345678', {
        kind: 'buttons',
        text: 'Submit?',
        footer: 'Sahayak',
        buttons: [{ id: 'confirm:yes', title: 'Yes' }],
      }),
    ).toEqual({
      ...head,
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Submit?' },
        footer: { text: 'Sahayak' },
        action: { buttons: [{ type: 'reply', reply: { id: 'confirm:yes', title: 'Yes' } }] },
      },
    });
  });

  it('list', () => {
    const [m] = choices(
      'What went wrong?',
      [
        { id: 'category:staff_behaviour', title: 'Staff behaviour' },
        { id: 'category:cleanliness', title: 'Cleanliness', description: 'Dirty wards, toilets, beds' },
        { id: 'category:waiting_time', title: 'Waiting time' },
        { id: 'category:other', title: 'Other' },
      ],
      'Choose',
    );
    expect(toGraphPayload('919812345678', m)).toEqual({
      ...head,
      type: 'interactive',
      interactive: {
        type: 'list',
        body: { text: 'What went wrong?' },
        action: {
          button: 'Choose',
          sections: [
            {
              rows: [
                { id: 'category:staff_behaviour', title: 'Staff behaviour' },
                {
                  id: 'category:cleanliness',
                  title: 'Cleanliness',
                  description: 'Dirty wards, toilets, beds',
                },
                { id: 'category:waiting_time', title: 'Waiting time' },
                { id: 'category:other', title: 'Other' },
              ],
            },
          ],
        },
      },
    });
  });

  it('image by link, with and without a caption', () => {
    expect(toGraphPayload('919812345678', image('https://sahayak.example/media/abc.png', 'Pay ₹50'))).toEqual(
      {
        ...head,
        type: 'image',
        image: { link: 'https://sahayak.example/media/abc.png', caption: 'Pay ₹50' },
      },
    );
    expect(toGraphPayload('919812345678', image('https://sahayak.example/media/abc.png'))).toEqual({
      ...head,
      type: 'image',
      image: { link: 'https://sahayak.example/media/abc.png' },
    });
  });

  it('template with body parameters', () => {
    expect(
      toGraphPayload('919812345678', {
        kind: 'template',
        name: 'status_update',
        languageCode: 'hi',
        params: ['BC-2026-000123', 'approved'],
        text: 'Your application BC-2026-000123 is approved',
      }),
    ).toEqual({
      ...head,
      type: 'template',
      template: {
        name: 'status_update',
        language: { code: 'hi' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'BC-2026-000123' },
              { type: 'text', text: 'approved' },
            ],
          },
        ],
      },
    });
  });

  it('template without parameters has no components', () => {
    expect(
      toGraphPayload('919812345678', {
        kind: 'template',
        name: 'hello',
        languageCode: 'en',
        params: [],
        text: 'Hello',
      }),
    ).toEqual({ ...head, type: 'template', template: { name: 'hello', language: { code: 'en' } } });
  });

  it('long text from the builder becomes several payloads, each within 4096 characters', () => {
    const parts = text('शब्द '.repeat(2000)).map((m) => toGraphPayload('919812345678', m));
    expect(parts.length).toBe(3);
    for (const p of parts) {
      expect(p.type === 'text' && Array.from(p.text.body).length <= 4096).toBe(true);
    }
  });
});

describe('WhatsApp Pay messages (India)', () => {
  it('order_details: review_and_pay with the PAY reference, INR amounts at offset 100, the fee as the item', () => {
    expect(
      toGraphPayload('919812345678', {
        kind: 'order_details',
        text: 'Fee for BC-2026-000001: ₹50',
        referenceId: 'PAY-2026-000001',
        amountPaise: 5000,
        itemName: 'Late fee, application BC-2026-000001',
        paymentConfiguration: 'sahayak-upi',
      }),
    ).toEqual({
      ...head,
      type: 'interactive',
      interactive: {
        type: 'order_details',
        body: { text: 'Fee for BC-2026-000001: ₹50' },
        action: {
          name: 'review_and_pay',
          parameters: {
            reference_id: 'PAY-2026-000001',
            type: 'digital-goods',
            payment_type: 'upi',
            payment_configuration: 'sahayak-upi',
            currency: 'INR',
            total_amount: { value: 5000, offset: 100 },
            order: {
              status: 'pending',
              items: [
                {
                  retailer_id: 'PAY-2026-000001',
                  name: 'Late fee, application BC-2026-000001',
                  amount: { value: 5000, offset: 100 },
                  quantity: 1,
                },
              ],
              subtotal: { value: 5000, offset: 100 },
            },
          },
        },
      },
    });
  });

  it('order_status closes the order', () => {
    expect(
      toGraphPayload('919812345678', {
        kind: 'order_status',
        text: 'Payment complete',
        referenceId: 'PAY-2026-000001',
        status: 'completed',
      }),
    ).toEqual({
      ...head,
      type: 'interactive',
      interactive: {
        type: 'order_status',
        body: { text: 'Payment complete' },
        action: {
          name: 'review_order',
          parameters: { reference_id: 'PAY-2026-000001', order: { status: 'completed' } },
        },
      },
    });
  });
});
