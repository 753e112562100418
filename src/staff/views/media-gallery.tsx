import type { StoredFile } from '../../media/photos-for.js';

const isImage = (m: string) => /^image\/(jpeg|png)/i.test(m);

/** A case's evidence: photos inline (each load audited by the media route), documents and voice notes as links/players. */
export function MediaGallery({
  files,
}: {
  files: Pick<StoredFile, 'id' | 'kind' | 'mimeType' | 'caption' | 'fileName' | 'transcript'>[];
}) {
  if (files.length === 0) return null;
  return (
    <>
      <h2>Photos and documents</h2>
      <div class="media-gallery">
        {files.map((f) => (
          <figure class="media-item" data-media-id={f.id}>
            {f.kind === 'image' && isImage(f.mimeType) ? (
              <a href={`/staff/media/${f.id}`}>
                <img
                  src={`/staff/media/${f.id}`}
                  alt={f.caption ?? 'photo sent by the citizen'}
                  width="240"
                />
              </a>
            ) : f.kind === 'audio' ? (
              // biome-ignore lint/a11y/useMediaCaption: a citizen's voice note has no caption track; its transcript is shown
              <audio controls preload="none" src={`/staff/media/${f.id}`} />
            ) : (
              <a href={`/staff/media/${f.id}`}>📄 {f.fileName ?? f.mimeType}</a>
            )}
            {f.caption && <figcaption>{f.caption}</figcaption>}
            {f.transcript && <figcaption>🎤 “{f.transcript}”</figcaption>}
          </figure>
        ))}
      </div>
    </>
  );
}

/** An inbound media message on the transcript page, fetched through the audited media route by message id. */
export function InboundMedia({
  messageId,
  kind,
  caption,
  transcript,
  fileName,
}: {
  messageId: number;
  kind: 'image' | 'document' | 'audio';
  caption?: string;
  transcript?: string;
  fileName?: string;
}) {
  const src = `/staff/media/message/${messageId}`;
  if (kind === 'image')
    return (
      <div class="media-item">
        <a href={src}>
          <img src={src} alt={caption || 'photo (shown once fetched from WhatsApp)'} width="200" />
        </a>
        {caption && <div>{caption}</div>}
      </div>
    );
  if (kind === 'audio')
    return (
      <div class="media-item">
        <div class="meta">🎤 voice note{transcript ? ' — transcribed' : ', not transcribed'}</div>
        {/* biome-ignore lint/a11y/useMediaCaption: the transcript below is its text */}
        <audio controls preload="none" src={src} />
        {transcript && <div>{transcript}</div>}
      </div>
    );
  return (
    <div class="media-item">
      <a href={src}>📄 {fileName || 'document'}</a>
      {caption && <div>{caption}</div>}
    </div>
  );
}
