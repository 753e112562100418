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

type GraphInteractive =
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
