import { describe, expect, it } from 'vitest';
import { normalise } from '../lang/normalise.js';
import { extractDate, extractDates, hasInvalidDate, localDate } from './extract-date.js';

// Friday 20 March 2026, 15:30 in India
const now = new Date('2026-03-20T10:00:00Z');
const date = (text: string) => extractDate(normalise(text), now);

describe('extractDate', () => {
  it.each([
    ['12/03/2026', '2026-03-12'],
    ['12-3-26', '2026-03-12'],
    ['12.03.2026', '2026-03-12'],
    ['2026-03-12', '2026-03-12'],
    ['12 March 2026', '2026-03-12'],
    ['March 12, 2026', '2026-03-12'],
    ['12th march', '2026-03-12'],
    ['12 mar', '2026-03-12'],
    ['5/3', '2026-03-05'],
    ['born on 1st Jan 2026', '2026-01-01'],
    ['date 5 march hai', '2026-03-05'],
  ])('English / digits: %j → %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each([
    ['12 मार्च 2026', '2026-03-12'],
    ['१२/०३/२०२६', '2026-03-12'],
    ['१२ मार्च को', '2026-03-12'],
    ['5 फरवरी 2026', '2026-02-05'],
    ['आज', '2026-03-20'],
    ['कल हुआ', '2026-03-19'],
    ['परसों', '2026-03-18'],
    ['3 दिन पहले', '2026-03-17'],
    ['तीन दिन पहले', '2026-03-17'],
    ['पिछले हफ्ते', '2026-03-13'],
    ['पिछले हफ़्ते', '2026-03-13'],
    ['एक हफ्ता पहले', '2026-03-13'],
    ['दो महीने पहले', '2026-01-20'],
  ])('Hindi: %j → %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each([
    ['12 janvari 2026', '2026-01-12'],
    ['3 farvari', '2026-02-03'],
    ['10 aprail 2025', '2025-04-10'],
    ['1 julai 2025', '2025-07-01'],
    ['15 agast 2025', '2025-08-15'],
    ['2 sitambar 2025', '2025-09-02'],
    ['25 disambar', '2025-12-25'],
    ['aaj', '2026-03-20'],
    ['kal hua tha', '2026-03-19'],
    ['parson', '2026-03-18'],
    ['3 din pehle', '2026-03-17'],
    ['teen din pehle', '2026-03-17'],
    ['pichhle hafte', '2026-03-13'],
    ['pichle hafte gaye the', '2026-03-13'],
    ['ek hafta pehle', '2026-03-13'],
    ['2 mahine pehle', '2026-01-20'],
    ['3 days ago', '2026-03-17'],
    ['2 din ho gaye', '2026-03-18'],
    ['12th of March', '2026-03-12'],
    ['5 dec 25', '2025-12-05'],
    ['somvar ko hua', '2026-03-16'],
    ['last friday', '2026-03-13'],
    ['शनिवार को', '2026-03-14'],
    ['a week ago', '2026-03-13'],
    ['last week', '2026-03-13'],
    ['2 months ago', '2026-01-20'],
    ['yesterday', '2026-03-19'],
  ])('Hinglish / relative: %j → %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each([
    ['pichle mahine ki 5 tareekh', '2026-02-05'],
    ['pichhle mahine ki 5 tarikh ko', '2026-02-05'],
    ['5 tarikh pichle mahine', '2026-02-05'],
    ['pichle mahine 5 ko', '2026-02-05'],
    ['पिछले महीने की 5 तारीख', '2026-02-05'],
    ['पिछले महीने की 5 को', '2026-02-05'],
    ['5th of last month', '2026-02-05'],
    ['last month on the 5th', '2026-02-05'],
    ['is mahine ki 3 tarikh', '2026-03-03'],
    ['इसी महीने की 3 तारीख', '2026-03-03'],
    ['pichle saal 5 march ko', '2025-03-05'],
    ['पिछले साल 12 दिसंबर', '2025-12-12'],
    ['12th december last year', '2025-12-12'],
  ])('a day of a named month or year: %j → %s', (text, iso) => {
    expect(date(text)).toBe(iso);
  });

  it.each([
    'pichle saal',
    'pichhle mahine',
    'pichhle mahine hua tha',
    'last month',
    'last year',
    'sometime last month',
    'पिछले महीने',
    'पिछले साल',
    'pichle saal disambar mein',
    'pichle saal 5 tarikh',
    'march 2025',
    'is mahine',
    'pichle mahine kal',
  ])('only a month or a year is no date (no day made up): %j', (text) => {
    expect(date(text)).toBeNull();
  });

  it('takes the most recent past occurrence of a date without a year', () => {
    expect(date('25 dec')).toBe('2025-12-25');
    expect(date('20 march')).toBe('2026-03-20');
    expect(date('21 march')).toBe('2025-03-21');
  });

  it('keeps an explicit future date as it is', () => {
    expect(date('12 june 2026')).toBe('2026-06-12');
    expect(date('tomorrow')).toBe('2026-03-21');
  });

  it.each(['31/02/2026', '30 feb 2026', '32/01/2026', '12/13/2026', '29/02/2025'])(
    'rejects the invalid date %j',
    (text) => {
      expect(date(text)).toBeNull();
    },
  );

  it('tells an impossible date from no date at all', () => {
    expect(hasInvalidDate('31/02/2026', now)).toBe(true);
    expect(hasInvalidDate('30 feb', now)).toBe(true);
    expect(hasInvalidDate('३१ फरवरी', now)).toBe(false);
    expect(hasInvalidDate(normalise('३१ फरवरी'), now)).toBe(true);
    expect(hasInvalidDate('12/03/2026', now)).toBe(false);
    expect(hasInvalidDate('namaste', now)).toBe(false);
  });

  it.each(['BC-2026-000123', 'pin 226001', 'mobile 9876543210', '12.5 kg', 'namaste', 'mar gaya'])(
    'finds no date in %j',
    (text) => {
      expect(date(text)).toBeNull();
    },
  );

  it('lists explicit dates before relative ones, without repeats', () => {
    expect(extractDates('12/03/2026 yaani 12 march', now)).toEqual(['2026-03-12']);
    expect(extractDates('1 jan ya 2 jan', now)).toEqual(['2026-01-01', '2026-01-02']);
  });

  it('counts "today" in India', () => {
    expect(localDate(new Date('2026-03-20T19:00:00Z'))).toBe('2026-03-21');
    expect(extractDate('aaj', new Date('2026-03-20T19:00:00Z'))).toBe('2026-03-21');
  });
});
