import { and, desc, eq, like, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/open-database.js';
import { exec, type Op, rows } from '../storage/operation.js';
import { onSqlite } from '../storage/sqlite-store.js';

export type AuditEntry = {
  userId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
  now: number;
};

/** One row per view of personal data and per change; run inside the change's transaction. */
export const auditOp = (e: AuditEntry): Op<void> =>
  function* ({ db, t }) {
    yield* exec(
      db.insert(t.auditLog).values({
        userId: e.userId,
        action: e.action,
        targetType: e.targetType ?? null,
        targetId: e.targetId == null ? null : String(e.targetId),
        detail: e.detail ?? null,
        createdAt: e.now,
      }),
    );
  };

/** The same, synchronously on SQLite, for the code not yet on the store (inside its own transaction). */
export function audit(db: Db, e: AuditEntry): void {
  onSqlite(db, auditOp(e));
}

export type AuditRow = {
  id: number;
  user: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** the detail as JSON text (PostgreSQL's jsonb keeps keys in its own order, not the writer's) */
  detail: string | null;
  createdAt: number;
};

/** The audit log's page: 100 rows before `before`, newest first, optionally by action prefix. */
export const auditPage = (before: number, actionPrefix: string | null): Op<AuditRow[]> =>
  function* ({ db, t }) {
    const found = yield* rows(
      db
        .select({
          id: t.auditLog.id,
          user: t.staffUsers.username,
          action: t.auditLog.action,
          targetType: t.auditLog.targetType,
          targetId: t.auditLog.targetId,
          detail: t.auditLog.detail,
          createdAt: t.auditLog.createdAt,
        })
        .from(t.auditLog)
        .leftJoin(t.staffUsers, eq(t.staffUsers.id, t.auditLog.userId))
        .where(
          and(
            lt(t.auditLog.id, before),
            // a prefix of typed text: its own % and _ are literal
            actionPrefix
              ? like(
                  t.auditLog.action,
                  sql`${`${actionPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
                )
              : undefined,
          ),
        )
        .orderBy(desc(t.auditLog.id))
        .limit(100),
    );
    return found.map((r) => ({ ...r, detail: r.detail == null ? null : JSON.stringify(r.detail) }));
  };
