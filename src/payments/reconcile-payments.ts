import { z } from 'zod';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { toPaise } from '../whatsapp/webhook-payload.js';
import { applyPaymentStatus } from './whatsapp-payment-status.js';

const money = z.object({ value: z.number(), offset: z.number().positive() });
const lookupSchema = z.object({
  payments: z
    .array(
      z.object({
        reference_id: z.string(),
        status: z.string(),
        amount: money.optional(),
        currency: z.string().optional(),
        transactions: z.array(z.object({ id: z.string(), status: z.string().optional() })).optional(),
      }),
    )
    .default([]),
});

export interface PaymentLookupResult {
  status: 'captured' | 'pending' | 'failed';
  amountPaise?: number;
  currency?: string;
  transactionId?: string;
}

/** Graph's payment lookup: `GET /{phone-number-id}/payments/{payment-configuration}/{reference-id}`. */
export function createPaymentLookup(o: {
  apiUrl: string;
  phoneNumberId: string;
  accessToken: string;
  configuration: string;
  timeoutMs?: number;
}) {
  return async (reference: string): Promise<PaymentLookupResult | null> => {
    const url = `${o.apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(o.phoneNumberId)}/payments/${encodeURIComponent(o.configuration)}/${encodeURIComponent(reference)}`;
    const res = await fetch(url, {
      headers: { authorization: `Bearer ${o.accessToken}` },
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`payment lookup HTTP ${res.status}`);
    const parsed = lookupSchema.safeParse(await res.json().catch(() => undefined));
    const p = parsed.success ? parsed.data.payments.find((x) => x.reference_id === reference) : undefined;
    if (!p || !['captured', 'pending', 'failed'].includes(p.status)) return null;
    const paise = toPaise(p.amount);
    const txn = p.transactions?.find((t) => t.status === 'success') ?? p.transactions?.[0];
    return {
      status: p.status as PaymentLookupResult['status'],
      ...(paise !== undefined && { amountPaise: paise }),
      ...(p.currency !== undefined && { currency: p.currency }),
      ...(txn && { transactionId: txn.id }),
    };
  };
}

/**
 * Native checkouts still unconfirmed `afterMs` after they were sent (no status arrived, or
 * only `pending`) are looked up on Graph, and what it says is applied exactly as a webhook
 * status would be: the same checks, the same idempotency. Returns how many were looked up.
 */
export async function reconcilePendingPayments(o: {
  db: Db;
  lookup: (reference: string) => Promise<PaymentLookupResult | null>;
  now: number;
  afterMs: number;
  simulated: boolean;
  catalogue?: Catalogue;
  limit?: number;
}): Promise<number> {
  const due = o.db.$client
    .prepare(
      `select reference from payments
       where checkout = 'whatsapp' and status = 'pending' and coalesce(wa_payment_status, 'pending') = 'pending'
         and coalesce(wa_payment_status_at, created_at) <= ?
       order by created_at limit ?`,
    )
    .all(o.now - o.afterMs, o.limit ?? 50) as { reference: string }[];
  for (const { reference } of due) {
    const found = await o.lookup(reference);
    if (!found) continue;
    applyPaymentStatus(
      o.db,
      { wamid: `lookup:${reference}`, timestamp: Math.floor(o.now / 1000), referenceId: reference, ...found },
      { now: o.now, simulated: o.simulated, ...(o.catalogue && { catalogue: o.catalogue }) },
    );
    // still pending: look again only after another full period
    o.db.$client
      .prepare(
        "update payments set wa_payment_status = 'pending', wa_payment_status_at = ? where reference = ? and status = 'pending' and coalesce(wa_payment_status, 'pending') = 'pending'",
      )
      .run(o.now, reference);
  }
  return due.length;
}
