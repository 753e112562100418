import { randomBytes } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { payments } from '../src/db/schema.js';
import type { Lang } from '../src/lang/language.js';
import { exec, first, type Op, type Operation, type Q, rows } from '../src/storage/operation.js';
import { image } from '../src/whatsapp/outbound-builders.js';
import { indiaDate, rupees } from './dates.js';
import type { FeeSchedule } from './fee-schedule.js';
import { matchOwnReference, ownRecords } from './own-records.js';
import { nextReference } from './references.js';
import type { ToolContext, ToolDef, ToolResult } from './tool.js';
import { failure, say } from './tool-support.js';
import { upiUri } from './upi-uri.js';

const schema = z.object({
  forReference: z.string().min(1).describe('The application to pay for, e.g. BC-2026-000123.'),
});

type PaymentRow = typeof payments.$inferSelect;
/** What a QR can be for: a birth application, or a registry service's case (its fee, if any). */
type Payable = {
  reference: string;
  status: string;
  feePaise: number;
  /** the service's fee rule when the case was filed: 'late_fee…' (a late registration), 'fee' */
  feeRule: string | null;
  kind: 'application' | 'case';
};

/**
 * What a QR for this application is for: its late fee when one applies; otherwise (a free,
 * timely registration) the fee of a certified copy of the certificate, which every citizen needs.
 * A registry case pays what it was filed with: a death registered late its late fee, a caste or
 * income certificate the state's fee for it (FEE_SCHEDULE_PATH), named as such on the QR and receipt.
 */
export function paymentFor(
  app: { feePaise: number; feeRule?: string | null; kind?: Payable['kind'] },
  fees: FeeSchedule,
): { purpose: string; amountPaise: number } {
  if (app.kind === 'case')
    return {
      purpose: app.feeRule?.startsWith('late_fee') ? 'late_fee' : 'certificate_fee',
      amountPaise: app.feePaise,
    };
  return app.feePaise > 0
    ? { purpose: 'late_fee', amountPaise: app.feePaise }
    : { purpose: 'certified_copy', amountPaise: fees.copyFeePaise };
}

type Resolved =
  | { ok: true; app: Payable; pending: PaymentRow | undefined }
  | { ok: false; result: ToolResult };

function* payable(
  { db, t }: Q,
  ctx: ToolContext,
  reference: string,
  kind: Payable['kind'],
): Operation<Payable | undefined> {
  const c = t.cases;
  const row = yield* first(
    db
      .select({ reference: c.reference, status: c.status, feePaise: c.feePaise, feeRule: c.feeRule })
      .from(c)
      .where(and(eq(c.waId, ctx.waId), eq(c.reference, reference))),
  );
  return row ? { ...row, kind } : undefined;
}

const resolve = (forReference: string, ctx: ToolContext): Op<Resolved> =>
  function* (q) {
    const { db, t } = q;
    const match = matchOwnReference(yield* ownRecords(ctx.waId)(q), forReference).find(
      (r) => r.type === 'application' || r.type === 'case',
    );
    const app =
      match && (yield* payable(q, ctx, match.reference, match.type === 'case' ? 'case' : 'application'));
    if (!app) return { ok: false, result: failure('not_found', ctx.lang, 'tools.error.not_found') };
    const params = { reference: app.reference };
    if (app.status === 'rejected')
      return { ok: false, result: failure('not_payable', ctx.lang, 'tools.error.not_payable', params) };
    if (paymentFor(app, ctx.fees).amountPaise <= 0) {
      return { ok: false, result: failure('nothing_to_pay', ctx.lang, 'tools.error.nothing_to_pay', params) };
    }
    const forApp = (yield* rows(
      db
        .select()
        .from(t.payments)
        .where(and(eq(t.payments.waId, ctx.waId), eq(t.payments.forReference, app.reference)))
        .orderBy(desc(t.payments.id)),
    )) as PaymentRow[];
    if (forApp.some((p) => p.status === 'paid')) {
      return { ok: false, result: failure('already_paid', ctx.lang, 'tools.error.already_paid', params) };
    }
    return { ok: true, app, pending: forApp.find((p) => p.status === 'pending') };
  };

function qrResult(p: PaymentRow, ctx: ToolContext): ToolResult {
  const caption = say(ctx.lang, 'tools.pay.caption', {
    amount: rupees(p.amountPaise),
    purpose: say(ctx.lang, `tools.pay.purpose.${p.purpose}`),
    forReference: p.forReference ?? '',
    reference: p.reference,
  });
  return {
    ok: true,
    data: {
      reference: p.reference,
      forReference: p.forReference,
      purpose: p.purpose,
      amountPaise: p.amountPaise,
      status: p.status,
      upiUri: p.upiUri,
    },
    messages: [image(`${ctx.publicBaseUrl}/media/qr/${p.mediaToken}.png`, caption)],
  };
}

function purposeText(lang: Lang, purpose: string) {
  return say(lang, `tools.pay.purpose.${purpose}`);
}

/** A UPI QR for the fee of one of the sender's applications, sent as an image. */
export const createPaymentQr: ToolDef<typeof schema> = {
  name: 'create_payment_qr',
  description:
    "Send a UPI QR for the fee of one of the citizen's own applications (a late fee, or a certified copy when registration was free).",
  schema,
  requiresConfirmation: true,
  precheck: async (args, ctx) => {
    const r = await ctx.store.read(resolve(args.forReference, ctx));
    return r.ok ? null : r.result;
  },
  summarize: async (args, lang, ctx) => {
    const r = ctx ? await ctx.store.read(resolve(args.forReference, ctx)) : null;
    if (!r?.ok) return say(lang, 'tools.pay.summary_unknown_amount', { reference: args.forReference.trim() });
    const { purpose, amountPaise } = paymentFor(r.app, ctx!.fees);
    return say(lang, 'tools.pay.summary', {
      amount: rupees(amountPaise),
      purpose: purposeText(lang, purpose),
      reference: r.app.reference,
    });
  },
  run: (args, ctx) =>
    ctx.store.transaction(function* (q): Operation<ToolResult> {
      const { db, t } = q;
      const replay = (yield* first(
        db.select().from(t.payments).where(eq(t.payments.sourceMessageId, ctx.inboundId)),
      )) as PaymentRow | undefined;
      if (replay && replay.waId === ctx.waId) return qrResult(replay, ctx);
      const r = yield* resolve(args.forReference, ctx)(q);
      if (!r.ok) return r.result;
      const { purpose, amountPaise } = paymentFor(r.app, ctx.fees);
      // One open QR per application: asking again re-sends the same code rather than a second payable.
      if (r.pending && r.pending.amountPaise === amountPaise) return qrResult(r.pending, ctx);
      // The schedule changed since that QR was made: it must not be payable any more.
      if (r.pending)
        yield* exec(db.update(t.payments).set({ status: 'expired' }).where(eq(t.payments.id, r.pending.id)));
      const reference = yield* nextReference('PAY', Number(indiaDate(ctx.now).slice(0, 4)))(q);
      const [row] = yield* rows(
        db
          .insert(t.payments)
          .values({
            reference,
            waId: ctx.waId,
            forReference: r.app.reference,
            purpose,
            amountPaise,
            status: 'pending',
            upiUri: upiUri({
              payeeVpa: ctx.upi.payeeVpa,
              payeeName: ctx.upi.payeeName,
              amountPaise,
              note: say('en', 'tools.pay.upi_note', { forReference: r.app.reference }),
              reference,
            }),
            mediaToken: randomBytes(32).toString('base64url'),
            sourceMessageId: ctx.inboundId,
            createdAt: ctx.now.getTime(),
          })
          .returning(),
      );
      return qrResult(row as PaymentRow, ctx);
    }),
};
