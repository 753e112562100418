import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Catalogue } from '../i18n/catalogue.js';
import { exec, type Op, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
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

/** Native checkouts still waiting for a final status since before `dueBefore`, oldest first. */
const duePaymentsOp = (dueBefore: number, limit: number): Op<string[]> =>
  function* ({ db, t }) {
    const p = t.payments;
    const due = yield* rows(
      db
        .select({ reference: p.reference })
        .from(p)
        .where(
          and(
            eq(p.checkout, 'whatsapp'),
            eq(p.status, 'pending'),
            eq(sql`coalesce(${p.waPaymentStatus}, 'pending')`, 'pending'),
            // coalesce(status_at, created_at) <= dueBefore, spelt out so each column maps the epoch ms itself
            or(
              lte(p.waPaymentStatusAt, dueBefore),
              and(isNull(p.waPaymentStatusAt), lte(p.createdAt, dueBefore)),
            ),
          ),
        )
        .orderBy(asc(p.createdAt))
        .limit(limit),
    );
    return due.map((r) => r.reference);
  };

/** Still pending after a lookup: look again only after another full period. */
const lookedAtOp = (reference: string, at: number): Op<number> =>
  function* ({ db, t }) {
    const p = t.payments;
    return yield* exec(
      db
        .update(p)
        .set({ waPaymentStatus: 'pending', waPaymentStatusAt: at })
        .where(
          and(
            eq(p.reference, reference),
            eq(p.status, 'pending'),
            eq(sql`coalesce(${p.waPaymentStatus}, 'pending')`, 'pending'),
          ),
        ),
    );
  };

/**
 * Native checkouts still unconfirmed `afterMs` after they were sent (no status arrived, or
 * only `pending`) are looked up on Graph, and what it says is applied exactly as a webhook
 * status would be: the same checks, the same idempotency. Returns how many were looked up.
 * On several instances only the one holding the background-job lock should call it; if two
 * did, the payment lock and the transaction id would still keep each receipt single.
 */
export async function reconcilePendingPayments(o: {
  store: Store;
  lookup: (reference: string) => Promise<PaymentLookupResult | null>;
  now: number;
  afterMs: number;
  simulated: boolean;
  catalogue?: Catalogue;
  limit?: number;
}): Promise<number> {
  const due = await o.store.read(duePaymentsOp(o.now - o.afterMs, o.limit ?? 50));
  for (const reference of due) {
    const found = await o.lookup(reference);
    if (!found) continue;
    await applyPaymentStatus(
      o.store,
      { wamid: `lookup:${reference}`, timestamp: Math.floor(o.now / 1000), referenceId: reference, ...found },
      { now: o.now, simulated: o.simulated, ...(o.catalogue && { catalogue: o.catalogue }) },
    );
    await o.store.transaction(lookedAtOp(reference, o.now));
  }
  return due.length;
}
