import { describe, expect, it } from 'vitest';
import { extractRupees } from './extract-rupees.js';

describe('extractRupees', () => {
  it.each([
    ['2.5 lakh', 250000],
    ['ढाई लाख', 250000],
    ['50 hazaar', 50000],
    ['₹1,20,000', 120000],
    ['saal ki aay dedh lakh hai', 150000],
    ['around 80k per year', 80000],
    ['income is Rs. 96000 yearly', 96000],
    ['sava lakh', 125000],
    ['3 lac', 300000],
    ['सालाना आय ६०००० रुपये', 60000],
    ['do lakh', 200000],
    ['3 lakh 20 hazaar', 320000],
    ['1 lakh 50 thousand rupees', 150000],
    ['2 लाख 40 हजार', 240000],
  ])('%s → %d', (text, rupees) => {
    expect(extractRupees(text)).toBe(rupees);
  });

  it.each(['kheti se', 'no idea', 'do batao'])('%s → null', (text) => {
    expect(extractRupees(text)).toBeNull();
  });
});
