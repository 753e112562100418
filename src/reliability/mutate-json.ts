export type Mutation = 'delete' | 'replace' | 'huge' | 'deep';

/** Every [container, key] pair of a JSON document, depth first (the root is not included). */
function slots(doc: unknown): [Record<string, unknown> | unknown[], string | number][] {
  const out: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push([v, i]);
        walk(item);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        out.push([v as Record<string, unknown>, k]);
        walk(item);
      }
    }
  };
  walk(doc);
  return out;
}

// Deep values are spliced in as text by serialize(): cloning or walking them would recurse.
const DEEP_MARKER = '\u0000deep-value\u0000';
const DEEP_TEXT = `${'{"nested":['.repeat(5_000)}1${']}'.repeat(5_000)}`;

/** JSON text of a mutated document, with the deep values in place. */
export function serialize(doc: unknown): string {
  return JSON.stringify(doc).replaceAll(JSON.stringify(DEEP_MARKER), DEEP_TEXT);
}

/**
 * Applies one mutation to a copy of a JSON document at the slot `at` (modulo the slot
 * count): remove the field, replace it by `replacement` (a wrong type, usually), a huge
 * string, or a deeply nested value. For fuzzing parsers that must reject, not crash.
 */
export function mutate(doc: unknown, at: number, op: Mutation, replacement: unknown): unknown {
  const copy = structuredClone(doc);
  const all = slots(copy);
  if (all.length === 0) return copy;
  const [container, key] = all[at % all.length];
  const value =
    op === 'replace'
      ? replacement
      : op === 'huge'
        ? 'ज़'.repeat(100_000)
        : op === 'deep'
          ? DEEP_MARKER
          : undefined;
  if (op === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else if (Array.isArray(container)) container[key as number] = value;
  else container[key as string] = value;
  return copy;
}
