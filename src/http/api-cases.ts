import { and, desc, eq, type SQL } from 'drizzle-orm';
import { listCases } from '../cases/case-store.js';
import type { Db } from '../db/open-database.js';
import { applications, complaints } from '../db/schema.js';
import type { AnyService } from '../services/types.js';

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
const pick = (row: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((k) => [k, row[k] ?? null]));

/** A legacy table's rows (birth applications, complaints) as cases of their service. */
function legacyItems(db: Db, service: AnyService, q: CaseQuery): CaseItem[] {
  const table = service.legacyType === 'application' ? applications : complaints;
  const conds: SQL[] = [];
  if (q.phone) conds.push(eq(table.waId, q.phone));
  if (q.status) conds.push(eq(table.status, q.status as never));
  const keys = Object.keys(service.schema.shape);
  return db
    .select()
    .from(table)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(table.createdAt), desc(table.id))
    .limit(q.limit)
    .all()
    .map((r) => ({
      reference: r.reference,
      service: service.id,
      status: r.status,
      phone: r.waId,
      language: r.language,
      fields: pick(r as Record<string, unknown>, keys),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.statusAt),
    }));
}

/**
 * `GET /api/cases`: every service's cases in one shape, newest first. The registry says
 * which services exist and where each keeps its cases.
 */
export function listCaseItems(db: Db, q: CaseQuery, services: AnyService[]): CaseItem[] {
  const wanted = services.filter((s) => !q.service || s.id === q.service);
  const items: CaseItem[] = [];
  for (const s of wanted.filter((x) => x.storage === 'legacy')) items.push(...legacyItems(db, s, q));
  const ids = new Set(wanted.filter((x) => x.storage === 'cases').map((x) => x.id));
  if (ids.size > 0) {
    const rows = listCases(db, {
      ...(q.service ? { service: q.service } : {}),
      ...(q.phone ? { waId: q.phone } : {}),
      ...(q.status ? { status: q.status } : {}),
      limit: q.limit,
    });
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
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.reference.localeCompare(a.reference))
    .slice(0, q.limit);
}
