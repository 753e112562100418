import type { Db } from '../db/open-database.js';
import { auditLog } from '../db/schema.js';

export type AuditEntry = {
  userId: number | null;
  action: string;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
  now: number;
};

/** One row per view of personal data and per change; call inside the change's transaction. */
export function audit(db: Db, e: AuditEntry): void {
  db.insert(auditLog)
    .values({
      userId: e.userId,
      action: e.action,
      targetType: e.targetType ?? null,
      targetId: e.targetId == null ? null : String(e.targetId),
      detail: e.detail ?? null,
      createdAt: e.now,
    })
    .run();
}
