import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Op, rows } from '../storage/operation.js';
import type { CaseRow } from './case-store.js';

const where = (...conds: (SQL | undefined)[]) => and(...conds.filter(Boolean));

export type CaseFilter = { service?: string; waId?: string; status?: string; limit?: number };

/** Cases newest first, filtered by service, citizen and status: case-store.ts listCases as a store operation (either database). */
export const newestCases = (f: CaseFilter): Op<CaseRow[]> =>
  function* ({ db, t }) {
    const c = t.cases;
    return yield* rows(
      db
        .select()
        .from(c)
        .where(
          where(
            f.service ? eq(c.service, f.service) : undefined,
            f.waId ? eq(c.waId, f.waId) : undefined,
            f.status ? eq(c.status, f.status) : undefined,
          ),
        )
        .orderBy(desc(c.createdAt), desc(c.id))
        .limit(f.limit ?? 500),
    );
  };
