import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import { detectCommand } from './detect-command.js';
import { turnMemo, withTurnMemo } from './turn-memo.js';

describe('turnMemo', () => {
  it('computes a key once within a turn, and again in the next turn', () => {
    let calls = 0;
    const read = () => turnMemo('t', 'k', () => ++calls);
    const first = withTurnMemo(() => [read(), read(), withTurnMemo(read)]);
    expect(first).toEqual([1, 1, 1]);
    expect(withTurnMemo(read)).toBe(2);
  });

  it('keeps nothing outside a turn', () => {
    let calls = 0;
    turnMemo('t', 'k', () => ++calls);
    turnMemo('t', 'k', () => ++calls);
    expect(calls).toBe(2);
  });

  it('drops the memo when a turn throws', () => {
    let calls = 0;
    expect(() =>
      withTurnMemo(() => {
        turnMemo('t', 'k', () => ++calls);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(withTurnMemo(() => turnMemo('t', 'k', () => ++calls))).toBe(2);
  });

  it('gives each reader of a memoised analysis its own slots and command', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    withTurnMemo(() => {
      const a = analyse('mother ka naam Rekha hai, cancel', { now });
      a.slots.motherName = 'changed';
      expect(analyse('mother ka naam Rekha hai, cancel', { now }).slots.motherName).not.toBe('changed');
      const c = detectCommand('cancel');
      expect(c).toEqual({ kind: 'cancel' });
      if (c) (c as { kind: string }).kind = 'menu';
      expect(detectCommand('cancel')).toEqual({ kind: 'cancel' });
    });
  });

  it('reads the same with and without the memo', () => {
    const now = new Date('2026-12-02T10:00:00Z');
    for (const text of ['beti hui 3 oct ko, maa Rekha', 'cancel karo', 'pin 226001', 'हाँ जी'])
      for (const expecting of [undefined, 'motherName', 'pinCode'] as const) {
        const opts = { now, ...(expecting ? { expecting } : {}) };
        expect(withTurnMemo(() => [analyse(text, opts), analyse(text, opts)])).toEqual([
          analyse(text, opts),
          analyse(text, opts),
        ]);
      }
  });
});
