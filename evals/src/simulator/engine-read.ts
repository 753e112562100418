// The per-turn record of what the engine read (fields set or changed, with the words it took
// them from) comes from the understanding work; its exact column is not settled, so it is
// looked up by the names it may carry, on the turn row or in its steps.
const NAMES = ['read', 'reads', 'reading', 'fieldsRead', 'fieldReads'];

/** What the engine read in one turn, or undefined when the turn row does not record it. */
export function engineReadOf(turn: Record<string, unknown> | undefined): unknown {
  if (!turn) return undefined;
  for (const n of NAMES) if (turn[n] !== undefined && turn[n] !== null) return turn[n];
  if (Array.isArray(turn.steps)) {
    const found = (turn.steps as Record<string, unknown>[]).flatMap((s) =>
      NAMES.map((n) => s?.[n]).filter((v) => v !== undefined && v !== null),
    );
    if (found.length) return found.length === 1 ? found[0] : found;
  }
  return undefined;
}
