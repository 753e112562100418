import type Database from 'better-sqlite3';
import { and, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { type Lang, languageSchema } from '../lang/language.js';
import {
  checkoutMessage,
  markCheckoutUnsupported,
  markCheckoutUnsupportedOp,
  markNativeCheckoutOp,
  nativeCheckoutFor,
  type PaymentForCheckout,
  qrTokenOf,
} from '../payments/native-checkout.js';
import { exec, first, type Op } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import type { GraphApiError } from '../whatsapp/graph-sender.js';
import { plainText } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { type MessagePurpose, messagePurposes, windowAt } from '../whatsapp/service-window.js';
import { type TemplateSettings, templateFor } from './template-fallback.js';

type Maybe<T> = T | Promise<T>;

export interface SendPreparation {
  /** what is actually sent for a row: its template outside the window, a native checkout for a QR */
  prepare(row: { id: number; waId: string }, m: OutboundMessage): Maybe<OutboundMessage>;
  /** after Graph refused `sent`: the message to send instead (131047 → template; checkout refused → the QR), or null */
  recover(
    row: { id: number; waId: string },
    sent: OutboundMessage,
    original: OutboundMessage,
    err: GraphApiError,
  ): Maybe<OutboundMessage | null>;
  /** what was sent replaces the row's payload, so the transcript shows what the citizen got (in the outcome's transaction) */
  rewrite(rowId: number, m: OutboundMessage): Op<unknown>;
  /** bookkeeping with a successful send, in its outcome's transaction (a checkout marks its payment as native); null: none */
  sent(m: OutboundMessage): Op<unknown> | null;
}

/** What preparation reads about a row: its purpose, its citizen's language and last inbound message. */
export interface RowInfo {
  purpose: string | null;
  language: string | null;
  lastInboundAt: number | null;
}

/** What preparation reads and writes outside the outcome, per database (SQLite: prepared statements). */
export interface PreparationStore {
  rowInfo(rowId: number): Maybe<RowInfo | undefined>;
  /** the pending, payable payment a QR image stands for (none after WhatsApp Pay was refused for it) */
  checkout(m: OutboundMessage, o: CheckoutOptions): Maybe<OutboundMessage | null>;
  /** Graph refused the checkout: this payment stays a QR from now on */
  checkoutRefused(referenceId: string, now: number): Maybe<void>;
}

type CheckoutOptions = { paymentConfiguration?: string; lang: Lang; catalogue: Catalogue };

// Graph's answers that mean "this number cannot take an order_details checkout"
const CHECKOUT_REFUSED = new Set([100, 131009, 131051, 131052, 138000, 138001]);

/** The message's row info as a store operation (either database). */
export const rowInfoOp = (rowId: number): Op<RowInfo | undefined> =>
  function* ({ db, t }) {
    return yield* first(
      db
        .select({
          purpose: t.messages.purpose,
          language: t.citizens.language,
          lastInboundAt: t.citizens.lastInboundAt,
        })
        .from(t.messages)
        .leftJoin(t.citizens, eq(t.citizens.waId, t.messages.waId))
        .where(eq(t.messages.id, rowId)),
    );
  };

/** The payable payment behind a QR token (the lookup of nativeCheckoutFor, on the store). */
export const checkoutPaymentOp = (token: string): Op<PaymentForCheckout | undefined> =>
  function* ({ db, t }) {
    const p = t.payments;
    return yield* first(
      db
        .select({
          reference: p.reference,
          amountPaise: p.amountPaise,
          purpose: p.purpose,
          forReference: p.forReference,
        })
        .from(p)
        .where(
          and(
            eq(p.mediaToken, token),
            eq(p.status, 'pending'),
            gt(p.amountPaise, 0),
            ne(sql`coalesce(${p.waPaymentStatus}, '')`, 'unsupported'),
          ),
        ),
    );
  };

const rewriteOp = (rowId: number, m: OutboundMessage): Op<number> =>
  function* ({ db, t }) {
    return yield* exec(
      db
        .update(t.messages)
        .set({ kind: m.kind, payload: m, text: plainText(m) })
        .where(eq(t.messages.id, rowId)),
    );
  };

/** SQLite: prepared statements, one read per send (the row and its citizen joined). */
export function sqlitePreparationStore(db: Db): PreparationStore {
  const client: Database.Database = db.$client;
  const rowInfo = client.prepare<[number], RowInfo>(
    `select m.purpose, c.language, c.last_inbound_at as lastInboundAt
     from messages m left join citizens c on c.wa_id = m.wa_id where m.id = ?`,
  );
  return {
    rowInfo: (id) => rowInfo.get(id),
    checkout: (m, o) => nativeCheckoutFor(db, m, o),
    checkoutRefused: (ref, now) => markCheckoutUnsupported(db, ref, now),
  };
}

/** Any store (PostgreSQL's): the same reads as operations. */
export function storePreparationStore(store: Store): PreparationStore {
  return {
    rowInfo: (id) => store.read(rowInfoOp(id)),
    async checkout(m, o) {
      if (!o.paymentConfiguration) return null;
      const token = qrTokenOf(m);
      const p = token ? await store.read(checkoutPaymentOp(token)) : undefined;
      return p ? checkoutMessage(p, o) : null;
    },
    async checkoutRefused(ref, now) {
      await store.transaction(markCheckoutUnsupportedOp(ref, now));
    },
  };
}

export function createSendPreparation(o: {
  /** SQLite's database (prepared statements), or give `store` */
  db?: Db;
  /** what preparation reads through: storePreparationStore(pgStore) on PostgreSQL */
  store?: PreparationStore;
  catalogue: Catalogue;
  now: () => number;
  settings: TemplateSettings & { paymentConfiguration?: string };
}): SendPreparation {
  const reads = o.store ?? (o.db ? sqlitePreparationStore(o.db) : null);
  if (!reads) throw new Error('createSendPreparation needs db (SQLite) or store');
  const purposeOf = (r: RowInfo | undefined): MessagePurpose | null =>
    (messagePurposes as readonly string[]).includes(r?.purpose ?? '') ? (r?.purpose as MessagePurpose) : null;
  const langOf = (r: RowInfo | undefined): Lang => languageSchema.catch('hi').parse(r?.language);

  return {
    async prepare(row, m) {
      const r = await reads.rowInfo(row.id);
      const lang = langOf(r);
      if (!windowAt(r?.lastInboundAt, o.now()).open)
        return templateFor(m, purposeOf(r), lang, o.settings) ?? m;
      return (
        (await reads.checkout(m, {
          paymentConfiguration: o.settings.paymentConfiguration,
          lang,
          catalogue: o.catalogue,
        })) ?? m
      );
    },
    async recover(row, sent, original, err) {
      if (err.code === 131047 && sent.kind !== 'template') {
        const r = await reads.rowInfo(row.id);
        return templateFor(original, purposeOf(r), langOf(r), o.settings);
      }
      if (sent.kind === 'order_details' && err.code !== undefined && CHECKOUT_REFUSED.has(err.code)) {
        await reads.checkoutRefused(sent.referenceId, o.now());
        return original;
      }
      return null;
    },
    rewrite: (rowId, m) => rewriteOp(rowId, m),
    sent: (m) => (m.kind === 'order_details' ? markNativeCheckoutOp(m.referenceId) : null),
  };
}
