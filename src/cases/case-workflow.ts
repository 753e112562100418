// The case workflows as data: the staff console and the tools read the same transitions.
import {
  applicationStatuses,
  type ComplaintCategory,
  complaintCategories,
  complaintStatuses,
  paymentStatuses,
} from '../domain/enums.js';

export {
  applicationStatuses,
  type ComplaintCategory,
  complaintCategories,
  complaintStatuses,
  paymentStatuses,
};

export type CaseType = 'application' | 'complaint';
export type ApplicationStatus = (typeof applicationStatuses)[number];
export type ComplaintStatus = (typeof complaintStatuses)[number];
export type PaymentStatus = (typeof paymentStatuses)[number];

const applicationTransitions: Record<ApplicationStatus, ApplicationStatus[]> = {
  submitted: ['under_review', 'rejected'],
  under_review: ['approved', 'rejected'],
  approved: ['certificate_issued'],
  certificate_issued: [],
  rejected: [],
};

const complaintTransitions: Record<ComplaintStatus, ComplaintStatus[]> = {
  received: ['assigned', 'rejected'],
  assigned: ['resolved', 'rejected'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['assigned', 'rejected'],
  rejected: [],
};

/** The statuses a case of this type may move to from `from` (empty for terminal or unknown statuses). */
export function allowedTransitions(type: CaseType, from: string): string[] {
  const table: Record<string, string[]> =
    type === 'application' ? applicationTransitions : complaintTransitions;
  return [...(table[from] ?? [])];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days the registrar has to decide an application. */
export const applicationSlaDays = 7;

/**
 * Days to act on a complaint: a bribe demanded or a medicine missing hurts patients now,
 * so those are chased first.
 */
export const complaintSlaDays: Record<ComplaintCategory, number> = {
  bribery_or_fees: 3,
  medicine_unavailable: 3,
  staff_behaviour: 7,
  cleanliness: 7,
  waiting_time: 7,
  equipment_or_facilities: 7,
  other: 7,
};

/** When a case entering `status` is due next; null once it waits on nobody (terminal states). */
export function slaDueAt(
  type: CaseType,
  status: string,
  nowMs: number,
  category?: ComplaintCategory | string | null,
): number | null {
  if (type === 'application') {
    return status === 'submitted' || status === 'under_review' ? nowMs + applicationSlaDays * DAY_MS : null;
  }
  if (status === 'resolved' || status === 'closed' || status === 'rejected') return null;
  const days = complaintSlaDays[category as ComplaintCategory] ?? 7;
  return nowMs + days * DAY_MS;
}
