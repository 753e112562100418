import { z } from 'zod';

// WhatsApp's limits (Cloud API docs). Schemas enforce them; the builders in
// outbound-builders.ts make content that always fits, so a send never fails on size.
export const LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttonTitle: 20,
  buttons: 3,
  listButton: 20,
  listRows: 10,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
  caption: 1024,
  footer: 60,
} as const;

/** Length as WhatsApp counts it: Unicode code points, not UTF-16 units. */
export const charCount = (s: string) => Array.from(s).length;
const maxChars = (n: number) =>
  z
    .string()
    .min(1)
    .refine((s) => charCount(s) <= n, `at most ${n} characters`);

export const buttonSchema = z.object({ id: z.string().min(1).max(256), title: maxChars(LIMITS.buttonTitle) });
export const listRowSchema = z.object({
  id: z.string().min(1).max(LIMITS.rowId),
  title: maxChars(LIMITS.rowTitle),
  description: maxChars(LIMITS.rowDescription).optional(),
});

export const outboundMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: maxChars(LIMITS.text) }),
  z.object({
    kind: z.literal('buttons'),
    text: maxChars(LIMITS.interactiveBody),
    buttons: z
      .array(buttonSchema)
      .min(1)
      .max(LIMITS.buttons)
      .refine((b) => new Set(b.map((x) => x.title)).size === b.length, 'button titles must be unique')
      .refine((b) => new Set(b.map((x) => x.id)).size === b.length, 'button ids must be unique'),
    footer: maxChars(LIMITS.footer).optional(),
  }),
  z.object({
    kind: z.literal('list'),
    text: maxChars(LIMITS.interactiveBody),
    buttonLabel: maxChars(LIMITS.listButton),
    rows: z
      .array(listRowSchema)
      .min(1)
      .max(LIMITS.listRows)
      .refine((r) => new Set(r.map((x) => x.id)).size === r.length, 'row ids must be unique'),
  }),
  z.object({
    kind: z.literal('image'),
    // public link Graph API fetches the image from (PUBLIC_BASE_URL/media/...)
    url: z.string().url(),
    caption: maxChars(LIMITS.caption).optional(),
  }),
  z.object({
    // WhatsApp Pay (India): a native UPI checkout for one fee ("Review and pay")
    kind: z.literal('order_details'),
    text: maxChars(LIMITS.interactiveBody),
    referenceId: z.string().min(1).max(35),
    amountPaise: z.number().int().positive(),
    itemName: maxChars(60),
    paymentConfiguration: z.string().min(1),
    footer: maxChars(LIMITS.footer).optional(),
  }),
  z.object({
    // closes a native checkout after the payment is confirmed
    kind: z.literal('order_status'),
    text: maxChars(LIMITS.interactiveBody),
    referenceId: z.string().min(1).max(35),
    status: z.enum(['processing', 'partially_shipped', 'shipped', 'completed', 'canceled']),
    description: maxChars(120).optional(),
  }),
  z.object({
    // a pre-approved template, the only thing WhatsApp delivers after the 24-hour window
    kind: z.literal('template'),
    name: z.string().min(1),
    languageCode: z.string().min(2),
    params: z.array(z.string()),
    // what the citizen will read, kept for the transcript and the simulator
    text: z.string(),
  }),
]);

export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
export type Button = z.infer<typeof buttonSchema>;
export type ListRow = z.infer<typeof listRowSchema>;
