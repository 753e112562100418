import { describe, expect, it } from 'vitest';
import { analyse } from './analyse.js';
import type { SlotName } from './analysis.js';
import { extractDates } from './extract-date.js';

// 2026-11-24 10:00 IST, a Tuesday
const now = new Date('2026-11-24T04:30:00Z');
const slots = (text: string, expecting?: SlotName) => analyse(text, { now, expecting }).slots;

describe('relative incident dates resolve against the clock', () => {
  it.each([
    ['last night', '2026-11-23'],
    ['it happened yesterday evening', '2026-11-23'],
    ['this morning around 9', '2026-11-24'],
    ['earlier today', '2026-11-24'],
    ['the day before yesterday', '2026-11-22'],
    ['kal raat ko', '2026-11-23'],
    ['parso subah', '2026-11-22'],
    ['परसों शाम को', '2026-11-22'],
    ['3 din pehle', '2026-11-21'],
    ['teen din pehle hua', '2026-11-21'],
    ['do hafte pehle', '2026-11-10'],
    ['ek mahina pehle', '2026-10-24'],
    ['आज सुबह', '2026-11-24'],
    ['कल रात 11 बजे', '2026-11-23'],
    ['about a week ago', '2026-11-17'],
    ['abhi 2 ghante pehle', '2026-11-24'],
    ['3 hours ago', '2026-11-24'],
  ])('%j → %s', (text, iso) => {
    expect(slots(text, 'incidentDate').incidentDate).toBe(iso);
  });

  it('"ek min, pehle …" (wait a minute) is no date', () => {
    expect(extractDates('ek min, pehle BC-2026-000417 ka status batao', now)).toEqual([]);
  });

  it('an explicit date wins over a vague one: "roughly 6 weeks back, on 9th october"', () => {
    expect(slots('roughly 6 weeks back, on 9th october', 'dateOfBirth').dateOfBirth).toBe('2026-10-09');
    expect(slots('lagbhag do mahine pehle, 5 oct ko', 'dateOfBirth').dateOfBirth).toBe('2026-10-05');
  });
});

describe('a month or a year alone is no date; a day in it is that day', () => {
  it.each([
    ['pichle mahine ki 5 tareekh', 'dateOfBirth', '2026-10-05'],
    ['पिछले महीने की 5 तारीख', 'dateOfBirth', '2026-10-05'],
    ['5th of last month', 'incidentDate', '2026-10-05'],
    ['pichle saal 5 march ko hua', 'incidentDate', '2025-03-05'],
  ] as const)('%j (%s) → %s', (text, slot, iso) => {
    expect(slots(text, slot)[slot]).toBe(iso);
  });

  it.each([
    ['pichhle mahine', 'incidentDate'],
    ['last month', 'incidentDate'],
    ['पिछले महीने हुआ', 'incidentDate'],
    ['pichle saal', 'dateOfBirth'],
    ['last year in march', 'dateOfBirth'],
    ['पिछले साल', 'dateOfBirth'],
  ] as const)('%j (%s) sets no date: the form asks for the day', (text, slot) => {
    const s = slots(text, slot);
    expect(s.dateOfBirth).toBeUndefined();
    expect(s.incidentDate).toBeUndefined();
  });

  it('relative days still resolve: kal, parso, 2 hafte pehle, a weekday', () => {
    expect(slots('kal', 'incidentDate').incidentDate).toBe('2026-11-23');
    expect(slots('parso', 'incidentDate').incidentDate).toBe('2026-11-22');
    expect(slots('2 hafte pehle', 'incidentDate').incidentDate).toBe('2026-11-10');
    expect(slots('somvar ko', 'incidentDate').incidentDate).toBe('2026-11-23');
  });
});

describe('house numbers with slashes are not dates', () => {
  it.each([
    '14/2 gomti nagar lucknow 226010',
    '7/11 civil lines, bareilly 243001',
    'H.No. 5/3, Nehru Nagar, Agra',
    'makan no 11/4 shastri nagar kanpur',
    'flat 2/9 sector 21 noida',
    'मकान 3/5 गांधी नगर, बरेली 243005',
  ])('%j yields no date', (text) => {
    expect(extractDates(text, now)).toEqual([]);
    const s = slots(text, 'address');
    expect(s.dateOfBirth).toBeUndefined();
    expect(s.incidentDate).toBeUndefined();
  });

  it('a birth date and an address in one message: the date is the one with a cue', () => {
    const s = slots('born 9/11, address 4/7 aliganj lucknow 226024');
    expect(s.dateOfBirth).toBe('2026-11-09');
    expect(s.pinCode).toBe('226024');
  });

  it('a bare date answer is still a date', () => {
    expect(slots('12/3', 'dateOfBirth').dateOfBirth).toBe('2026-03-12');
    expect(slots('12/3 ko hui', 'dateOfBirth').dateOfBirth).toBe('2026-03-12');
  });

  it('an answer to the address question needs a cue to set a date', () => {
    expect(slots('ward 4, 5/2 Rajaji Puram, Lucknow', 'address').dateOfBirth).toBeUndefined();
    expect(slots('Rajaji Puram Lucknow, dob 5/11 hai', 'address').dateOfBirth).toBe('2026-11-05');
  });
});

describe('a date answer is only a date', () => {
  it('"abhi 2 ghante pehle" sets no complaint category', () => {
    const s = slots('abhi 2 ghante pehle', 'incidentDate');
    expect(s).toEqual({ incidentDate: '2026-11-24' });
  });
});
