import { citizenWaId, scriptFor } from '../../src/reliability/conversations.js';
import { statusDelivery, textDelivery } from '../../src/testing/whatsapp-payloads.js';
import { signBody } from '../../src/whatsapp/signature.js';

export interface Delivery {
  wamid: string;
  waId: string;
  body: string;
  headers: Record<string, string>;
}

/**
 * An endless stream of signed deliveries, each with a unique wamid: message k goes to
 * citizen k mod `citizens`, who works through a realistic multi-turn conversation.
 */
export function deliveryStream({ run, citizens, secret }: { run: string; citizens: number; secret: string }) {
  const scripts = new Map<number, string[]>();
  let k = 0;
  return (): Delivery => {
    const c = k % citizens;
    const turn = Math.floor(k / citizens);
    let script = scripts.get(c);
    if (!script) {
      script = scriptFor(c, 64);
      scripts.set(c, script);
    }
    const waId = citizenWaId(run, c);
    const wamid = `wamid.${run}.${k++}`;
    const body = JSON.stringify(
      textDelivery({
        waId,
        wamid,
        text: script[turn % script.length],
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    return {
      wamid,
      waId,
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, secret) },
    };
  };
}

/**
 * Signed status deliveries ("delivered" receipts for outbound wamids): the webhook's whole
 * path (signature, parse, one transaction) without starting a turn. Isolates ingest from
 * the turns the same process runs.
 */
export function statusStream({ run, secret }: { run: string; secret: string }) {
  let k = 0;
  return (): Delivery => {
    const wamid = `wamid.OUT.${run}.${k++}`;
    const waId = citizenWaId(run, k % 5000);
    const body = JSON.stringify(
      statusDelivery({
        wamid,
        status: 'delivered',
        recipientId: waId,
        timestamp: Math.floor(Date.now() / 1000),
      }),
    );
    return {
      wamid,
      waId,
      body,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, secret) },
    };
  };
}
