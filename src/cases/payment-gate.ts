import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { payments } from '../db/schema.js';
import type { AnyService } from '../services/types.js';
import type { CaseRow } from './case-store.js';

/** The payment standing of a case: what the case page shows and what gates approval. */
export function paymentStatus(db: Db, row: CaseRow): 'none_due' | 'paid' | 'pending' | 'unpaid' {
  if (row.feePaise <= 0) return 'none_due';
  const rows = db
    .select({ status: payments.status })
    .from(payments)
    .where(and(eq(payments.waId, row.waId), eq(payments.forReference, row.reference)))
    .all();
  if (rows.some((p) => p.status === 'paid')) return 'paid';
  return rows.some((p) => p.status === 'pending') ? 'pending' : 'unpaid';
}

/** Why a move is not available now (a fee unpaid), or null when it is. */
export function blockedBecause(db: Db, service: AnyService, row: CaseRow, to: string): string | null {
  const needs = service.workflow.needsPayment?.includes(to) ?? false;
  const pay = paymentStatus(db, row);
  if (needs && pay !== 'none_due' && pay !== 'paid') {
    return `the fee of ₹${row.feePaise / 100} is ${pay === 'pending' ? 'not paid yet (a QR is open)' : 'unpaid'}`;
  }
  return null;
}
