// WhatsApp Cloud API's supported media (developers.facebook.com/docs/whatsapp/cloud-api/reference/media):
// what Meta would let a citizen send us, and so the most we ever need to accept and keep.
const MB = 1024 * 1024;

export type MediaKind = 'image' | 'document' | 'audio';

export const MEDIA_LIMITS: Record<MediaKind, { maxBytes: number; mimeTypes: readonly string[] }> = {
  image: { maxBytes: 5 * MB, mimeTypes: ['image/jpeg', 'image/png'] },
  audio: {
    maxBytes: 16 * MB,
    mimeTypes: ['audio/aac', 'audio/amr', 'audio/mpeg', 'audio/mp4', 'audio/ogg'],
  },
  document: {
    maxBytes: 100 * MB,
    mimeTypes: [
      'application/pdf',
      'text/plain',
      'application/msword',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/vnd.ms-powerpoint',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
  },
};

/** "audio/ogg; codecs=opus" → "audio/ogg" */
export const baseMime = (m: string) => m.split(';')[0].trim().toLowerCase();

/** Why these bytes may not be kept, or null when they fit WhatsApp's limits for the kind. */
export function mediaProblem(kind: MediaKind, mimeType: string, bytes: Uint8Array): string | null {
  const limits = MEDIA_LIMITS[kind];
  const mime = baseMime(mimeType);
  if (!limits.mimeTypes.includes(mime)) return `mime type ${mime} is not allowed for ${kind}`;
  if (bytes.byteLength === 0) return 'empty file';
  if (bytes.byteLength > limits.maxBytes)
    return `${bytes.byteLength} bytes is over the ${limits.maxBytes}-byte limit for ${kind}`;
  // staff open these files in a browser: the bytes must be what the type claims
  const magic = MAGIC[mime];
  if (magic && !magic(bytes)) return `the bytes are not ${mime}`;
  return null;
}

const starts = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);
const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => starts(b, [0xff, 0xd8, 0xff]),
  'image/png': (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'application/pdf': (b) => starts(b, [0x25, 0x50, 0x44, 0x46]),
  'audio/ogg': (b) => starts(b, [0x4f, 0x67, 0x67, 0x53]),
};
