/**
 * The SQLite error codes that mean "not now" rather than "a bug": the write lock is held
 * by another process past the busy timeout, or the file cannot be written. Returns the
 * code, or null for any other error.
 */
export function databaseUnavailable(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return /^SQLITE_(BUSY|LOCKED|READONLY)/.test(code) ? code : null;
}
