import { describe, expect, it } from 'vitest';
import { createRecipientPacer } from './recipient-pacer.js';

describe('per-recipient pacing', () => {
  it('lets a burst through, then one message per interval to the same citizen; others are not held', async () => {
    const clock = { t: 0 };
    const waits: number[] = [];
    const pace = createRecipientPacer({
      burst: 3,
      intervalMs: 6000,
      now: () => clock.t,
      sleep: async (ms) => {
        waits.push(ms);
        clock.t += ms;
      },
    });
    for (let i = 0; i < 3; i++) await pace('a');
    expect(waits).toEqual([]);
    await pace('a');
    await pace('a');
    expect(waits).toEqual([6000, 6000]);
    await pace('b');
    expect(waits).toEqual([6000, 6000]);
    clock.t += 60_000;
    await pace('a');
    expect(waits).toHaveLength(2);
  });
});
