// A payment confirmed after its citizen erased their data, and a confirmation replayed with
// another amount; on either database.
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { newPseudonym } from '../privacy/erase-citizen.js';
import { exec, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { pgSkipNote } from '../testing/pg-test-database.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { confirmPayment } from './confirm-payment.js';
import { applyPaymentStatus } from './whatsapp-payment-status.js';

const T = Date.parse('2026-11-24T06:30:00Z');
const opts = { now: new Date(T), simulated: false };

/** A pending ₹50 payment of `waId` (with a citizen row unless the number was erased). */
async function seedPayment(store: Store, waId: string, reference = 'PAY-2026-000001') {
  await store.transaction(function* ({ db, t }) {
    if (!waId.startsWith('erased:'))
      yield* exec(
        db.insert(t.citizens).values({ waId, language: 'en', lastInboundAt: T - 60_000, createdAt: T }),
      );
    yield* exec(
      db.insert(t.payments).values({
        reference,
        waId,
        forReference: 'BC-2026-000007',
        purpose: 'late_fee',
        amountPaise: 5000,
        upiUri: 'upi://pay?pa=x@upi',
        mediaToken: randomBytes(32).toString('base64url'),
        createdAt: T,
      }),
    );
  });
}

const sentTo = (store: Store, waId: string) =>
  store.read(function* ({ db, t }) {
    return yield* rows(
      db.select({ kind: t.messages.kind }).from(t.messages).where(eq(t.messages.waId, waId)),
    );
  });
const statusOf = (store: Store, reference: string) =>
  store.read(function* ({ db, t }) {
    return yield* rows(
      db
        .select({ status: t.payments.status, txn: t.payments.providerTxnId })
        .from(t.payments)
        .where(eq(t.payments.reference, reference)),
    );
  });

describe.each(testDialects)(`payments of erased citizens, replays, on %s${pgSkipNote}`, (dialect) => {
  const store = useStore(dialect);

  it('a provider confirmation marks the kept payment paid and queues no receipt to the pseudonym', async () => {
    const s = store();
    const pseudonym = newPseudonym();
    await seedPayment(s, pseudonym);
    const outcome = await confirmPayment(
      s,
      { paymentReference: 'PAY-2026-000001', providerTxnId: 'UPI-9', amountPaise: 5000, status: 'success' },
      opts,
    );
    expect(outcome).toMatchObject({ kind: 'paid', duplicate: false });
    expect(await statusOf(s, 'PAY-2026-000001')).toEqual([{ status: 'paid', txn: 'UPI-9' }]);
    expect(await sentTo(s, pseudonym)).toEqual([]);
  });

  it('a WhatsApp Pay capture or failure of an erased payer sends nothing either', async () => {
    const s = store();
    const pseudonym = newPseudonym();
    await seedPayment(s, pseudonym, 'PAY-2026-000001');
    await seedPayment(s, pseudonym, 'PAY-2026-000002');
    const base = { wamid: 'wamid.x', timestamp: T / 1000, amountPaise: 5000, currency: 'INR' };
    const failed = await applyPaymentStatus(
      s,
      { ...base, status: 'failed', referenceId: 'PAY-2026-000001' },
      { now: T, simulated: false },
    );
    expect(failed).toEqual({ kind: 'failed', reference: 'PAY-2026-000001' });
    const captured = await applyPaymentStatus(
      s,
      { ...base, status: 'captured', referenceId: 'PAY-2026-000002', transactionId: 'UPI-10' },
      { now: T, simulated: false },
    );
    expect(captured).toEqual({ kind: 'paid', reference: 'PAY-2026-000002', duplicate: false });
    expect(await sentTo(s, pseudonym)).toEqual([]);
  });

  it('the same transaction confirmed again with another amount is a mismatch, not a duplicate', async () => {
    const s = store();
    const waId = '919811100031';
    await seedPayment(s, waId);
    const confirm = (amountPaise: number) =>
      confirmPayment(
        s,
        { paymentReference: 'PAY-2026-000001', providerTxnId: 'UPI-11', amountPaise, status: 'success' },
        opts,
      );
    expect(await confirm(5000)).toMatchObject({ kind: 'paid', duplicate: false });
    expect(await confirm(5000)).toMatchObject({ kind: 'paid', duplicate: true });
    expect(await confirm(4999)).toEqual({ kind: 'amount_mismatch', expectedPaise: 5000 });
    expect(await sentTo(s, waId)).toEqual([{ kind: 'text' }]);
  });
});
