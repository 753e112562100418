import type { OutboundMessage } from './outbound-message.js';

/** The JSON body of `POST /{phone-number-id}/messages` (Cloud API message object). */
export type GraphMessagePayload = {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
  to: string;
} & (
  | { type: 'text'; text: { body: string; preview_url: boolean } }
  | { type: 'interactive'; interactive: GraphInteractive }
  | { type: 'image'; image: { link: string; caption?: string } }
  | {
      type: 'template';
      template: {
        name: string;
        language: { code: string };
        components?: { type: 'body'; parameters: { type: 'text'; text: string }[] }[];
      };
    }
);

type Money = { value: number; offset: 100 };
type GraphInteractive =
  | {
      type: 'order_details';
      body: { text: string };
      footer?: { text: string };
      action: {
        name: 'review_and_pay';
        parameters: {
          reference_id: string;
          type: 'digital-goods';
          payment_type: 'upi';
          payment_configuration: string;
          currency: 'INR';
          total_amount: Money;
          order: {
            status: 'pending';
            items: { retailer_id: string; name: string; amount: Money; quantity: 1 }[];
            subtotal: Money;
          };
        };
      };
    }
  | {
      type: 'order_status';
      body: { text: string };
      action: {
        name: 'review_order';
        parameters: { reference_id: string; order: { status: string; description?: string } };
      };
    }
  | {
      type: 'button';
      body: { text: string };
      footer?: { text: string };
      action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
    }
  | {
      type: 'list';
      body: { text: string };
      action: {
        button: string;
        sections: { title?: string; rows: { id: string; title: string; description?: string }[] }[];
      };
    };

/** Maps our OutboundMessage (already within WhatsApp's limits) to the Graph API body. */
export function toGraphPayload(to: string, m: OutboundMessage): GraphMessagePayload {
  const head = { messaging_product: 'whatsapp', recipient_type: 'individual', to } as const;
  switch (m.kind) {
    case 'text':
      // no link previews: replies carry references and QR links, not pages worth unfurling
      return { ...head, type: 'text', text: { body: m.text, preview_url: false } };
    case 'buttons':
      return {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: m.text },
          ...(m.footer ? { footer: { text: m.footer } } : {}),
          action: { buttons: m.buttons.map((b) => ({ type: 'reply', reply: { id: b.id, title: b.title } })) },
        },
      };
    case 'list':
      return {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: m.text },
          // one section: its title is optional (required only with several sections)
          action: {
            button: m.buttonLabel,
            sections: [
              {
                rows: m.rows.map((r) => ({
                  id: r.id,
                  title: r.title,
                  ...(r.description ? { description: r.description } : {}),
                })),
              },
            ],
          },
        },
      };
    case 'order_details': {
      // amounts are integers with offset 100: ₹50.00 is { value: 5000, offset: 100 }
      const money = { value: m.amountPaise, offset: 100 } as const;
      return {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'order_details',
          body: { text: m.text },
          ...(m.footer ? { footer: { text: m.footer } } : {}),
          action: {
            name: 'review_and_pay',
            parameters: {
              reference_id: m.referenceId,
              type: 'digital-goods',
              payment_type: 'upi',
              payment_configuration: m.paymentConfiguration,
              currency: 'INR',
              total_amount: money,
              order: {
                status: 'pending',
                items: [{ retailer_id: m.referenceId, name: m.itemName, amount: money, quantity: 1 }],
                subtotal: money,
              },
            },
          },
        },
      };
    }
    case 'order_status':
      return {
        ...head,
        type: 'interactive',
        interactive: {
          type: 'order_status',
          body: { text: m.text },
          action: {
            name: 'review_order',
            parameters: {
              reference_id: m.referenceId,
              order: { status: m.status, ...(m.description ? { description: m.description } : {}) },
            },
          },
        },
      };
    case 'image':
      return { ...head, type: 'image', image: { link: m.url, ...(m.caption ? { caption: m.caption } : {}) } };
    case 'template':
      return {
        ...head,
        type: 'template',
        template: {
          name: m.name,
          language: { code: m.languageCode },
          ...(m.params.length > 0
            ? { components: [{ type: 'body', parameters: m.params.map((text) => ({ type: 'text', text })) }] }
            : {}),
        },
      };
  }
}
