/**
 * A memo that lives for one engine turn. The form engine reads one message many times over
 * (every field's reader analyses it with its own pending slot, commands are detected by the
 * dialogue, the form and each analysis): inside `withTurnMemo` the same pure reading of the same
 * text is computed once. Outside a turn nothing is kept, and a turn's memo is dropped when it
 * ends, so nothing grows across citizens and a benchmark replaying a text is not served from
 * an earlier turn.
 */

// a turn reads one message and a few of its segments: far fewer entries than this
const MAX_ENTRIES = 512;

let memo: Map<string, unknown> | null = null;

/** Runs `fn` (synchronous) with a fresh turn memo; nested calls share the outer one. */
export function withTurnMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  try {
    return fn();
  } finally {
    memo = null;
  }
}

/** `compute()` once per key within the current turn; computed every time outside a turn. */
export function turnMemo<T>(key: string, compute: () => T): T {
  if (!memo) return compute();
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size < MAX_ENTRIES) memo.set(key, value);
  return value;
}
