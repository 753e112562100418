import { eq, sql } from 'drizzle-orm';
import { legacyTypeOf } from '../src/cases/legacy-rows.js';
import { asciiDigits } from '../src/lang/ascii-digits.js';
import { codePointOrder } from '../src/lang/code-point-order.js';
import { type Op, preparedRows } from '../src/storage/operation.js';
import { parseReference } from './references.js';

export interface OwnRecord {
  reference: string;
  type: 'application' | 'complaint' | 'payment' | 'case';
  /** the registry service of a case (every record but a payment) */
  service?: string;
  status: string;
  statusAt: number;
  createdAt: number;
}

/**
 * Every record of one citizen, newest first. The only way the tools read cases: the
 * wa_id filter is here, so another citizen's record can never be found, let alone shown.
 */
export const ownRecords = (waId: string): Op<OwnRecord[]> =>
  function* (q) {
    // prepared: every status question runs these two (bench/README.md)
    const pays = (yield* preparedRows(
      q,
      'own_records_payments',
      ({ db, t: { payments: p } }) =>
        db
          .select({ reference: p.reference, status: p.status, paidAt: p.paidAt, createdAt: p.createdAt })
          .from(p)
          .where(eq(p.waId, sql.placeholder('waId'))),
      { waId },
    )).map(({ paidAt, ...r }) => ({ ...r, statusAt: paidAt ?? r.createdAt, type: 'payment' as const }));
    const serviceCases = (yield* preparedRows(
      q,
      'own_records_cases',
      ({ db, t: { cases: c } }) =>
        db
          .select({
            reference: c.reference,
            service: c.service,
            status: c.status,
            statusAt: c.statusAt,
            createdAt: c.createdAt,
          })
          .from(c)
          .where(eq(c.waId, sql.placeholder('waId'))),
      { waId },
    ))
      // birth applications and complaints are cases too; their record type stays what check_status and payments expect
      .map((r) => ({ ...r, type: legacyTypeOf(r.service) ?? ('case' as const) }));
    return [...serviceCases, ...pays].sort(
      (a, b) => b.createdAt - a.createdAt || codePointOrder(b.reference, a.reference),
    );
  };

/**
 * The citizen's records a typed reference points at: the canonical form ("bc 2026 123"), or
 * digits only ("123", "000123", "2026000123") matched against the number of their own references.
 */
export function matchOwnReference(records: OwnRecord[], typed: string): OwnRecord[] {
  const canonical = parseReference(typed);
  if (canonical) return records.filter((r) => r.reference === canonical);
  const digits = asciiDigits(typed).replace(/[\s\-/.]/g, '');
  if (!/^\d{1,10}$/.test(digits)) return [];
  return records.filter((r) => {
    const [, year, number] = r.reference.split('-');
    return digits.length <= 6 ? Number(number) === Number(digits) : `${year}${number}`.endsWith(digits);
  });
}
