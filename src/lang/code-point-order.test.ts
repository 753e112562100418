import { describe, expect, it } from 'vitest';
import { codePointOrder } from './code-point-order.js';

describe('codePointOrder', () => {
  it('orders references and ISO times as their characters do', () => {
    const refs = ['HC-2026-000010', 'BC-2026-000002', 'BC-2026-000010', 'PAY-2026-000001'];
    expect([...refs].sort(codePointOrder)).toEqual([
      'BC-2026-000002',
      'BC-2026-000010',
      'HC-2026-000010',
      'PAY-2026-000001',
    ]);
    expect(codePointOrder('2026-11-24T04:30:00.000Z', '2026-11-24T04:30:00.001Z')).toBe(-1);
    expect(codePointOrder('a', 'a')).toBe(0);
    expect(codePointOrder('b', 'a')).toBe(1);
  });
});
