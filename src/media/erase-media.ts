import { and, eq, isNotNull, notInArray } from 'drizzle-orm';
import { exec, first, type Op } from '../storage/operation.js';
import type { Store } from '../storage/store.js';
import type { MediaStore } from './media-store.js';

/** media rows whose message the retention job purged: nothing shows them any more */
const orphanRowsOp: Op<number> = function* ({ db, t }) {
  const f = t.mediaFiles;
  return yield* exec(
    db
      .delete(f)
      .where(
        and(
          isNotNull(f.messageId),
          notInArray(f.messageId, db.select({ id: t.messages.id }).from(t.messages)),
        ),
      ),
  );
};

const usedOp = (sha: string): Op<boolean> =>
  function* ({ db, t }) {
    return (
      (yield* first(
        db.select({ id: t.mediaFiles.id }).from(t.mediaFiles).where(eq(t.mediaFiles.sha256, sha)).limit(1),
      )) !== undefined
    );
  };

/**
 * Erasure and retention for media bytes. The database decides (eraseCitizenOp deletes a
 * citizen's media rows in its transaction; rows whose message the retention job purged go
 * here), and this sweep makes the bytes follow: every file (SQLite) or blob (PostgreSQL) no
 * media row references any more is deleted. Run after erasure and periodically; deleting only
 * after the commit means a rolled-back erasure never loses a file.
 */
export async function sweepMedia(
  store: Store,
  media: MediaStore,
  // bytes written a moment ago may belong to a row a turn is about to commit
  { minAgeMs = 10 * 60_000, now = Date.now() }: { minAgeMs?: number; now?: number } = {},
): Promise<{ rows: number; files: number }> {
  const rows = await store.transaction(orphanRowsOp);
  const files = await media.sweep({ isUsed: (sha) => store.read(usedOp(sha)), minAgeMs, now });
  return { rows, files };
}
