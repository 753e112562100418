/**
 * Lets at most `perTick` turns start per turn of the event loop. Offline turns finish in
 * microtasks, which run back to back: without a gate, a burst of a thousand citizens' turns
 * would run in one stretch while the webhook's requests (and Graph's answers) wait unread.
 * Turns past the quota start on the next iteration, after Node has polled for I/O, in the
 * order they asked (fair across citizens).
 */
export function createTurnGate({ perTick = 8 }: { perTick?: number } = {}) {
  let started = 0;
  let scheduled = false;
  const waiting: (() => void)[] = [];

  function flush() {
    scheduled = false;
    started = 0;
    while (waiting.length > 0 && started < perTick) {
      started++;
      waiting.shift()?.();
    }
    if (waiting.length > 0) schedule();
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    // a new quota per loop iteration, even for turns that started without waiting
    setImmediate(flush);
  }

  return function gate(): Promise<void> {
    schedule();
    if (started < perTick && waiting.length === 0) {
      started++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
}
