import { describe, expect, it } from 'vitest';
import { pgSkipNote, pgTestServer } from '../testing/pg-test-database.js';
import { createPgSendRate } from './pg-send-rate.js';
import { usePgInstances } from './pg-test-instances.js';

describe.skipIf(!pgTestServer.available)(`a send rate shared by instances${pgSkipNote}`, () => {
  const instances = usePgInstances(2);

  it('keeps two instances sending at full speed together under one number’s rate', async () => {
    const rate = 50;
    const limiters = [0, 1].map((i) =>
      createPgSendRate({ pool: instances.pool(i), key: 'phone-1', ratePerSecond: rate }),
    );
    const sent: number[] = [];
    const started = performance.now();
    // 4 senders per instance, 10 sends each: 80 sends at 50/s
    await Promise.all(
      limiters.flatMap((limiter) =>
        Array.from({ length: 4 }, async () => {
          for (let i = 0; i < 10; i++) {
            await limiter.take();
            sent.push(performance.now() - started);
          }
        }),
      ),
    );
    sent.sort((a, b) => a - b);
    const elapsed = sent[sent.length - 1]!;
    // 79 intervals of 20 ms after the first: the two instances did not each get the full rate
    expect(elapsed).toBeGreaterThan(1_500);
    // and the shared bucket did not throttle them below it (generous: a loaded machine)
    expect(elapsed).toBeLessThan(3_500);
    // by any moment, no more were sent than the rate allows since the start (+1: the burst of
    // one). A loaded machine can only make sends later than their reservations, never earlier.
    for (const t of [250, 500, 1_000, 1_500]) {
      expect(sent.filter((at) => at < t).length).toBeLessThanOrEqual(Math.floor((t / 1000) * rate) + 2);
    }
  }, 20_000);

  it('keeps one bucket per number and allows a burst after a quiet spell', async () => {
    // one a second: the refill while the test runs (milliseconds, even on a loaded machine) is negligible
    const a = createPgSendRate({ pool: instances.pool(0), key: 'phone-2', ratePerSecond: 1, burst: 5 });
    const b = createPgSendRate({ pool: instances.pool(1), key: 'phone-3', ratePerSecond: 1, burst: 5 });
    // a full bucket: five at once, then a second apart
    expect(await Promise.all([1, 2, 3, 4, 5].map(() => a.reserve()))).toEqual([0, 0, 0, 0, 0]);
    const sixth = await a.reserve();
    expect(sixth).toBeGreaterThan(800);
    expect(sixth).toBeLessThanOrEqual(1_000);
    // phone-3 is untouched by phone-2's sends
    expect(await b.reserve(5)).toBe(0);
    // a batch reservation waits for all its tokens
    const batch = await b.reserve(3);
    expect(batch).toBeGreaterThan(2_800);
    expect(batch).toBeLessThanOrEqual(3_000);
  });
});
