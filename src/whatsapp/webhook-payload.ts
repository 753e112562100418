import { z } from 'zod';
import type { InboundEvent } from './inbound-event.js';

// Meta's webhook payload (Cloud API, field "messages"). Objects are parsed leniently:
// unknown keys are dropped (Meta adds fields over time), and each message and status is
// parsed on its own, so one odd item never costs us the valid ones beside it.

/** Meta sends epoch seconds as a decimal string. */
const epochSeconds = z
  .union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative().max(1e12)])
  .transform((s) => (typeof s === 'number' ? s : Number(s)));

export const webhookEnvelopeSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(z.object({ field: z.string().optional(), value: z.unknown() })).default([]),
    }),
  ),
});
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;

const contactSchema = z.object({
  wa_id: z.string().min(1),
  profile: z.object({ name: z.string().optional() }).optional(),
});

const errorSchema = z.object({
  code: z.number().int(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
export type WhatsAppError = z.infer<typeof errorSchema>;

const valueSchema = z.object({
  messaging_product: z.string().optional(),
  metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string() }).optional(),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(z.unknown()).optional(),
});

const baseMessageSchema = z.object({
  from: z.string().min(1).max(32),
  id: z.string().min(1).max(512),
  timestamp: epochSeconds,
  type: z.string(),
  context: z.object({ from: z.string().optional(), id: z.string().optional() }).optional(),
});

const textSchema = z.object({ text: z.object({ body: z.string() }) });
const imageSchema = z.object({
  image: z.object({
    id: z.string().min(1),
    mime_type: z.string().optional(),
    sha256: z.string().optional(),
    caption: z.string().optional(),
  }),
});
const audioSchema = z.object({
  audio: z.object({
    id: z.string().min(1),
    voice: z.boolean().optional(),
    mime_type: z.string().optional(),
    sha256: z.string().optional(),
  }),
});
const documentSchema = z.object({
  document: z.object({
    id: z.string().min(1),
    mime_type: z.string().optional(),
    sha256: z.string().optional(),
    filename: z.string().optional(),
    caption: z.string().optional(),
  }),
});
const locationSchema = z.object({
  location: z.object({
    latitude: z.number().finite(),
    longitude: z.number().finite(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
});
const interactiveSchema = z.object({
  interactive: z.discriminatedUnion('type', [
    z.object({
      type: z.literal('button_reply'),
      button_reply: z.object({ id: z.string(), title: z.string() }),
    }),
    z.object({
      type: z.literal('list_reply'),
      list_reply: z.object({ id: z.string(), title: z.string(), description: z.string().optional() }),
    }),
  ]),
});
// A quick-reply button on a template message arrives as type "button", not "interactive".
const templateButtonSchema = z.object({ button: z.object({ payload: z.string(), text: z.string() }) });

const statusSchema = z.object({
  id: z.string().min(1),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  timestamp: epochSeconds,
  recipient_id: z.string(),
  type: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});

const moneySchema = z.object({ value: z.number().int().nonnegative(), offset: z.number().int().positive() });

// WhatsApp Pay (India): a status of `type: "payment"` reports the checkout of an order_details
// message. It is not a delivery status, and it must never be dropped: it is how a fee gets paid.
const paymentStatusSchema = z.object({
  id: z.string().min(1),
  type: z.literal('payment'),
  status: z.enum(['captured', 'pending', 'failed']),
  timestamp: epochSeconds,
  recipient_id: z.string().optional(),
  payment: z.object({
    reference_id: z.string().min(1).max(64),
    amount: moneySchema.optional(),
    currency: z.string().optional(),
    transaction: z
      .object({
        id: z.string().min(1).max(128),
        type: z.string().optional(),
        status: z.string().optional(),
        amount: moneySchema.optional(),
        error: z
          .object({ code: z.union([z.string(), z.number()]).optional(), reason: z.string().optional() })
          .optional(),
      })
      .optional(),
  }),
});

export interface PaymentStatusUpdate {
  /** the wamid of the order_details message */
  wamid: string;
  status: 'captured' | 'pending' | 'failed';
  timestamp: number;
  recipientId?: string;
  referenceId: string;
  /** paise (value scaled to offset 100), when the status carries an amount */
  amountPaise?: number;
  currency?: string;
  transactionId?: string;
  error?: string;
}

/** Meta's `{ value, offset }` money as paise; undefined when it is not a whole number of paise. */
export function toPaise(m: { value: number; offset: number } | undefined): number | undefined {
  if (!m) return undefined;
  const paise = (m.value * 100) / m.offset;
  return Number.isInteger(paise) ? paise : undefined;
}

export interface InboundItem {
  waId: string;
  name?: string;
  wamid: string;
  /** Meta's timestamp, epoch seconds (stored as messages.wa_timestamp) */
  timestamp: number;
  event: InboundEvent;
  /** the wamid of our message the citizen replied to (button and list replies carry it) */
  contextWamid?: string;
}

export interface StatusUpdate {
  wamid: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** Meta's timestamp, epoch seconds */
  timestamp: number;
  recipientId: string;
  errors?: WhatsAppError[];
}

function* values(payload: WebhookEnvelope) {
  if (payload.object !== 'whatsapp_business_account') return;
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== undefined && change.field !== 'messages') continue;
      const v = valueSchema.safeParse(change.value);
      if (v.success) yield v.data;
    }
  }
}

/** Reduces a message object of a known type to our InboundEvent; other types become `unsupported`. */
function toEvent(type: string, raw: unknown): InboundEvent {
  switch (type) {
    case 'text': {
      const m = textSchema.safeParse(raw);
      if (m.success) return { kind: 'text', text: m.data.text.body };
      break;
    }
    case 'interactive': {
      const m = interactiveSchema.safeParse(raw);
      if (!m.success) break;
      const i = m.data.interactive;
      if (i.type === 'button_reply')
        return { kind: 'button', id: i.button_reply.id, title: i.button_reply.title };
      const { id, title, description } = i.list_reply;
      return description === undefined
        ? { kind: 'list', id, title }
        : { kind: 'list', id, title, description };
    }
    case 'button': {
      const m = templateButtonSchema.safeParse(raw);
      if (m.success) return { kind: 'button', id: m.data.button.payload, title: m.data.button.text };
      break;
    }
    case 'image': {
      const m = imageSchema.safeParse(raw);
      if (!m.success) break;
      const { id, mime_type, sha256, caption } = m.data.image;
      return {
        kind: 'image',
        mediaId: id,
        ...(mime_type !== undefined && { mimeType: mime_type }),
        ...(sha256 !== undefined && { sha256 }),
        ...(caption !== undefined && { caption }),
      };
    }
    case 'audio': {
      const m = audioSchema.safeParse(raw);
      if (!m.success) break;
      const { id, voice, mime_type, sha256 } = m.data.audio;
      return {
        kind: 'audio',
        mediaId: id,
        ...(voice !== undefined && { voice }),
        ...(mime_type !== undefined && { mimeType: mime_type }),
        ...(sha256 !== undefined && { sha256 }),
      };
    }
    case 'document': {
      const m = documentSchema.safeParse(raw);
      if (!m.success) break;
      const { id, mime_type, sha256, filename, caption } = m.data.document;
      return {
        kind: 'document',
        mediaId: id,
        ...(mime_type !== undefined && { mimeType: mime_type }),
        ...(sha256 !== undefined && { sha256 }),
        ...(filename !== undefined && { fileName: filename.slice(0, 240) }),
        ...(caption !== undefined && { caption }),
      };
    }
    case 'location': {
      const m = locationSchema.safeParse(raw);
      if (!m.success) break;
      const { latitude, longitude, name, address } = m.data.location;
      return {
        kind: 'location',
        latitude,
        longitude,
        ...(name !== undefined && { name }),
        ...(address !== undefined && { address }),
      };
    }
  }
  // sticker, video, reaction, contacts, order, system, unknown… or a known type
  // whose body did not match: kept (the citizen wrote something) and answered politely.
  return { kind: 'unsupported', type: type.slice(0, 40) };
}

/** Every citizen message in a delivery, in payload order. Items without sender or id are skipped. */
export function toInboundEvents(payload: WebhookEnvelope): InboundItem[] {
  const out: InboundItem[] = [];
  for (const value of values(payload)) {
    const names = new Map<string, string>();
    for (const c of value.contacts ?? []) {
      const contact = contactSchema.safeParse(c);
      if (contact.success && contact.data.profile?.name)
        names.set(contact.data.wa_id, contact.data.profile.name);
    }
    for (const raw of value.messages ?? []) {
      const base = baseMessageSchema.safeParse(raw);
      if (!base.success) continue;
      const m = base.data;
      const name = names.get(m.from);
      out.push({
        waId: m.from,
        ...(name !== undefined && { name }),
        wamid: m.id,
        timestamp: m.timestamp,
        event: toEvent(m.type, raw),
        ...(m.context?.id !== undefined && { contextWamid: m.context.id }),
      });
    }
  }
  return out;
}

const isPaymentStatus = (raw: unknown) =>
  typeof raw === 'object' && raw !== null && (raw as { type?: unknown }).type === 'payment';

/** Every delivery status in a delivery (sent/delivered/read/failed); other statuses are skipped. */
export function toStatusUpdates(payload: WebhookEnvelope): StatusUpdate[] {
  const out: StatusUpdate[] = [];
  for (const value of values(payload)) {
    for (const raw of value.statuses ?? []) {
      // a payment's status is toPaymentStatusUpdates' (checked before zod: a failed parse builds an error)
      if (isPaymentStatus(raw)) continue;
      const s = statusSchema.safeParse(raw);
      // a payment's "failed" is not a delivery failure of the order message
      if (!s.success || s.data.type === 'payment') continue;
      out.push({
        wamid: s.data.id,
        status: s.data.status,
        timestamp: s.data.timestamp,
        recipientId: s.data.recipient_id,
        ...(s.data.errors?.length ? { errors: s.data.errors } : {}),
      });
    }
  }
  return out;
}

/** Every WhatsApp Pay status (`type: "payment"`: captured, pending, failed) in a delivery. */
export function toPaymentStatusUpdates(payload: WebhookEnvelope): PaymentStatusUpdate[] {
  const out: PaymentStatusUpdate[] = [];
  for (const value of values(payload)) {
    for (const raw of value.statuses ?? []) {
      // most statuses are delivery receipts (three per reply): skipped before zod, whose
      // failed parse would build an error object for each
      if (!isPaymentStatus(raw)) continue;
      const s = paymentStatusSchema.safeParse(raw);
      if (!s.success) continue;
      const p = s.data.payment;
      const amountPaise = toPaise(p.amount ?? p.transaction?.amount);
      const err = p.transaction?.error;
      out.push({
        wamid: s.data.id,
        status: s.data.status,
        timestamp: s.data.timestamp,
        ...(s.data.recipient_id !== undefined && { recipientId: s.data.recipient_id }),
        referenceId: p.reference_id,
        ...(amountPaise !== undefined && { amountPaise }),
        ...(p.currency !== undefined && { currency: p.currency }),
        ...(p.transaction?.id !== undefined && { transactionId: p.transaction.id }),
        ...(err && { error: [err.code, err.reason].filter((x) => x !== undefined).join(' ') }),
      });
    }
  }
  return out;
}

/** Meta's error as one line for last_error: "131047 Re-engagement message: <details>". */
export function describeWhatsAppError(e: WhatsAppError): string {
  const title = e.title ?? e.message ?? 'error';
  const details = e.error_data?.details;
  return details ? `${e.code} ${title}: ${details}` : `${e.code} ${title}`;
}
