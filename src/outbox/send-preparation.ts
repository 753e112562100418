import type { Db } from '../db/open-database.js';
import type { Catalogue } from '../i18n/catalogue.js';
import { type Lang, languageSchema } from '../lang/language.js';
import {
  markCheckoutUnsupported,
  markNativeCheckout,
  nativeCheckoutFor,
} from '../payments/native-checkout.js';
import type { GraphApiError } from '../whatsapp/graph-sender.js';
import { plainText } from '../whatsapp/outbound-builders.js';
import type { OutboundMessage } from '../whatsapp/outbound-message.js';
import { type MessagePurpose, messagePurposes, serviceWindow } from '../whatsapp/service-window.js';
import { type TemplateSettings, templateFor } from './template-fallback.js';

export interface SendPreparation {
  /** what is actually sent for a row: its template outside the window, a native checkout for a QR */
  prepare(row: { id: number; waId: string }, m: OutboundMessage): OutboundMessage;
  /** after Graph refused `sent`: the message to send instead (131047 → template; checkout refused → the QR), or null */
  recover(
    row: { id: number; waId: string },
    sent: OutboundMessage,
    original: OutboundMessage,
    err: GraphApiError,
  ): OutboundMessage | null;
  /** what was sent replaces the row's payload, so the transcript shows what the citizen got */
  rewrite(rowId: number, m: OutboundMessage): void;
  /** bookkeeping after a successful send (a checkout marks its payment as native) */
  sent(m: OutboundMessage): void;
}

// Graph's answers that mean "this number cannot take an order_details checkout"
const CHECKOUT_REFUSED = new Set([100, 131009, 131051, 131052, 138000, 138001]);

export function createSendPreparation(o: {
  db: Db;
  catalogue: Catalogue;
  now: () => number;
  settings: TemplateSettings & { paymentConfiguration?: string };
}): SendPreparation {
  const { db } = o;
  const rowInfo = db.$client.prepare(
    `select m.purpose, c.language from messages m left join citizens c on c.wa_id = m.wa_id where m.id = ?`,
  );
  const update = db.$client.prepare('update messages set kind = ?, payload = ?, text = ? where id = ?');
  const info = (id: number): { purpose: MessagePurpose | null; lang: Lang } => {
    const r = rowInfo.get(id) as { purpose: string | null; language: string | null } | undefined;
    const purpose = (messagePurposes as readonly string[]).includes(r?.purpose ?? '')
      ? (r?.purpose as MessagePurpose)
      : null;
    return { purpose, lang: languageSchema.catch('hi').parse(r?.language) };
  };

  return {
    prepare(row, m) {
      const { purpose, lang } = info(row.id);
      if (!serviceWindow(db, row.waId, o.now()).open) {
        return templateFor(m, purpose, lang, o.settings) ?? m;
      }
      return (
        nativeCheckoutFor(db, m, {
          paymentConfiguration: o.settings.paymentConfiguration,
          lang,
          catalogue: o.catalogue,
        }) ?? m
      );
    },
    recover(row, sent, original, err) {
      if (err.code === 131047 && sent.kind !== 'template') {
        const { purpose, lang } = info(row.id);
        return templateFor(original, purpose, lang, o.settings);
      }
      if (sent.kind === 'order_details' && err.code !== undefined && CHECKOUT_REFUSED.has(err.code)) {
        markCheckoutUnsupported(db, sent.referenceId, o.now());
        return original;
      }
      return null;
    },
    rewrite(rowId, m) {
      update.run(m.kind, JSON.stringify(m), plainText(m), rowId);
    },
    sent(m) {
      if (m.kind === 'order_details') markNativeCheckout(db, m.referenceId);
    },
  };
}
