/**
 * A memo that lives for one engine turn. The form engine reads one message many times over
 * (every field's reader analyses it with its own pending slot, commands are detected by the
 * dialogue, the form and each analysis, the same text is normalised and folded a dozen times):
 * inside `withTurnMemo` the same pure reading of the same text is computed once. Outside a turn
 * nothing is kept, and a turn's memo is dropped when it ends, so nothing grows across citizens
 * and a benchmark replaying a text is not served from an earlier turn.
 */

// a turn reads one message and a few of its segments: far fewer entries than this
const MAX_ENTRIES = 2048;

let memo: Map<string, Map<string, unknown>> | null = null;
let entries = 0;

/** Runs `fn` (synchronous) with a fresh turn memo; nested calls share the outer one. */
export function withTurnMemo<T>(fn: () => T): T {
  if (memo) return fn();
  memo = new Map();
  entries = 0;
  try {
    return fn();
  } finally {
    memo = null;
  }
}

/**
 * `compute()` once per key of a space (one space per function memoised) within the current
 * turn; computed every time outside a turn.
 */
export function turnMemo<T>(space: string, key: string, compute: () => T): T {
  if (!memo) return compute();
  let values = memo.get(space);
  if (!values) {
    values = new Map();
    memo.set(space, values);
  }
  if (values.has(key)) return values.get(key) as T;
  const value = compute();
  if (entries < MAX_ENTRIES) {
    values.set(key, value);
    entries++;
  }
  return value;
}
