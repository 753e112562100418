import { renderQrPng } from '../http/media.js';

/** A real PNG (a QR code): what a citizen's photo looks like to the fetch job and the browser. */
export async function samplePng(text = 'ward 3 photo'): Promise<Buffer> {
  return renderQrPng(text);
}

/** The smallest bytes that pass as a PDF (magic number and trailer). */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
