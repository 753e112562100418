/**
 * Per-recipient pacing, under Meta's pair rate limit (131056: about one message per 6 s to
 * one citizen, with short bursts tolerated). A token bucket per wa_id: `burst` messages at
 * once, then one per `intervalMs`. A turn's two or three replies go out together; a long
 * run of messages to one citizen (a backlog after an outage) is spread out instead of
 * earning 131056s. Buckets that are full again are forgotten.
 */
export function createRecipientPacer({
  burst,
  intervalMs,
  now = () => Date.now(),
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
}: {
  burst: number;
  intervalMs: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refill = (b: { tokens: number; at: number }, t: number) => {
    b.tokens = Math.min(burst, b.tokens + (t - b.at) / intervalMs);
    b.at = t;
  };
  async function pace(waId: string): Promise<void> {
    const t = now();
    const b = buckets.get(waId) ?? { tokens: burst, at: t };
    buckets.set(waId, b);
    refill(b, t);
    b.tokens -= 1;
    if (b.tokens < 0) await sleep(Math.ceil(-b.tokens * intervalMs));
    if (buckets.size > 10_000) {
      const t2 = now();
      for (const [k, v] of buckets) {
        refill(v, t2);
        if (v.tokens >= burst) buckets.delete(k);
      }
    }
  }
  return Object.assign(pace, { size: () => buckets.size });
}
