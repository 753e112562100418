import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { annualIncome, annualIncomeNote } from './annual-income.js';

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

// "about 15000 a month" had the answer "Sorry, I couldn't read that", and citizens sent the same
// figure again: the figure was read, and not taken because it is a month's; that is what is said
describe('why a figure is not taken as the yearly income', () => {
  it.each([
    ['about 15000 a month', "That is a month's income"],
    ['15000 mahina', 'Yeh ek mahine ki aay hai'],
    ['500 roz', "That is a day's income"],
    ['ek lakh se kam', 'Please send one amount'],
  ])('%j: %j', (text, said) => {
    const note = annualIncomeNote(text);
    expect(note && Object.values(note).some((s) => s.startsWith(said))).toBe(true);
  });

  it('a yearly figure, or words without money, have no note', () => {
    expect(annualIncomeNote('1.8 lakh')).toBeUndefined();
    expect(annualIncomeNote('kheti')).toBeUndefined();
  });

  it('in the form, the reason replaces "couldn\'t read that", and nothing is stored', async () => {
    const d = createDriver({ now: new Date('2026-11-24T06:30:00Z'), lang: 'en' });
    for (const line of ['I want an income certificate', 'My name is Anita Sharma', 'father Om Prakash'])
      await d.send(line);
    const turn = await d.send('about 15000 a month');
    expect(turn.text).toContain("That is a month's income");
    expect(turn.text).not.toContain("couldn't read");
    expect(formOf(d).fields.annualIncomeRupees).toBeUndefined();
    expect(formOf(d).asking).toBe('annualIncomeRupees');
  });
});

// "1 se 2 lakh" twice had "couldn't read" the second time, and "one to two lakh" or "do se teen
// lakh" had been stored as the upper end: a range is neither end, and is said to be a range each time
describe('an income given as a range', () => {
  const RANGE_NOTE = 'That is a range, not one amount';

  it.each(['one to two lakh', 'between one and two lakh', 'do se teen lakh', 'das se pandrah hazaar'])(
    '%j (number words) → null, with the range note',
    (text) => {
      expect(annualIncome(text)).toBeNull();
      expect(annualIncomeNote(text)?.en).toContain(RANGE_NOTE);
    },
  );

  it.each([
    ['1 se 2 lakh', 'hinglish'],
    ['1-2 lakh', 'hinglish'],
    ['between 1 and 2 lakh', 'en'],
    ['१ से २ लाख', 'hi'],
  ] as const)('%j in the form: nothing stored, the range said both times', async (text, lang) => {
    const said = Object.values(annualIncomeNote(text) ?? {});
    expect(said).toHaveLength(3);
    const d = createDriver({ now: new Date('2026-11-24T06:30:00Z'), lang });
    for (const line of ['income certificate banana hai', 'Anita Sharma', 'father Om Prakash'])
      await d.send(line);
    expect(formOf(d).asking).toBe('annualIncomeRupees');
    for (let i = 0; i < 2; i++) {
      const turn = await d.send(text);
      expect(said.some((s) => turn.text.includes(s))).toBe(true);
      expect(turn.text).not.toMatch(/couldn't read|nahi padh paaya|नहीं पढ़ पाया/);
      expect(formOf(d).fields.annualIncomeRupees).toBeUndefined();
      expect(formOf(d).asking).toBe('annualIncomeRupees');
    }
    await d.send('1.5 lakh');
    expect(formOf(d).fields.annualIncomeRupees).toBe(150000);
  });
});
