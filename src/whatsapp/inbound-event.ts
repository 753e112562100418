import { z } from 'zod';

/**
 * One citizen message, reduced from Meta's payload (or the chat simulator) to what the
 * agent needs. Stored as the inbound row's payload; `text` of the row is its readable text.
 */
export const inboundEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('button'), id: z.string(), title: z.string() }),
  z.object({
    kind: z.literal('list'),
    id: z.string(),
    title: z.string(),
    description: z.string().optional(),
  }),
  z.object({
    kind: z.literal('image'),
    mediaId: z.string(),
    mimeType: z.string().optional(),
    sha256: z.string().optional(),
    caption: z.string().optional(),
  }),
  z.object({
    kind: z.literal('document'),
    mediaId: z.string(),
    mimeType: z.string().optional(),
    sha256: z.string().optional(),
    fileName: z.string().optional(),
    caption: z.string().optional(),
  }),
  z.object({
    kind: z.literal('audio'),
    mediaId: z.string(),
    voice: z.boolean().optional(),
    mimeType: z.string().optional(),
    sha256: z.string().optional(),
    /** speech-to-text of a voice note, once transcribed: then it is the citizen's message */
    transcript: z.string().optional(),
  }),
  z.object({
    kind: z.literal('location'),
    latitude: z.number(),
    longitude: z.number(),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
  z.object({ kind: z.literal('unsupported'), type: z.string() }),
]);

export type InboundEvent = z.infer<typeof inboundEventSchema>;

/** The readable text of an event: what language detection and the transcript see. */
export function eventText(e: InboundEvent): string {
  switch (e.kind) {
    case 'text':
      return e.text;
    case 'button':
    case 'list':
      return e.title;
    case 'image':
    case 'document':
      return e.caption ?? '';
    case 'audio':
      return e.transcript ?? '';
    case 'location':
      return [e.name, e.address].filter(Boolean).join(', ');
    default:
      return '';
  }
}
