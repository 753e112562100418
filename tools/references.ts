import { sql } from 'drizzle-orm';
import { asciiDigits } from '../src/lang/ascii-digits.js';
import { services } from '../src/services/registry.js';
import { type Op, rows } from '../src/storage/operation.js';

/** BC, HC, PAY, or a service's own prefix from its definition (CC, IC, DC, …). */
export type ReferencePrefix = string;

/**
 * The next readable reference for a prefix and year (`BC-2026-000123`): one counter per
 * prefix and year, incremented by a single upsert so two writers never get the same number.
 */
export const nextReference = (prefix: ReferencePrefix, year: number): Op<string> =>
  function* ({ db, t }) {
    const [row] = yield* rows(
      db
        .insert(t.counters)
        .values({ name: `${prefix}-${year}`, value: 1 })
        // qualified: on PostgreSQL a bare "value" here is ambiguous with the excluded row's
        .onConflictDoUpdate({ target: t.counters.name, set: { value: sql`"counters"."value" + 1` } })
        .returning({ value: t.counters.value }),
    );
    return formatReference(prefix, year, Number(row.value));
  };

export function formatReference(prefix: ReferencePrefix, year: number, n: number): string {
  return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
}

// Citizens type references as they hear them read out: "bc 2026 123", "BC2026000123", "hc/2026/45".
// The prefixes come from the service registry (and PAY): a new service's references are read too.
let referencePattern: RegExp | undefined;
function referenceRegex(): RegExp {
  const prefixes = [...services.map((s) => s.prefix.toLowerCase()), 'pay'].join('|');
  referencePattern ??= new RegExp(
    `(?:^|[^a-z])(${prefixes})[\\s\\-/_.]*(\\d{4})[\\s\\-/_.]*(\\d{1,6})(?!\\d)`,
    'i',
  );
  return referencePattern;
}

/** The canonical reference in a piece of text, or null. Devanagari digits count as digits. */
export function parseReference(text: string): string | null {
  const m = referenceRegex().exec(asciiDigits(text));
  if (!m) return null;
  return formatReference(m[1].toUpperCase() as ReferencePrefix, Number(m[2]), Number(m[3]));
}
