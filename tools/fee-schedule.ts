import { readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * Birth-registration fees and rules by the age of the event (RBD Act 1969, s.13).
 * States set their own amounts: this is the one place they live. Override the whole
 * schedule with a JSON file of the same shape (FEE_SCHEDULE_PATH).
 */
export const feeScheduleSchema = z.object({
  /** registration within this many days of birth is free */
  freeWithinDays: z.number().int().positive(),
  /** up to this many days: late fee only */
  lateFeeOnlyWithinDays: z.number().int().positive(),
  /** up to this many days: late fee, affidavit, permission of the prescribed authority */
  authorityPermissionWithinDays: z.number().int().positive(),
  lateFeePaise: z.number().int().min(0),
  /** fee of each certified copy */
  copyFeePaise: z.number().int().min(0),
});

export type FeeSchedule = z.infer<typeof feeScheduleSchema>;

export const defaultFeeSchedule: FeeSchedule = {
  freeWithinDays: 21,
  lateFeeOnlyWithinDays: 30,
  authorityPermissionWithinDays: 365,
  lateFeePaise: 5000,
  copyFeePaise: 5000,
};

/** The default schedule, or a state's own from a JSON file (validated: a typo fails at start, not at a citizen). */
export function loadFeeSchedule(path?: string): FeeSchedule {
  if (!path) return defaultFeeSchedule;
  return feeScheduleSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
