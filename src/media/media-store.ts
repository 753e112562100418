import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** True when `claimed` (hex, as Graph's lookup gives it, or base64, as webhooks do) is the digest of `hex`. */
export function sameDigest(hex: string, claimed: string): boolean {
  const c = claimed.trim();
  if (/^[0-9a-f]{64}$/i.test(c)) return c.toLowerCase() === hex;
  return Buffer.from(hex, 'hex').toString('base64') === c.replace(/-/g, '+').replace(/_/g, '/');
}

/**
 * Where the bytes of citizens' media live, by sha256. Async because on PostgreSQL they are
 * rows (media-blob-store.ts); on SQLite they are files (below). The database rows that point
 * at them (media_files) decide what is kept: `sweep` deletes bytes no row references.
 */
export interface MediaStore {
  readonly kind: 'files' | 'postgres';
  put(bytes: Uint8Array): Promise<string>;
  read(sha: string): Promise<Buffer | null>;
  remove(sha: string): Promise<void>;
  /** deletes bytes older than `minAgeMs` that `isUsed` says no row references; how many went */
  sweep(o: {
    isUsed: (sha: string) => boolean | Promise<boolean>;
    minAgeMs: number;
    now: number;
  }): Promise<number>;
}

/**
 * Files stored under their sha256 (`<dir>/ab/abcdef…`): the same photo sent twice is one file,
 * and a name can never be chosen by whoever sent it. Writes go to a temporary name first and
 * are renamed into place, so a crash never leaves a half file under a real digest.
 */
export function createMediaStore(dir: string): MediaStore & { dir: string; pathOf(sha: string): string } {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return join(dir, sha.slice(0, 2), sha);
  };
  return {
    kind: 'files',
    dir,
    pathOf,
    async put(bytes) {
      const sha = sha256Hex(bytes);
      const target = pathOf(sha);
      mkdirSync(join(dir, sha.slice(0, 2)), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
      return sha;
    },
    async read(sha) {
      try {
        return readFileSync(pathOf(sha));
      } catch {
        return null;
      }
    },
    async remove(sha) {
      rmSync(pathOf(sha), { force: true });
    },
    async sweep({ isUsed, minAgeMs, now }) {
      let prefixes: string[];
      try {
        prefixes = readdirSync(dir).filter((d) => /^[0-9a-f]{2}$/.test(d));
      } catch {
        return 0;
      }
      let files = 0;
      for (const prefix of prefixes) {
        for (const name of readdirSync(join(dir, prefix))) {
          if (!/^[0-9a-f]{64}$/.test(name) || (await isUsed(name))) continue;
          if (minAgeMs > 0 && now - statSync(join(dir, prefix, name)).mtimeMs < minAgeMs) continue;
          rmSync(pathOf(name), { force: true });
          files++;
        }
      }
      return files;
    },
  };
}
