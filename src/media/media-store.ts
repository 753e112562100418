import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** True when `claimed` (hex, as Graph's lookup gives it, or base64, as webhooks do) is the digest of `hex`. */
export function sameDigest(hex: string, claimed: string): boolean {
  const c = claimed.trim();
  if (/^[0-9a-f]{64}$/i.test(c)) return c.toLowerCase() === hex;
  return Buffer.from(hex, 'hex').toString('base64') === c.replace(/-/g, '+').replace(/_/g, '/');
}

/**
 * Files stored under their sha256 (`<dir>/ab/abcdef…`): the same photo sent twice is one file,
 * and a name can never be chosen by whoever sent it. Writes go to a temporary name first and
 * are renamed into place, so a crash never leaves a half file under a real digest.
 */
export function createMediaStore(dir: string) {
  const pathOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return join(dir, sha.slice(0, 2), sha);
  };
  return {
    dir,
    pathOf,
    put(bytes: Uint8Array): string {
      const sha = sha256Hex(bytes);
      const target = pathOf(sha);
      mkdirSync(join(dir, sha.slice(0, 2)), { recursive: true });
      const tmp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
      return sha;
    },
    read(sha: string): Buffer | null {
      try {
        return readFileSync(pathOf(sha));
      } catch {
        return null;
      }
    },
    remove(sha: string): void {
      rmSync(pathOf(sha), { force: true });
    },
  };
}
export type MediaStore = ReturnType<typeof createMediaStore>;
