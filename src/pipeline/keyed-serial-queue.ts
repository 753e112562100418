/**
 * Runs work one at a time per key (a citizen), many keys in parallel. A kick while a key
 * is busy is remembered, so the drain loop looks once more before it stops.
 */
export function createKeyedSerialQueue(drain: (key: string) => Promise<void>) {
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();

  function kick(key: string): void {
    if (running.has(key)) {
      again.add(key);
      return;
    }
    const loop = (async () => {
      do {
        again.delete(key);
        await drain(key);
      } while (again.has(key));
    })().finally(() => running.delete(key));
    running.set(key, loop);
  }

  /** Resolves once no key has work in flight (including work kicked while waiting). */
  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.allSettled([...running.values()]);
  }

  return {
    kick,
    idle,
    get size() {
      return running.size;
    },
  };
}
