import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/open-database.js';
import type { MediaStore } from './media-store.js';

/**
 * Erasure and retention for media files. The database decides (eraseCitizen deletes a
 * citizen's media rows in its transaction; rows whose message the retention job purged
 * go here), and this sweep makes the disk follow: every file no media row references any
 * more is deleted. Run after erasure and periodically; deleting only after the commit means
 * a rolled-back erasure never loses a file.
 */
export function sweepMedia(
  db: Db,
  store: MediaStore,
  // a file written a moment ago may belong to a row another thread (the turn worker) is about to commit
  { minAgeMs = 10 * 60_000, now = Date.now() }: { minAgeMs?: number; now?: number } = {},
): { rows: number; files: number } {
  const rows = db.$client
    .prepare(
      'delete from media_files where message_id is not null and message_id not in (select id from messages)',
    )
    .run().changes;
  const used = db.$client.prepare('select 1 from media_files where sha256 = ? limit 1');
  let files = 0;
  let prefixes: string[];
  try {
    prefixes = readdirSync(store.dir).filter((d) => /^[0-9a-f]{2}$/.test(d));
  } catch {
    return { rows, files };
  }
  for (const prefix of prefixes) {
    for (const name of readdirSync(join(store.dir, prefix))) {
      if (!/^[0-9a-f]{64}$/.test(name) || used.get(name)) continue;
      if (minAgeMs > 0 && now - statSync(join(store.dir, prefix, name)).mtimeMs < minAgeMs) continue;
      store.remove(name);
      files++;
    }
  }
  return { rows, files };
}
