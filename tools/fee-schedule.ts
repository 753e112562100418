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
  /** application fee of a registry service by its id (caste_certificate, …); absent = free */
  serviceFeesPaise: z.record(z.string(), z.number().int().min(0)).optional(),
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
  return parseFeeSchedule(readFileSync(path, 'utf8'));
}

export class FeeScheduleError extends Error {
  override name = 'FeeScheduleError';
}

/**
 * A state's schedule from JSON text (the file FEE_SCHEDULE_PATH names), checked whole:
 * every field present and the day limits in order (free < late fee only < authority permission).
 */
export function parseFeeSchedule(json: string): FeeSchedule {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (err) {
    throw new FeeScheduleError('fee schedule is not valid JSON', { cause: err });
  }
  const parsed = feeScheduleSchema.strict().safeParse(raw);
  if (!parsed.success) {
    throw new FeeScheduleError(
      `fee schedule: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const s = parsed.data;
  if (
    !(
      s.freeWithinDays < s.lateFeeOnlyWithinDays && s.lateFeeOnlyWithinDays <= s.authorityPermissionWithinDays
    )
  ) {
    throw new FeeScheduleError(
      'fee schedule: day limits must rise: freeWithinDays < lateFeeOnlyWithinDays <= authorityPermissionWithinDays',
    );
  }
  return s;
}
