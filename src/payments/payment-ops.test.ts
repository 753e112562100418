import { randomBytes } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { exec, rows } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import { testDialects, useStore } from '../testing/store-dialects.js';
import { confirmPayment } from './confirm-payment.js';
import { reconcilePendingPayments } from './reconcile-payments.js';
import { applyPaymentStatus } from './whatsapp-payment-status.js';

const T = Date.parse('2026-11-24T06:30:00Z');
const WA = '919811100001';

async function seed(store: Store, n = 1, o: { checkout?: 'qr' | 'whatsapp'; createdAt?: number } = {}) {
  const refs: string[] = [];
  await store.transaction(function* ({ db, t }) {
    yield* exec(
      db.insert(t.citizens).values({ waId: WA, language: 'en', lastInboundAt: T - 60_000, createdAt: T }),
    );
    yield* exec(db.insert(t.conversations).values({ waId: WA, startedAt: T, lastMessageAt: T }));
    for (let i = 1; i <= n; i++) {
      const reference = `PAY-2026-${String(i).padStart(6, '0')}`;
      refs.push(reference);
      yield* exec(
        db.insert(t.payments).values({
          reference,
          waId: WA,
          forReference: 'BC-2026-000007',
          purpose: 'late_fee',
          amountPaise: 5000,
          upiUri: 'upi://pay?pa=x@upi',
          mediaToken: randomBytes(32).toString('base64url'),
          checkout: o.checkout ?? 'qr',
          createdAt: o.createdAt ?? T,
        }),
      );
    }
  });
  return refs;
}

const outbox = (store: Store) =>
  store.read(function* ({ db, t }) {
    return yield* rows(
      db
        .select({
          kind: t.messages.kind,
          text: t.messages.text,
          purpose: t.messages.purpose,
          conv: t.messages.conversationId,
        })
        .from(t.messages)
        .where(eq(t.messages.direction, 'out'))
        .orderBy(asc(t.messages.id)),
    );
  });
const paymentOf = (store: Store, reference: string) =>
  store.read(function* ({ db, t }) {
    const [p] = yield* rows(db.select().from(t.payments).where(eq(t.payments.reference, reference)));
    return p;
  });

const success = (paymentReference: string, providerTxnId = 'UPI-1', amountPaise = 5000) =>
  ({ paymentReference, providerTxnId, amountPaise, status: 'success' }) as const;
const opts = { now: new Date(T), simulated: false };
const captured = (referenceId: string, transactionId = 'T1') => ({
  wamid: 'wamid.order',
  status: 'captured' as const,
  timestamp: T / 1000,
  referenceId,
  amountPaise: 5000,
  currency: 'INR',
  transactionId,
});

describe.each(testDialects)('payments on %s', (dialect) => {
  const store = useStore(dialect);

  it('a confirmation marks the payment paid and queues one receipt, tagged, in the citizen’s conversation', async () => {
    const [ref] = await seed(store());
    const first = await confirmPayment(store(), success(ref), opts);
    expect(first).toMatchObject({
      kind: 'paid',
      duplicate: false,
      payment: { status: 'paid', providerTxnId: 'UPI-1' },
    });
    const again = await confirmPayment(store(), success(ref), opts);
    expect(again).toMatchObject({ kind: 'paid', duplicate: true });
    const out = await outbox(store());
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'text', purpose: 'payment_receipt', conv: 1 });
    expect(out[0].text).toContain(ref);
    expect(out[0].text).toContain('₹50');
  });

  it('refuses what does not match, and writes nothing', async () => {
    const [a, b] = await seed(store(), 2);
    expect(await confirmPayment(store(), success('PAY-2026-999999'), opts)).toEqual({ kind: 'not_found' });
    expect(await confirmPayment(store(), success(a, 'UPI-1', 4000), opts)).toEqual({
      kind: 'amount_mismatch',
      expectedPaise: 5000,
    });
    expect(await confirmPayment(store(), { ...success(a), status: 'failure' }, opts)).toMatchObject({
      kind: 'still_pending',
    });
    expect(await outbox(store())).toHaveLength(0);
    await confirmPayment(store(), success(a, 'UPI-1'), opts);
    expect(await confirmPayment(store(), success(a, 'UPI-2'), opts)).toEqual({
      kind: 'conflict',
      reason: 'paid_with_another_transaction',
    });
    expect(await confirmPayment(store(), success(b, 'UPI-1'), opts)).toEqual({
      kind: 'conflict',
      reason: 'transaction_used_for_another_payment',
    });
    expect(await paymentOf(store(), b)).toMatchObject({ status: 'pending', providerTxnId: null });
    expect(await outbox(store())).toHaveLength(1);
  });

  it('WhatsApp Pay captured: the order_status first, then the receipt, once for every redelivery', async () => {
    const [ref] = await seed(store(), 1, { checkout: 'whatsapp' });
    const o = { now: T, simulated: false };
    expect(await applyPaymentStatus(store(), captured(ref), o)).toEqual({
      kind: 'paid',
      reference: ref,
      duplicate: false,
    });
    expect(await applyPaymentStatus(store(), captured(ref), o)).toEqual({
      kind: 'paid',
      reference: ref,
      duplicate: true,
    });
    expect(await applyPaymentStatus(store(), captured(ref, 'OTHER'), o)).toEqual({
      kind: 'ignored',
      reason: 'conflict',
    });
    expect(await applyPaymentStatus(store(), { ...captured(ref), currency: 'USD' }, o)).toEqual({
      kind: 'ignored',
      reason: 'currency',
    });
    expect((await outbox(store())).map((m) => m.kind)).toEqual(['order_status', 'text']);
    expect(await paymentOf(store(), ref)).toMatchObject({
      status: 'paid',
      waPaymentStatus: 'captured',
      orderStatusSentAt: T,
    });
  });

  it('a captured status that cannot be applied writes nothing (no order_status without its receipt)', async () => {
    const [a, b] = await seed(store(), 2, { checkout: 'whatsapp' });
    await confirmPayment(store(), success(a, 'T1'), opts);
    expect(await applyPaymentStatus(store(), captured(b, 'T1'), { now: T, simulated: false })).toEqual({
      kind: 'ignored',
      reason: 'conflict',
    });
    expect((await outbox(store())).map((m) => m.kind)).toEqual(['text']);
    expect(await paymentOf(store(), b)).toMatchObject({ status: 'pending', waPaymentStatus: null });
  });

  it('pending is recorded, failed is told once, and the order stays payable', async () => {
    const [ref] = await seed(store(), 1, { checkout: 'whatsapp' });
    const o = { now: T, simulated: false };
    const s = { ...captured(ref), transactionId: undefined };
    expect(await applyPaymentStatus(store(), { ...s, status: 'pending' }, o)).toEqual({
      kind: 'pending',
      reference: ref,
    });
    await applyPaymentStatus(store(), { ...s, status: 'failed' }, o);
    await applyPaymentStatus(store(), { ...s, status: 'failed' }, o);
    const out = await outbox(store());
    expect(out).toHaveLength(1);
    expect(out[0].text).toContain('did not go through');
    expect(await paymentOf(store(), ref)).toMatchObject({ status: 'pending', waPaymentStatus: 'failed' });
  });

  it('reconciliation looks up only checkouts pending for longer than the period, and applies what Graph says', async () => {
    const [old] = await seed(store(), 1, { checkout: 'whatsapp', createdAt: T - 20 * 60_000 });
    await store().transaction(function* ({ db, t }) {
      yield* exec(
        db.insert(t.payments).values({
          reference: 'PAY-2026-000050',
          waId: WA,
          purpose: 'late_fee',
          amountPaise: 5000,
          upiUri: 'upi://pay?pa=x@upi',
          mediaToken: 'fresh-token',
          checkout: 'whatsapp',
          createdAt: T - 60_000,
        }),
      );
    });
    const asked: string[] = [];
    const lookup = async (reference: string) => {
      asked.push(reference);
      return { status: 'captured' as const, amountPaise: 5000, currency: 'INR', transactionId: 'T3' };
    };
    const r = { store: store(), lookup, now: T, afterMs: 15 * 60_000, simulated: false };
    expect(await reconcilePendingPayments(r)).toBe(1);
    expect(asked).toEqual([old]);
    expect(await paymentOf(store(), old)).toMatchObject({ status: 'paid', providerTxnId: 'T3' });
    expect(await paymentOf(store(), 'PAY-2026-000050')).toMatchObject({ status: 'pending' });
    expect(await reconcilePendingPayments(r)).toBe(0);
  });

  it('ten confirmations of one payment at once: one receipt (and one order_status for ten captured statuses)', async () => {
    const [a, b] = await seed(store(), 2, { checkout: 'whatsapp' });
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => confirmPayment(store(), success(a, 'UPI-9'), opts)),
    );
    expect(outcomes.filter((o) => o.kind === 'paid' && !o.duplicate)).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'paid' && o.duplicate)).toHaveLength(9);
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () =>
        applyPaymentStatus(store(), captured(b, 'T7'), { now: T, simulated: false }),
      ),
    );
    expect(statuses.filter((s) => s.kind === 'paid' && !s.duplicate)).toHaveLength(1);
    expect((await outbox(store())).map((m) => m.kind)).toEqual(['text', 'order_status', 'text']);
  });

  it('one transaction id confirmed for two payments at once: one is paid, the other is a conflict', async () => {
    const [a, b] = await seed(store(), 2);
    const [x, y] = await Promise.all([
      confirmPayment(store(), success(a, 'SAME'), opts),
      confirmPayment(store(), success(b, 'SAME'), opts),
    ]);
    expect([x.kind, y.kind].sort()).toEqual(['conflict', 'paid']);
    expect(await outbox(store())).toHaveLength(1);
  });
});
