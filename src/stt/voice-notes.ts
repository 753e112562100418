import type { Config } from '../config.js';
import type { Db } from '../db/open-database.js';
import { type Lang, languageSchema } from '../lang/language.js';
import { createGraphMedia } from '../media/graph-media.js';
import { createMediaFetcher, type MediaFetcher } from '../media/media-fetch-job.js';
import { createMediaStore, type MediaStore } from '../media/media-store.js';
import type { InboundEvent } from '../whatsapp/inbound-event.js';
import { createTranscriber, type Transcriber } from './transcribe.js';

type Logger = { info: (o: unknown, m?: string) => void; warn: (o: unknown, m?: string) => void };
type AudioEvent = Extract<InboundEvent, { kind: 'audio' }>;

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
export function createVoiceResolver(o: {
  db: Db;
  store: MediaStore;
  transcribe: Transcriber;
  fetcher?: Pick<MediaFetcher, 'fetchForMessage'> | null;
  logger: Logger;
}): VoiceResolver {
  const c = o.db.$client;
  const media = c.prepare(
    "select id, status, sha256, mime_type as mimeType from media_files where message_id = ? and kind = 'audio'",
  );
  const language = c.prepare('select language from citizens where wa_id = ?');
  const saveMedia = c.prepare('update media_files set transcript = ? where id = ?');
  const saveMessage = c.prepare('update messages set payload = ?, text = ? where id = ?');
  type Row = { id: number; status: string; sha256: string | null; mimeType: string | null };

  return async ({ id, waId, event }) => {
    if (event.kind !== 'audio' || event.transcript) return null;
    try {
      let row = media.get(id) as Row | undefined;
      if (row?.status === 'pending' && o.fetcher) {
        await o.fetcher.fetchForMessage(id);
        row = media.get(id) as Row | undefined;
      }
      const bytes = row?.status === 'stored' && row.sha256 ? o.store.read(row.sha256) : null;
      if (!row || !bytes) return null;
      const lang: Lang = languageSchema
        .catch('hi')
        .parse((language.get(waId) as { language?: string } | undefined)?.language);
      const transcript = await o.transcribe(bytes, row.mimeType ?? event.mimeType ?? 'audio/ogg', lang);
      const next: AudioEvent = { ...event, transcript };
      c.transaction(() => {
        saveMedia.run(transcript, row.id);
        const stored = c.prepare('select payload from messages where id = ?').get(id) as { payload: string };
        saveMessage.run(JSON.stringify({ ...JSON.parse(stored.payload), transcript }), transcript, id);
      })();
      return next;
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
export function voiceResolverFromConfig(config: Config, db: Db, logger: Logger): VoiceResolver | undefined {
  const transcribe = createTranscriber(config.stt);
  if (!transcribe) return undefined;
  const store = createMediaStore(config.mediaDir);
  const { accessToken, phoneNumberId } = config.whatsapp;
  const fetcher =
    accessToken && phoneNumberId
      ? createMediaFetcher({
          db,
          graph: createGraphMedia({ apiUrl: config.whatsapp.apiUrl, accessToken }),
          store,
          now: () => Date.now(),
          logger,
        })
      : null;
  return createVoiceResolver({ db, store, transcribe, fetcher, logger });
}
