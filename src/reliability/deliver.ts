import { textDelivery } from '../testing/whatsapp-payloads.js';
import { signBody } from '../whatsapp/signature.js';

/** The raw body and headers Meta would POST for one text message. */
export function signedTextDelivery({
  waId,
  wamid,
  text,
  secret,
}: {
  waId: string;
  wamid: string;
  text: string;
  secret: string;
}): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(textDelivery({ waId, wamid, text, timestamp: Math.floor(Date.now() / 1000) }));
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, secret) },
  };
}

/** POSTs one delivery to a running server; the HTTP status, or 0 when the connection failed. */
export async function postDelivery(
  baseUrl: string,
  d: { body: string; headers: Record<string, string> },
): Promise<number> {
  try {
    const res = await fetch(`${baseUrl}/webhook/whatsapp`, {
      method: 'POST',
      body: d.body,
      headers: d.headers,
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
