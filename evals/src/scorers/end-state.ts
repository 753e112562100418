import { TABLES, type TableExpect, type TableName } from '../case-schema.js';
import { type FieldMismatch, matchFields } from '../match.js';
import type { StoreRecord, StoreState } from '../types.js';

export interface TableDiff {
  /** a table, or `cases.<service id>` */
  table: TableName | `cases.${string}`;
  expectedCount: TableExpect['count'];
  actualCount: number;
  countOk: boolean;
  /** per expected record: the best candidate's mismatches (empty: matched) */
  records: {
    expected: Record<string, unknown>;
    matchedReference: string | null;
    mismatches: FieldMismatch[];
  }[];
  pass: boolean;
}

function countOk(expected: TableExpect['count'], actual: number): boolean {
  if (expected === undefined) return true;
  if (typeof expected === 'number') return actual === expected;
  return actual >= (expected.min ?? 0) && actual <= (expected.max ?? Number.POSITIVE_INFINITY);
}

/**
 * The τ-bench oracle: records created during the case against the expected end state.
 * A table the case leaves out must have no new record; each expected record must match
 * a distinct created one (greedy, best match first).
 */
export function checkEndState(
  expect: (Partial<Record<TableName, TableExpect>> & { cases?: Record<string, TableExpect> }) | undefined,
  created: StoreState,
): TableDiff[] {
  const createdCases = created.cases ?? [];
  const services = [
    ...new Set([...Object.keys(expect?.cases ?? {}), ...createdCases.map((c) => String(c.service))]),
  ].sort();
  return [
    ...TABLES.map((table) => diff(table, expect?.[table] ?? { count: 0 }, created[table])),
    ...services.map((id) =>
      diff(
        `cases.${id}`,
        expect?.cases?.[id] ?? { count: 0 },
        createdCases.filter((c) => c.service === id),
      ),
    ),
  ];
}

function diff(table: TableDiff['table'], exp: TableExpect, rows: StoreRecord[]): TableDiff {
  {
    const expectedCount = exp.count ?? (exp.records ? exp.records.length : undefined);
    const free = new Set(rows.map((_, i) => i));
    const records = (exp.records ?? []).map((want) => {
      let best: { i: number; mismatches: FieldMismatch[] } | null = null;
      for (const i of free) {
        const m = matchFields(want, rows[i] as StoreRecord);
        if (!best || m.mismatches.length < best.mismatches.length) best = { i, mismatches: m.mismatches };
      }
      if (best && best.mismatches.length === 0) free.delete(best.i);
      return {
        expected: want,
        matchedReference: best && best.mismatches.length === 0 ? String(rows[best.i].reference) : null,
        mismatches: best
          ? best.mismatches
          : Object.entries(want).map(([field, expected]) => ({ field, expected, actual: null })),
      };
    });
    const ok = countOk(expectedCount, rows.length);
    return {
      table,
      expectedCount,
      actualCount: rows.length,
      countOk: ok,
      records,
      pass: ok && records.every((r) => r.mismatches.length === 0),
    };
  }
}
