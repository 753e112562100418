import { and, eq } from 'drizzle-orm';
import type { AnyService } from '../services/types.js';
import { type Op, rows } from '../storage/operation.js';
import type { CaseRow } from './case-store.js';

export type PaymentStanding = 'none_due' | 'paid' | 'pending' | 'unpaid';

/** The payment standing of a case: what the case page shows and what gates approval. */
export const paymentStatus = (row: CaseRow): Op<PaymentStanding> =>
  function* ({ db, t }) {
    if (row.feePaise <= 0) return 'none_due';
    const p = t.payments;
    const found = yield* rows(
      db
        .select({ status: p.status })
        .from(p)
        .where(and(eq(p.waId, row.waId), eq(p.forReference, row.reference))),
    );
    if (found.some((r) => r.status === 'paid')) return 'paid';
    return found.some((r) => r.status === 'pending') ? 'pending' : 'unpaid';
  };

/** Why a move is not available given the case's payment standing (a fee unpaid), or null. */
export function blockedGiven(
  service: AnyService,
  row: CaseRow,
  to: string,
  pay: PaymentStanding,
): string | null {
  const needs = service.workflow.needsPayment?.includes(to) ?? false;
  if (needs && pay !== 'none_due' && pay !== 'paid') {
    return `the fee of ₹${row.feePaise / 100} is ${pay === 'pending' ? 'not paid yet (a QR is open)' : 'unpaid'}`;
  }
  return null;
}

/** Why a move is not available now (a fee unpaid), or null when it is. */
export const blockedBecause = (service: AnyService, row: CaseRow, to: string): Op<string | null> =>
  function* (q) {
    if (!(service.workflow.needsPayment?.includes(to) ?? false)) return null;
    return blockedGiven(service, row, to, yield* paymentStatus(row)(q));
  };
