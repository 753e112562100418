import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { citizens, payments } from '../db/schema.js';
import { createLogger } from '../logging/create-logger.js';
import { enqueueOutbound } from '../outbox/enqueue-outbound.js';
import { type FakeGraphServer, graphReplies, startFakeGraphServer } from '../testing/fake-graph-server.js';
import { envelope } from '../testing/whatsapp-payloads.js';
import { image, text } from '../whatsapp/outbound-builders.js';
import { tagPurpose } from '../whatsapp/service-window.js';
import { signBody } from '../whatsapp/signature.js';
import { createSahayak } from '../wiring/create-sahayak.js';
import { createPaymentLookup, reconcilePendingPayments } from './reconcile-payments.js';

const SECRET = 'app-secret';
const GRAPH_TOKEN = 'graph-token';
const PHONE_ID = '106540352242922';
const NOW = new Date('2026-11-24T06:30:00Z');
const T = NOW.getTime();

// Native UPI checkout, the 24-hour window and 131047, each against the local fake Graph API
// through the real HTTP server and the real outbox.
describe('WhatsApp Pay, the service window and templates', () => {
  let graph: FakeGraphServer;
  let sahayak: ReturnType<typeof createSahayak>;
  let server: ReturnType<typeof serve>;
  let base = '';
  let n = 0;

  beforeAll(async () => {
    graph = await startFakeGraphServer({ accessToken: GRAPH_TOKEN });
    const config = loadConfig({
      DATABASE_PATH: ':memory:',
      MEDIA_DIR: '/tmp/sahayak-unused-media',
      WHATSAPP_APP_SECRET: SECRET,
      WHATSAPP_ACCESS_TOKEN: GRAPH_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: PHONE_ID,
      WHATSAPP_API_URL: graph.url,
      WHATSAPP_SEND_RATE: '1000',
      WHATSAPP_PAYMENT_CONFIGURATION: 'sahayak-upi',
    });
    sahayak = createSahayak(config, { logger: createLogger({ level: 'silent' }), now: () => NOW });
    sahayak.start();
    server = serve({ fetch: sahayak.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await sahayak.stop();
    await graph.close();
  });
  beforeEach(() => {
    graph.setBehaviour(() => graphReplies.ok);
  });

  const db = () => sahayak.db;
  function citizen(lastInboundAt = T - 60_000) {
    const waId = `9198111${String(++n).padStart(5, '0')}`;
    db().insert(citizens).values({ waId, language: 'en', lastInboundAt, createdAt: T }).run();
    return waId;
  }
  function payment(
    waId: string,
    o: { amountPaise?: number; checkout?: 'qr' | 'whatsapp'; createdAt?: number } = {},
  ) {
    const reference = `PAY-2026-${String(n).padStart(6, '0')}`;
    const token = randomBytes(32).toString('base64url');
    db()
      .insert(payments)
      .values({
        reference,
        waId,
        forReference: 'BC-2026-000007',
        purpose: 'late_fee',
        amountPaise: o.amountPaise ?? 5000,
        upiUri: 'upi://pay?pa=x@upi',
        mediaToken: token,
        checkout: o.checkout ?? 'qr',
        createdAt: o.createdAt ?? T,
      })
      .run();
    return { reference, token };
  }
  const queue = (waId: string, items: Parameters<typeof enqueueOutbound>[1]) => {
    // the outbox's poll picks the rows up, as it does for anything queued outside a turn
    return enqueueOutbound(db(), items, { waId, simulated: false, now: T, sentBy: 'system' });
  };
  const sentTo = async (waId: string, count: number) => {
    for (let i = 0; i < 300; i++) {
      const got = graph.requests.filter((r) => r.to === waId && r.status === 200);
      if (got.length >= count) return got.map((r) => r.body as Record<string, unknown>);
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`fewer than ${count} messages reached ${waId}`);
  };
  const row = (id: number) =>
    db()
      .$client.prepare('select kind, send_status as status, payload from messages where id = ?')
      .get(id) as {
      kind: string;
      status: string;
      payload: string;
    };
  async function deliver(payload: unknown) {
    const body = JSON.stringify(payload);
    const res = await fetch(`${base}/webhook/whatsapp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signBody(body, SECRET) },
      body,
    });
    return res.status;
  }
  const paymentStatus = (o: { reference: string; status: string; value: number; txn?: string; to: string }) =>
    envelope({
      statuses: [
        {
          id: 'wamid.order',
          recipient_id: o.to,
          status: o.status,
          timestamp: '1763981400',
          type: 'payment',
          payment: {
            reference_id: o.reference,
            amount: { value: o.value, offset: 100 },
            currency: 'INR',
            ...(o.txn && { transaction: { id: o.txn, type: 'upi', status: 'success' } }),
          },
        },
      ],
    });
  const paymentRow = (reference: string) =>
    db()
      .$client.prepare(
        'select status, checkout, provider_txn_id as txn, wa_payment_status as wa from payments where reference = ?',
      )
      .get(reference);

  it('a payment QR goes out as an order_details checkout with review_and_pay, the PAY reference and the amount', async () => {
    const waId = citizen();
    const { reference, token } = payment(waId);
    const [id] = queue(waId, [image(`http://localhost:3000/media/qr/${token}.png`, 'Scan to pay')]);
    const [body] = await sentTo(waId, 1);
    expect(body).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'order_details',
        action: {
          name: 'review_and_pay',
          parameters: {
            reference_id: reference,
            payment_configuration: 'sahayak-upi',
            currency: 'INR',
            total_amount: { value: 5000, offset: 100 },
            order: { status: 'pending', items: [{ amount: { value: 5000, offset: 100 }, quantity: 1 }] },
          },
        },
      },
    });
    await expect.poll(() => row(id).status).toBe('sent');
    expect(row(id).kind).toBe('order_details');
    expect(paymentRow(reference)).toMatchObject({ checkout: 'whatsapp', status: 'pending' });
  });

  it('captured: checked, paid once, order_status closes the order and a receipt follows', async () => {
    const waId = citizen();
    const { reference } = payment(waId, { checkout: 'whatsapp' });
    // wrong amount: nothing happens
    expect(
      await deliver(paymentStatus({ reference, status: 'captured', value: 4000, txn: 'T1', to: waId })),
    ).toBe(200);
    expect(paymentRow(reference)).toMatchObject({ status: 'pending' });
    expect(
      await deliver(paymentStatus({ reference, status: 'captured', value: 5000, txn: 'T1', to: waId })),
    ).toBe(200);
    expect(paymentRow(reference)).toMatchObject({ status: 'paid', txn: 'T1', wa: 'captured' });
    const [closing, receipt] = await sentTo(waId, 2);
    expect(closing).toMatchObject({
      interactive: {
        type: 'order_status',
        action: {
          name: 'review_order',
          parameters: { reference_id: reference, order: { status: 'completed' } },
        },
      },
    });
    expect(receipt).toMatchObject({ type: 'text' });
    expect(JSON.stringify(receipt)).toContain(reference);
    // Meta redelivers: no second order_status, no second receipt
    expect(
      await deliver(paymentStatus({ reference, status: 'captured', value: 5000, txn: 'T1', to: waId })),
    ).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect(graph.requests.filter((r) => r.to === waId)).toHaveLength(2);
  });

  it('pending is recorded; failed tells the citizen once and the order stays payable', async () => {
    const waId = citizen();
    const { reference } = payment(waId, { checkout: 'whatsapp' });
    await deliver(paymentStatus({ reference, status: 'pending', value: 5000, txn: 'T2', to: waId }));
    expect(paymentRow(reference)).toMatchObject({ status: 'pending', wa: 'pending' });
    await deliver(paymentStatus({ reference, status: 'failed', value: 5000, to: waId }));
    await deliver(paymentStatus({ reference, status: 'failed', value: 5000, to: waId }));
    const [told] = await sentTo(waId, 1);
    expect(JSON.stringify(told)).toContain('did not go through');
    await new Promise((r) => setTimeout(r, 100));
    expect(graph.requests.filter((r) => r.to === waId)).toHaveLength(1);
    expect(paymentRow(reference)).toMatchObject({ status: 'pending', wa: 'failed' });
  });

  it('a checkout still pending after the configured time is reconciled through Graph’s payment lookup', async () => {
    const waId = citizen();
    const { reference } = payment(waId, { checkout: 'whatsapp', createdAt: T - 20 * 60_000 });
    const fresh = payment(citizen(), { checkout: 'whatsapp', createdAt: T - 60_000 });
    graph.payments.set(reference, { status: 'captured', amountPaise: 5000, transactionId: 'T3' });
    const lookup = createPaymentLookup({
      apiUrl: graph.url,
      phoneNumberId: PHONE_ID,
      accessToken: GRAPH_TOKEN,
      configuration: 'sahayak-upi',
    });
    const looked = await reconcilePendingPayments({
      store: sahayak.store,
      lookup,
      now: T,
      afterMs: 15 * 60_000,
      simulated: false,
    });
    expect(looked).toBe(1);
    expect(graph.paymentLookups).toEqual([reference]);
    expect(paymentRow(reference)).toMatchObject({ status: 'paid', txn: 'T3' });
    expect(paymentRow(fresh.reference)).toMatchObject({ status: 'pending' });
  });

  it('a number without WhatsApp Pay gets the QR image instead', async () => {
    const waId = citizen();
    const { reference, token } = payment(waId);
    graph.setBehaviour(({ body }) =>
      (body as { interactive?: { type?: string } }).interactive?.type === 'order_details'
        ? { kind: 'error', status: 400, code: 131009, message: 'Parameter value is not valid' }
        : graphReplies.ok,
    );
    const [id] = queue(waId, [image(`http://localhost:3000/media/qr/${token}.png`, 'Scan to pay')]);
    const [body] = await sentTo(waId, 1);
    expect(body).toMatchObject({ type: 'image', image: { link: expect.stringContaining(token) } });
    await expect.poll(() => row(id).status).toBe('sent');
    expect(row(id).kind).toBe('image');
    expect(paymentRow(reference)).toMatchObject({ checkout: 'qr', wa: 'unsupported' });
  });

  it('a 131047 turns a receipt into its approved template, sent at once', async () => {
    const waId = citizen();
    let refused = false;
    graph.setBehaviour(({ body }) => {
      if ((body as { type?: string }).type === 'text' && !refused) {
        refused = true;
        return graphReplies.reengagement;
      }
      return graphReplies.ok;
    });
    const ids = queue(waId, text('Payment received, thank you.\nReceipt number: PAY-2026-000099.'));
    tagPurpose(db(), ids, 'payment_receipt');
    const [body] = await sentTo(waId, 1);
    expect(body).toMatchObject({
      type: 'template',
      template: {
        name: 'sahayak_payment_receipt',
        language: { code: 'en' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: 'Payment received, thank you. · Receipt number: PAY-2026-000099.' },
            ],
          },
        ],
      },
    });
    await expect.poll(() => row(ids[0]).status).toBe('sent');
    expect(row(ids[0]).kind).toBe('template');
  });

  it('outside the 24-hour window a status update is sent as its template without trying free text', async () => {
    const waId = citizen(T - 30 * 60 * 60_000);
    const ids = queue(waId, text('Your application BC-2026-000007 is approved.'));
    tagPurpose(db(), ids, 'status_update');
    const [body] = await sentTo(waId, 1);
    expect(body).toMatchObject({ type: 'template', template: { name: 'sahayak_status_update' } });
    expect(graph.requests.filter((r) => r.to === waId)).toHaveLength(1);
  });
});
