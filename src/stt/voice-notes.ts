import { and, eq } from 'drizzle-orm';
import type { Config } from '../config.js';
import { type Lang, languageSchema } from '../lang/language.js';
import { createGraphMedia } from '../media/graph-media.js';
import { createMediaFetcher, type MediaFetcher } from '../media/media-fetch-job.js';
import type { MediaStore } from '../media/media-store.js';
import { exec, first, type Op } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { createTranscriber, type Transcriber } from './transcribe.js';

type Logger = { info: (o: unknown, m?: string) => void; warn: (o: unknown, m?: string) => void };

/** Turns a voice note into the citizen's message: the pipeline calls it before the turn. */
export type VoiceResolver = (row: {
  id: number;
  waId: string;
  event: InboundEvent;
}) => Promise<InboundEvent | null>;

/**
 * Before a voice note's turn: make sure its audio is fetched (now, not at the next backoff),
 * transcribe it with the conversation's language as the hint, and store the transcript on
 * the media row and in the message (payload `transcript`, text), so the engine, the
 * transcript record and the console all read it as what the citizen said. Null on any
 * failure: the turn then asks the citizen to type, and the audio is kept.
 */
const audioRowOp = (
  messageId: number,
): Op<{ id: number; status: string; sha256: string | null; mimeType: string | null } | undefined> =>
  function* ({ db, t }) {
    const f = t.mediaFiles;
    return yield* first(
      db
        .select({ id: f.id, status: f.status, sha256: f.sha256, mimeType: f.mimeType })
        .from(f)
        .where(and(eq(f.messageId, messageId), eq(f.kind, 'audio'))),
    );
  };

const languageOp = (waId: string): Op<string | undefined> =>
  function* ({ db, t }) {
    return (yield* first(
      db.select({ language: t.citizens.language }).from(t.citizens).where(eq(t.citizens.waId, waId)),
    ))?.language;
  };

/** the transcript on the media row and in the message (payload and text), in one transaction */
const saveTranscriptOp = (mediaRowId: number, messageId: number, transcript: string): Op<void> =>
  function* ({ db, t }) {
    yield* exec(db.update(t.mediaFiles).set({ transcript }).where(eq(t.mediaFiles.id, mediaRowId)));
    const m = yield* first(
      db.select({ payload: t.messages.payload }).from(t.messages).where(eq(t.messages.id, messageId)),
    );
    if (!m) return;
    yield* exec(
      db
        .update(t.messages)
        .set({ payload: { ...(m.payload as object), transcript } as never, text: transcript })
        .where(eq(t.messages.id, messageId)),
    );
  };

export function createVoiceResolver(o: {
  store: Store;
  media: MediaStore;
  transcribe: Transcriber;
  fetcher?: Pick<MediaFetcher, 'fetchForMessage'> | null;
  logger: Logger;
}): VoiceResolver {
  return async ({ id, waId, event }) => {
    if (event.kind !== 'audio' || event.transcript) return null;
    try {
      let row = await o.store.read(audioRowOp(id));
      if (row?.status === 'pending' && o.fetcher) {
        await o.fetcher.fetchForMessage(id);
        row = await o.store.read(audioRowOp(id));
      }
      const bytes = row?.status === 'stored' && row.sha256 ? await o.media.read(row.sha256) : null;
      if (!row || !bytes) return null;
      const lang: Lang = languageSchema.catch('hi').parse(await o.store.read(languageOp(waId)));
      const transcript = await o.transcribe(bytes, row.mimeType ?? event.mimeType ?? 'audio/ogg', lang);
      await o.store.transaction(saveTranscriptOp(row.id, id, transcript));
      return { ...event, transcript };
    } catch (err) {
      o.logger.warn(
        { inboundId: id, err: err instanceof Error ? err.message : String(err) },
        'voice note not transcribed',
      );
      return null;
    }
  };
}

/** The resolver as a service builds it from its Config (main thread or turn worker); undefined without STT. */
export function voiceResolverFromConfig(
  config: Config,
  store: Store,
  media: MediaStore,
  logger: Logger,
): VoiceResolver | undefined {
  const transcribe = createTranscriber(config.stt);
  if (!transcribe) return undefined;
  const { accessToken, phoneNumberId } = config.whatsapp;
  const fetcher =
    accessToken && phoneNumberId
      ? createMediaFetcher({
          store,
          media,
          graph: createGraphMedia({ apiUrl: config.whatsapp.apiUrl, accessToken }),
          now: () => Date.now(),
          logger,
        })
      : null;
  return createVoiceResolver({ store, media, transcribe, fetcher, logger });
}
