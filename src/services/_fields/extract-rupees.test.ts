import { describe, expect, it } from 'vitest';
import { extractRupees, readRupees } from './extract-rupees.js';

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

  // a second unit was added only after digits: "do lakh pachas hazar" was 2,00,000
  it.each([
    ['do lakh pachas hazar', 250000],
    ['do lakh pachaas hazaar rupaye', 250000],
    ['दो लाख पचास हज़ार', 250000],
    ['एक लाख बीस हजार', 120000],
    ['2 lakh 50 hazar', 250000],
    ['ek lakh aur bees hazaar', 120000],
    ['two lakh fifty thousand', 250000],
    ['twenty five thousand', 25000],
    ['nabbe hazaar', 90000],
    ['बारह हज़ार', 12000],
    ['paanch sau', 500],
    ['dedh lakh', 150000],
    ['sava do lakh', 225000],
    ['saade teen lakh', 350000],
    ['साढ़े तीन लाख', 350000],
    ['paune do lakh', 175000],
    ['1.5L', 150000],
    ['1,20,000/-', 120000],
    ['lagbhag 2 lakh', 200000],
    ['लगभग ढाई लाख', 250000],
    ['aay 2 lakh, pin 221007', 200000],
    ['FY 2025-26 me 1.5 lakh', 150000],
    ['2 lakh nahi, 1.5 lakh', 150000],
    ['likh do 2 lakh', 200000],
  ])('compound and everyday forms: %s → %d', (text, rupees) => {
    expect(extractRupees(text)).toBe(rupees);
  });

  // "do k liye" is no 2000, "15000 k liye" no 1.5 crore
  it.each([
    ['15000 k liye', 15000],
    ['do k liye 50000', 50000],
  ])('a letter unit only after a small number in digits: %s → %d', (text, rupees) => {
    expect(extractRupees(text)).toBe(rupees);
  });
});

describe('readRupees: what is not one exact amount is unclear, never guessed', () => {
  it.each([
    ['ek lakh se kam', 'bounded'],
    ['1 lakh se bhi kam', 'bounded'],
    ['एक लाख से कम', 'bounded'],
    ['less than 1 lakh', 'bounded'],
    ['under ₹50,000', 'bounded'],
    ['2 lakh tak', 'bounded'],
    ['50 hazaar se zyada', 'bounded'],
    ['kam se kam 1 lakh', 'bounded'],
    ['1-2 lakh', 'range'],
    ['1 se 2 lakh', 'range'],
    ['1 लाख से 2 लाख', 'range'],
    ['dedh do lakh', 'range'],
    ['do teen lakh', 'range'],
    ['8000 - 10000', 'range'],
    ['1 lakh 20', 'ambiguous'],
    ['ek lakh bees', 'ambiguous'],
    ['papa ki 8000 mahina aur meri 5000', 'several'],
    ['papa ki 1 lakh aur meri 50 hazaar', 'several'],
    ['2 lakh nahi', 'denied'],
    ['saal bhar har mahine 15000', 'mixed_period'],
  ])('%s → %s', (text, why) => {
    expect(readRupees(text)).toEqual({ kind: 'unclear', why });
    expect(extractRupees(text)).toBeNull();
  });

  it.each([
    ['15000 mahina', 15000, 'month'],
    ['15 hazaar mahine ka', 15000, 'month'],
    ['12000 monthly', 12000, 'month'],
    ['rupees 15000 per month', 15000, 'month'],
    ['15000pm', 15000, 'month'],
    ['बारह हज़ार महीना', 12000, 'month'],
    ['500 rupaye roz', 500, 'day'],
    ['2 hazaar hafte ka', 2000, 'week'],
    ['1.8 lakh saalana', 180000, 'year'],
    ['approx 1.2 lakh p.a.', 120000, 'year'],
    ['12 mahine ka 1.8 lakh', 180000, 'year'],
    ['2.5 lakh', 250000, null],
  ])('the period said with it: %s → %d a %s', (text, rupees, per) => {
    expect(readRupees(text)).toMatchObject({ kind: 'amount', rupees, per });
  });

  it('"gali no 3" is a bare number, not marked as money; "50 rupaye" is', () => {
    expect(readRupees('gali no 3')).toMatchObject({ rupees: 3, marked: false });
    expect(readRupees('50 rupaye')).toMatchObject({ rupees: 50, marked: true });
  });
});
