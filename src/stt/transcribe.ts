import type { Lang } from '../lang/language.js';

export interface TranscriberOptions {
  /** OpenAI-compatible base URL ending in /v1 (OpenAI, Groq, a local whisper server, a Bhashini adapter) */
  baseUrl?: string;
  apiKey?: string;
  model: string;
  timeoutMs?: number;
}

export type Transcriber = (audio: Uint8Array, mimeType: string, lang: Lang) => Promise<string>;

// Whisper-style models take an ISO-639-1 hint; romanized Hindi is still spoken Hindi.
const HINT: Record<Lang, string> = { hi: 'hi', hinglish: 'hi', en: 'en' };
const EXT: Record<string, string> = {
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/amr': 'amr',
};

/**
 * Speech to text over `POST {baseUrl}/audio/transcriptions` (multipart: file, model,
 * language), the OpenAI shape most servers speak. Throws on any failure: the caller asks
 * the citizen to type instead, and keeps the audio.
 */
export function createTranscriber(o: TranscriberOptions): Transcriber | null {
  if (!o.baseUrl && !o.apiKey) return null;
  const url = `${(o.baseUrl ?? 'https://api.openai.com/v1').replace(/\/+$/, '')}/audio/transcriptions`;
  return async (audio, mimeType, lang) => {
    const mime = mimeType.split(';')[0].trim().toLowerCase();
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(audio)], { type: mime }),
      `voice-note.${EXT[mime] ?? 'ogg'}`,
    );
    form.append('model', o.model);
    form.append('language', HINT[lang]);
    form.append('response_format', 'json');
    const res = await fetch(url, {
      method: 'POST',
      headers: o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {},
      body: form,
      signal: AbortSignal.timeout(o.timeoutMs ?? 30_000),
    });
    if (!res.ok) throw new Error(`transcription HTTP ${res.status}`);
    const body = (await res.json().catch(() => null)) as { text?: unknown } | null;
    const text = typeof body?.text === 'string' ? body.text.trim() : '';
    if (!text) throw new Error('transcription was empty');
    return text.slice(0, 4000);
  };
}
