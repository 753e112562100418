import { describe, expect, it } from 'vitest';
import { extractDate, isCountedBackDate } from './extract-date.js';

// A complaint may take the day "ek mahina pehle" gives (see dates-in-context.test.ts); a register
// may not: isCountedBackDate tells the two apart (2026-12-07 finding, register-date.test.ts).
const now = new Date('2026-12-07T06:00:00Z');

describe('a date counted back in months or years, or weeks beside a weekday', () => {
  it.each([
    'a month ago',
    'ek mahina pehle',
    '2 saal pehle',
    'दो महीने पहले',
    'last week tuesday',
    'pichhle hafte mangalwar',
  ])('%j is counted back', (text) => {
    expect(isCountedBackDate(text, now)).toBe(true);
  });

  it.each([
    '3 din pehle',
    'pichhle hafte',
    'last week',
    'दो हफ़्ते पहले',
    'kal',
    'parso raat',
    '12/11/2026',
    '12 नवंबर',
    'pichhle mahine ki 5 tareekh',
    'somvar ko',
    'last night',
  ])('%j is an exact day', (text) => {
    expect(isCountedBackDate(text, now)).toBe(false);
    expect(extractDate(text, now)).not.toBeNull();
  });
});
