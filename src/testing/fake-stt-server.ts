import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSttRequest {
  model: string;
  language: string | null;
  fileName: string;
  mimeType: string;
  bytes: number;
  authorization: string | undefined;
}

/**
 * A local OpenAI-compatible speech-to-text server: `POST /v1/audio/transcriptions`
 * (multipart) answers `{ text }` from `reply`, or an error status from `fail`.
 */
export async function startFakeSttServer(o: { reply?: (r: FakeSttRequest) => string } = {}) {
  const requests: FakeSttRequest[] = [];
  const state = { fail: 0 as number, reply: o.reply ?? (() => 'transcribed speech') };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.method !== 'POST' || req.url !== '/v1/audio/transcriptions') {
      res.writeHead(404).end();
      return;
    }
    const form = await new Request('http://x/', {
      method: 'POST',
      headers: { 'content-type': req.headers['content-type'] ?? '' },
      body: Buffer.concat(chunks),
    })
      .formData()
      .catch(() => null);
    const file = form?.get('file');
    if (!form || !(file instanceof Blob)) {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":{"message":"no file"}}');
      return;
    }
    const r: FakeSttRequest = {
      model: String(form.get('model') ?? ''),
      language: form.get('language') === null ? null : String(form.get('language')),
      fileName: file instanceof File ? file.name : '',
      mimeType: file.type,
      bytes: file.size,
      authorization: req.headers.authorization,
    };
    requests.push(r);
    if (state.fail) {
      res.writeHead(state.fail, { 'content-type': 'application/json' }).end('{"error":{"message":"down"}}');
      return;
    }
    const text = JSON.stringify({ text: state.reply(r) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(text);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    state,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
