import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../lang/normalise.js';
import { amountWord, dayFromWord, numberFromToken } from './number-words.js';

describe('amountWord', () => {
  it.each([
    ['pachas', 50],
    ['pachaas', 50],
    ['पचास', 50],
    ['बारह', 12],
    ['tees', 30],
    ['teis', 23],
    ['nabbe', 90],
    ['पच्चीस', 25],
    ['अड़तीस', 38],
    ['sixty', 60],
    ['do', 2],
  ])('%s → %d', (word, n) => {
    expect(amountWord(foldForMatch(word))).toBe(n);
  });

  it.each(['lakh', 'hazaar', 'kheti', '', undefined])('%s → null', (word) => {
    expect(amountWord(word)).toBeNull();
  });

  it('leaves the small counts and the days of the month as they were', () => {
    expect(numberFromToken('pachas')).toBeNull();
    expect(numberFromToken('do')).toBe(2);
    expect(dayFromWord('do')).toBeNull();
    expect(dayFromWord(foldForMatch('बीस'))).toBe(20);
  });
});
