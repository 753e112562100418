import { describe, expect, it } from 'vitest';
import { birthFee } from './birth-fee.js';
import { daysSince, displayDate, indiaDate, isValidIsoDate, rupees } from './dates.js';
import { defaultFeeSchedule } from './fee-schedule.js';

// 10:00 IST on 2026-06-15
const now = new Date('2026-06-15T04:30:00Z');
const daysAgo = (n: number) =>
  new Date(Date.parse('2026-06-15T00:00:00Z') - n * 86_400_000).toISOString().slice(0, 10);

describe('birthFee', () => {
  it.each([
    [0, { kind: 'payable', daysSinceBirth: 0, feeRule: 'free', feePaise: 0 }],
    [21, { kind: 'payable', daysSinceBirth: 21, feeRule: 'free', feePaise: 0 }],
    [22, { kind: 'payable', daysSinceBirth: 22, feeRule: 'late_fee', feePaise: 5000 }],
    [30, { kind: 'payable', daysSinceBirth: 30, feeRule: 'late_fee', feePaise: 5000 }],
    [31, { kind: 'payable', daysSinceBirth: 31, feeRule: 'late_fee_affidavit', feePaise: 5000 }],
    [365, { kind: 'payable', daysSinceBirth: 365, feeRule: 'late_fee_affidavit', feePaise: 5000 }],
    [366, { kind: 'magistrate_order', daysSinceBirth: 366 }],
    [-1, { kind: 'future', daysSinceBirth: -1 }],
  ])('%i days after birth', (days, expected) => {
    expect(birthFee(daysAgo(days), now, defaultFeeSchedule)).toEqual(expected);
  });

  it('takes amounts from the schedule', () => {
    expect(birthFee(daysAgo(25), now, { ...defaultFeeSchedule, lateFeePaise: 200 })).toEqual({
      kind: 'payable',
      daysSinceBirth: 25,
      feeRule: 'late_fee',
      feePaise: 200,
    });
  });
});

describe('dates', () => {
  it('counts days on the Indian calendar', () => {
    // 20:00 UTC on the 14th is already the 15th in India
    expect(indiaDate(new Date('2026-06-14T20:00:00Z'))).toBe('2026-06-15');
    expect(daysSince('2026-06-14', new Date('2026-06-14T20:00:00Z'))).toBe(1);
  });

  it('rejects impossible dates', () => {
    expect(['2026-02-28', '2024-02-29', '2026-02-29', '2026-13-01', '26-01-01'].map(isValidIsoDate)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('formats for citizens', () => {
    expect([displayDate('2026-03-14'), rupees(5000), rupees(5050)]).toEqual(['14/03/2026', '₹50', '₹50.50']);
  });
});
