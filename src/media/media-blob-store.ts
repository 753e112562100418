import type { PgDb } from '../db/pg/open-pg.js';
import { type MediaStore, sha256Hex } from './media-store.js';

/**
 * Media bytes in PostgreSQL (media_blobs, src/db/pg/media-blobs-schema.ts says why there):
 * every instance reads what any instance fetched. A put of bytes already stored is a no-op
 * (content addressing), so two instances storing the same photo at once both succeed.
 */
export function createPgMediaStore(db: PgDb, now: () => number = Date.now): MediaStore {
  const pool = db.$client;
  const check = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return sha;
  };
  return {
    kind: 'postgres',
    async put(bytes) {
      const sha = sha256Hex(bytes);
      await pool.query(
        `insert into media_blobs (sha256, bytes, size_bytes, created_at) values ($1, $2, $3, to_timestamp($4 / 1000.0))
         on conflict (sha256) do nothing`,
        [sha, Buffer.from(bytes), bytes.byteLength, now()],
      );
      return sha;
    },
    async read(sha) {
      const { rows } = await pool.query<{ bytes: Buffer }>(
        'select bytes from media_blobs where sha256 = $1',
        [check(sha)],
      );
      return rows[0]?.bytes ?? null;
    },
    async remove(sha) {
      await pool.query('delete from media_blobs where sha256 = $1', [check(sha)]);
    },
    // one statement: the rows decide, not a walk over the bytes (isUsed is the files' way)
    async sweep({ minAgeMs, now: at }) {
      const r = await pool.query(
        `delete from media_blobs b where b.created_at < to_timestamp($1 / 1000.0)
           and not exists (select 1 from media_files f where f.sha256 = b.sha256)`,
        [at - minAgeMs],
      );
      return r.rowCount ?? 0;
    },
  };
}
