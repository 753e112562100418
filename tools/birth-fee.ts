import { daysSince } from './dates.js';
import type { FeeSchedule } from './fee-schedule.js';

export type FeeRule = 'free' | 'late_fee' | 'late_fee_affidavit';

export type BirthFee =
  | { kind: 'future'; daysSinceBirth: number }
  | { kind: 'magistrate_order'; daysSinceBirth: number }
  | { kind: 'payable'; daysSinceBirth: number; feeRule: FeeRule; feePaise: number };

/**
 * What registering a birth costs and needs, by the age of the event (RBD Act 1969 s.13):
 * free up to `freeWithinDays`, a late fee up to `lateFeeOnlyWithinDays`, a late fee with an
 * affidavit and the prescribed authority's permission up to `authorityPermissionWithinDays`,
 * after that only a First-Class Magistrate's order (not something a chat can give).
 */
export function birthFee(dateOfBirth: string, now: Date, fees: FeeSchedule): BirthFee {
  const daysSinceBirth = daysSince(dateOfBirth, now);
  if (daysSinceBirth < 0) return { kind: 'future', daysSinceBirth };
  if (daysSinceBirth > fees.authorityPermissionWithinDays)
    return { kind: 'magistrate_order', daysSinceBirth };
  if (daysSinceBirth <= fees.freeWithinDays)
    return { kind: 'payable', daysSinceBirth, feeRule: 'free', feePaise: 0 };
  const feeRule: FeeRule = daysSinceBirth <= fees.lateFeeOnlyWithinDays ? 'late_fee' : 'late_fee_affidavit';
  return { kind: 'payable', daysSinceBirth, feeRule, feePaise: fees.lateFeePaise };
}
