import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Meta's sample deliveries, kept in the repo at fixtures/whatsapp/ (copied from the shared set).
const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'whatsapp');

export function whatsappFixtureNames(): string[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

/** The raw text of a fixture (sign these bytes, not a re-serialisation). */
export function whatsappFixtureText(name: string): string {
  return readFileSync(join(fixturesDir, `${name}.json`), 'utf8');
}

export function whatsappFixture(name: string): unknown {
  return JSON.parse(whatsappFixtureText(name));
}

/** Wraps one `value` object in Meta's envelope. */
export function envelope(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: '106540352242922' },
              ...value,
            },
          },
        ],
      },
    ],
  };
}

/** A delivery with one text message, as Meta sends it (for tests and the benchmark). */
export function textDelivery({
  waId,
  wamid,
  text,
  name = 'Test Citizen',
  timestamp = 1763980800,
}: {
  waId: string;
  wamid: string;
  text: string;
  name?: string;
  timestamp?: number;
}) {
  return envelope({
    contacts: [{ profile: { name }, wa_id: waId }],
    messages: [{ from: waId, id: wamid, timestamp: String(timestamp), type: 'text', text: { body: text } }],
  });
}

/** A delivery with one reply-button press. */
export function buttonDelivery({
  waId,
  wamid,
  id,
  title,
  timestamp = 1763980800,
}: {
  waId: string;
  wamid: string;
  id: string;
  title: string;
  timestamp?: number;
}) {
  return envelope({
    contacts: [{ profile: { name: 'Test Citizen' }, wa_id: waId }],
    messages: [
      {
        from: waId,
        id: wamid,
        timestamp: String(timestamp),
        type: 'interactive',
        interactive: { type: 'button_reply', button_reply: { id, title } },
      },
    ],
  });
}

/** A delivery status for one of our outbound messages. */
export function statusDelivery({
  wamid,
  status,
  recipientId,
  timestamp = 1763980900,
  errors,
}: {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  recipientId: string;
  timestamp?: number;
  errors?: { code: number; title: string; message?: string; error_data?: { details: string } }[];
}) {
  return envelope({
    statuses: [
      {
        id: wamid,
        status,
        timestamp: String(timestamp),
        recipient_id: recipientId,
        ...(errors ? { errors } : {}),
      },
    ],
  });
}
