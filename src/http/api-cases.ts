import { newestCases } from '../cases/newest-cases.js';
import { codePointOrder } from '../lang/code-point-order.js';
import type { AnyService } from '../services/types.js';
import type { Op } from '../storage/operation.js';

export interface CaseItem {
  reference: string;
  service: string;
  status: string;
  phone: string;
  language: string;
  fields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface CaseQuery {
  service?: string;
  phone?: string;
  status?: string;
  limit: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * `GET /api/cases`: every service's cases in one shape, newest first. The registry says
 * which services exist; all of them, birth and complaint too, keep their cases in one table.
 */
export const listCaseItems = (q: CaseQuery, services: AnyService[]): Op<CaseItem[]> =>
  function* (ctx) {
    const wanted = services.filter((s) => !q.service || s.id === q.service);
    const items: CaseItem[] = [];
    const ids = new Set(wanted.map((x) => x.id));
    if (ids.size > 0) {
      const rows = yield* newestCases({
        ...(q.service ? { service: q.service } : {}),
        ...(q.phone ? { waId: q.phone } : {}),
        ...(q.status ? { status: q.status } : {}),
        limit: q.limit,
      })(ctx);
      for (const r of rows.filter((x) => ids.has(x.service))) {
        items.push({
          reference: r.reference,
          service: r.service,
          status: r.status,
          phone: r.waId,
          language: r.language,
          fields: r.fields,
          createdAt: iso(r.createdAt),
          updatedAt: iso(r.updatedAt),
        });
      }
    }
    return items
      .sort((a, b) => codePointOrder(b.createdAt, a.createdAt) || codePointOrder(b.reference, a.reference))
      .slice(0, q.limit);
  };
