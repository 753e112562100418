/**
 * The value with every U+0000 removed from its strings, for PostgreSQL: its text and jsonb
 * cannot hold it, so a message carrying one would fail its delivery on every retry (no one
 * means it). SQLite stores it as it came (src/reliability/literal-text.test.ts).
 */
export function withoutNul<T>(value: T): T {
  return hasNul(value) ? stripNul(value) : value;
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\0');
  if (value && typeof value === 'object') return Object.values(value).some(hasNul);
  return false;
}

function stripNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\0') ? value.replaceAll('\0', '') : value) as T;
  if (Array.isArray(value)) return value.map(stripNul) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, stripNul(v)])) as T;
  return value;
}
