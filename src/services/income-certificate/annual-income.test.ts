import { describe, expect, it } from 'vitest';
import { annualIncome } from './annual-income.js';

describe('annualIncome: one exact yearly amount, or null so the form asks again', () => {
  it.each([
    ['2.5 lakh', 250000],
    ['do lakh pachas hazar', 250000],
    ['ढाई लाख', 250000],
    ['dedh lakh', 150000],
    ['2 lakh 50 hazar', 250000],
    ['1.8 lakh saalana', 180000],
    ['₹1,20,000 yearly', 120000],
    ['around 2.5 lakh per year', 250000],
    ['lagbhag 2 lakh', 200000],
    ['लगभग 2 लाख', 200000],
    ['12 mahine ka 1.8 lakh', 180000],
    ['50 rupaye', 50],
  ])('%s → %d', (text, rupees) => {
    expect(annualIncome(text)).toBe(rupees);
  });

  it.each([
    '15000 mahina',
    '15 hazaar mahine ka',
    '12000 monthly',
    'बारह हज़ार महीना',
    '500 rupaye roz',
    '1 lakh 20',
    'ek lakh se kam',
    'एक लाख से कम',
    'less than 1 lakh',
    '1-2 lakh',
    'papa ki 8000 mahina aur meri 5000',
    'papa ki 1 lakh aur meri 50 hazaar',
    'gali no 3',
    'kheti se',
  ])('%s → null', (text) => {
    expect(annualIncome(text)).toBeNull();
  });
});
