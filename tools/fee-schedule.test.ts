import { describe, expect, it } from 'vitest';
import { defaultFeeSchedule, FeeScheduleError, parseFeeSchedule } from './fee-schedule.js';

describe('parseFeeSchedule', () => {
  it('reads a complete schedule', () => {
    const state = { ...defaultFeeSchedule, lateFeePaise: 200, copyFeePaise: 1000 };
    expect(parseFeeSchedule(JSON.stringify(state))).toEqual(state);
  });

  it.each([
    ['not json', '{'],
    ['a missing field', JSON.stringify({ ...defaultFeeSchedule, copyFeePaise: undefined })],
    ['an unknown field', JSON.stringify({ ...defaultFeeSchedule, lateFee: 5 })],
    ['limits out of order', JSON.stringify({ ...defaultFeeSchedule, freeWithinDays: 40 })],
    ['a negative fee', JSON.stringify({ ...defaultFeeSchedule, lateFeePaise: -1 })],
  ])('refuses %s', (_, json) => {
    expect(() => parseFeeSchedule(json)).toThrow(FeeScheduleError);
  });
});
