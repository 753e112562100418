// The domain's closed sets, defined once: the database schema, the tools' zod schemas, the
// NLU and the staff console all take them from here.

/** Form 1 of the Registration of Births and Deaths Act. */
export const sexes = ['male', 'female', 'transgender'] as const;
export const placeOfBirthTypes = ['hospital', 'home', 'other'] as const;

export const complaintCategories = [
  'staff_behaviour',
  'cleanliness',
  'medicine_unavailable',
  'bribery_or_fees',
  'waiting_time',
  'equipment_or_facilities',
  'other',
] as const;

export const applicationStatuses = [
  'submitted',
  'under_review',
  'approved',
  'certificate_issued',
  'rejected',
] as const;
export const complaintStatuses = [
  'received',
  'assigned',
  'resolved',
  'closed',
  'rejected',
  'reopened',
] as const;
export const paymentStatuses = ['pending', 'paid', 'expired'] as const;

export type Sex = (typeof sexes)[number];
export type PlaceOfBirthType = (typeof placeOfBirthTypes)[number];
export type ComplaintCategory = (typeof complaintCategories)[number];
