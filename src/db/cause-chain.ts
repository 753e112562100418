/**
 * An error and the errors it wraps (`cause`), outermost first: drizzle wraps a failed query in
 * its own error, so a driver's code (SQLITE_BUSY, a PostgreSQL SQLSTATE) is one level down.
 */
export function causeChain(err: unknown, maxDepth = 4): unknown[] {
  const chain: unknown[] = [];
  for (
    let e = err;
    e && typeof e === 'object' && chain.length < maxDepth;
    e = (e as { cause?: unknown }).cause
  )
    chain.push(e);
  return chain;
}

/** The string `code` of an error in the chain. */
export const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
};
