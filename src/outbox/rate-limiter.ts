/**
 * Spaces calls at least 1/rate seconds apart (a token bucket of size one): WhatsApp's
 * throughput is per second and bursts beyond it come back as error 130429.
 * Uses the real clock, since it paces actual network requests.
 */
export function createRateLimiter(ratePerSecond: number): () => Promise<void> {
  const interval = 1000 / ratePerSecond;
  let nextSlot = 0;
  return () => {
    const t = performance.now();
    const slot = Math.max(t, nextSlot);
    nextSlot = slot + interval;
    const wait = slot - t;
    return wait < 1 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, wait));
  };
}
