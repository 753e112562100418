import { z } from 'zod';

/** Graph's answer to `GET /{media-id}`: a download URL valid for 5 minutes, and what the file is. */
const lookupSchema = z.object({
  url: z.string().url(),
  mime_type: z.string().min(1),
  sha256: z.string().min(1).optional(),
  file_size: z.union([z.number(), z.string()]).optional(),
  id: z.string().optional(),
});
export type MediaLookup = { url: string; mimeType: string; sha256?: string; fileSize?: number };

/** A failed Graph media call; `permanent` ones (the id is unknown or expired) are not retried. */
export class MediaFetchError extends Error {
  override name = 'MediaFetchError';
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface GraphMediaOptions {
  apiUrl: string;
  accessToken: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

/** The two Graph calls behind a citizen's media: look the id up, download the URL with the token. */
export function createGraphMedia(o: GraphMediaOptions) {
  const doFetch = o.fetch ?? globalThis.fetch;
  const timeoutMs = o.timeoutMs ?? 30_000;
  const auth = { authorization: `Bearer ${o.accessToken}` };

  async function call(url: string, what: string): Promise<Response> {
    try {
      return await doFetch(url, {
        headers: auth,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'follow',
      });
    } catch (err) {
      throw new MediaFetchError(`${what}: ${err instanceof Error ? err.message : String(err)}`, false);
    }
  }

  return {
    async lookup(mediaId: string): Promise<MediaLookup> {
      const res = await call(
        `${o.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(mediaId)}`,
        'media lookup',
      );
      const body = await res.json().catch(() => undefined);
      if (!res.ok) {
        const e = (body as { error?: { code?: number; message?: string } } | undefined)?.error;
        // 100 with 400/404: the id does not exist (any more); Meta keeps media 30 days at most
        const permanent = res.status === 404 || (res.status === 400 && e?.code === 100);
        throw new MediaFetchError(`media lookup HTTP ${res.status}: ${e?.message ?? ''}`.trim(), permanent);
      }
      const parsed = lookupSchema.safeParse(body);
      if (!parsed.success) throw new MediaFetchError('media lookup: unexpected answer', false);
      const size = parsed.data.file_size === undefined ? undefined : Number(parsed.data.file_size);
      return {
        url: parsed.data.url,
        mimeType: parsed.data.mime_type,
        ...(parsed.data.sha256 !== undefined && { sha256: parsed.data.sha256 }),
        ...(size !== undefined && Number.isFinite(size) && { fileSize: size }),
      };
    },
    /** Downloads at most `maxBytes` (+1, to tell "too big"); an expired URL fails and is retried from a fresh lookup. */
    async download(url: string, maxBytes: number): Promise<Uint8Array> {
      const res = await call(url, 'media download');
      if (!res.ok) {
        await res.body?.cancel().catch(() => {});
        throw new MediaFetchError(`media download HTTP ${res.status}`, false);
      }
      const declared = Number(res.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared > maxBytes) {
        await res.body?.cancel().catch(() => {});
        throw new MediaFetchError(`media download: ${declared} bytes is over the limit`, true);
      }
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = res.body?.getReader();
      if (!reader) return new Uint8Array();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel().catch(() => {});
          throw new MediaFetchError(`media download: over ${maxBytes} bytes`, true);
        }
        chunks.push(value);
      }
      return Buffer.concat(chunks);
    },
  };
}
export type GraphMedia = ReturnType<typeof createGraphMedia>;
