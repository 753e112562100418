import { exec, type Op, rows } from '../storage/operation.js';

/**
 * A registry case as filing leaves it, on either database: the row and its first case event
 * (to `status`, by nobody). For storage and console tests that start from a case in some state.
 */
export const seedCaseOp = (o: {
  service: string;
  reference: string;
  waId: string;
  status: string;
  fields: object;
  at: number;
  language?: 'en' | 'hi' | 'hinglish';
  slaDueAt?: number | null;
  assignedTo?: number | null;
}): Op<number> =>
  function* ({ db, t }) {
    const [row] = yield* rows(
      db
        .insert(t.cases)
        .values({
          service: o.service,
          reference: o.reference,
          waId: o.waId,
          status: o.status,
          language: o.language ?? 'hi',
          fields: o.fields as Record<string, unknown>,
          slaDueAt: o.slaDueAt ?? null,
          assignedTo: o.assignedTo ?? null,
          statusAt: o.at,
          createdAt: o.at,
          updatedAt: o.at,
        })
        .returning({ id: t.cases.id }),
    );
    if (!row) throw new Error('no case');
    yield* exec(
      db
        .insert(t.caseEvents)
        .values({ caseType: 'case', caseId: row.id, toStatus: o.status, createdAt: o.at }),
    );
    return row.id;
  };
