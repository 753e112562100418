import { describe, expect, it } from 'vitest';
import { choose, passHatCurve, passHatK } from './pass-hat-k.js';

describe('pass^k', () => {
  it('is C(c,k)/C(n,k)', () => {
    expect(choose(5, 2)).toBe(10);
    // 3 of 4 trials passed: pass^1 = 3/4, pass^2 = 3/6, pass^3 = 1/4, pass^4 = 0
    expect(passHatCurve(3, 4)).toEqual([0.75, 0.5, 0.25, 0]);
    expect(passHatK(4, 4, 4)).toBe(1);
    expect(passHatK(0, 3, 1)).toBe(0);
    expect(passHatK(8, 10, 3)).toBeCloseTo(56 / 120, 12);
  });

  it('rejects k outside 1..n', () => {
    expect(() => passHatK(1, 2, 3)).toThrow(RangeError);
    expect(() => passHatK(1, 2, 0)).toThrow(RangeError);
  });
});
