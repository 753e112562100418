/**
 * At most `perMinute` events per client key (an IP address) in any sliding minute, in
 * memory. Keys that went quiet are dropped, and the table is capped, so a flood of
 * addresses cannot grow it without bound.
 */
export function createClientRateLimit({
  perMinute,
  now,
  maxKeys = 10_000,
}: {
  perMinute: number;
  now: () => number;
  maxKeys?: number;
}) {
  const hits = new Map<string, number[]>();
  return {
    /** Counts one event for `key`; false when it is over the limit (and then not counted). */
    allow(key: string): boolean {
      const t = now();
      const recent = (hits.get(key) ?? []).filter((at) => at > t - 60_000);
      if (recent.length >= perMinute) {
        hits.set(key, recent);
        return false;
      }
      recent.push(t);
      hits.delete(key);
      hits.set(key, recent);
      // Map keeps insertion order: the first keys are the least recently used
      while (hits.size > maxKeys) hits.delete(hits.keys().next().value as string);
      return true;
    },
  };
}
