// Money paid on a QR that had already been replaced: refused as the payment, kept for staff in
// the audit log once per transaction, the citizen told once; on either database.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exec, rows } from '../storage/operation.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { confirmPayment } from './confirm-payment.js';

const T = Date.parse('2026-11-24T06:30:00Z');
const WA = '919876511111';
const opts = { now: new Date(T), simulated: false };
const paid = (providerTxnId: string) => ({
  paymentReference: 'PAY-2026-000001',
  providerTxnId,
  amountPaise: 5000,
  status: 'success' as const,
});

describe.each(testDialects)(`a payment on an expired QR, on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  it('is recorded once per transaction and told to the citizen once', async () => {
    const s = store();
    await s.transaction(function* ({ db, t }) {
      yield* exec(
        db.insert(t.citizens).values({ waId: WA, language: 'en', lastInboundAt: T - 60_000, createdAt: T }),
      );
      yield* exec(
        db.insert(t.payments).values({
          reference: 'PAY-2026-000001',
          waId: WA,
          forReference: 'BC-2026-000007',
          purpose: 'late_fee',
          amountPaise: 5000,
          status: 'expired',
          upiUri: 'upi://pay?pa=x@upi',
          mediaToken: randomBytes(32).toString('base64url'),
          createdAt: T,
        }),
      );
    });
    const first = await confirmPayment(s, paid('UPI-1'), opts);
    expect(first).toEqual({ kind: 'conflict', reason: 'expired', noticeQueued: true });
    expect(await confirmPayment(s, paid('UPI-1'), opts)).toEqual({
      kind: 'conflict',
      reason: 'expired',
      noticeQueued: false,
    });
    await confirmPayment(s, paid('UPI-2'), opts);
    const seen = await s.read(function* ({ db, t }) {
      const audit = yield* rows(
        db
          .select({ detail: t.auditLog.detail })
          .from(t.auditLog)
          .where(eq(t.auditLog.action, 'payment.paid_after_expiry')),
      );
      const told = yield* rows(
        db.select({ text: t.messages.text }).from(t.messages).where(eq(t.messages.waId, WA)),
      );
      const payment = yield* rows(db.select({ status: t.payments.status }).from(t.payments));
      return { audit, told, payment };
    });
    expect(seen.audit.map((a) => (a.detail as { providerTxnId: string }).providerTxnId).sort()).toEqual([
      'UPI-1',
      'UPI-2',
    ]);
    expect(seen.told).toHaveLength(2);
    expect(seen.told[0]?.text).toContain('Your money is not lost');
    expect(seen.payment).toEqual([{ status: 'expired' }]);
  });
});
