import { z } from 'zod';
import { complaintCategories, placeOfBirthTypes, sexes } from '../../domain/enums.js';
import { languageSchema } from '../../lang/language.js';

/** Form 1 as collected so far. `childName: null` = not named yet; `informantName: null` = skipped. */
export const birthFieldsSchema = z
  .object({
    childName: z.string().nullable(),
    sex: z.enum(sexes),
    dateOfBirth: z.string(),
    placeOfBirthType: z.enum(placeOfBirthTypes),
    placeOfBirth: z.string(),
    motherName: z.string(),
    fatherName: z.string(),
    address: z.string(),
    district: z.string(),
    pinCode: z.string(),
    informantName: z.string().nullable(),
    /** "I am the father": the informant is that parent, whose name may come later */
    informantRelation: z.enum(['mother', 'father']),
  })
  .partial();

export const complaintCategorySchema = z.enum(complaintCategories);

/** `incidentDate: null` = the citizen skipped it. */
export const complaintFieldsSchema = z
  .object({
    hospitalName: z.string(),
    district: z.string(),
    category: complaintCategorySchema,
    description: z.string(),
    incidentDate: z.string().nullable(),
    anonymous: z.boolean(),
  })
  .partial();

export const draftSchema = z.discriminatedUnion('service', [
  z.object({ service: z.literal('birth'), fields: birthFieldsSchema }),
  z.object({
    service: z.literal('complaint'),
    fields: complaintFieldsSchema,
    photos: z.number().int().min(0),
  }),
]);

/** What the last question asked for: a form field, or a step of the dialogue itself. */
export const expectingSchema = z.enum([
  'childName',
  'sex',
  'dateOfBirth',
  'placeOfBirthType',
  'placeOfBirth',
  'motherName',
  'fatherName',
  'address',
  'district',
  'pinCode',
  'informantName',
  'hospitalName',
  'category',
  'description',
  'incidentDate',
  'anonymous',
  // the draft is complete: a yes shows the summary (again)
  'submit',
  // "what would you like to change?"
  'change_field',
  // which application to pay for
  'pay_reference',
]);

/** A registry service's form in progress (the engine's state between messages). */
export const serviceFormSchema = z.object({
  service: z.string(),
  fields: z.record(z.string(), z.unknown()),
  /** the field last asked, '@change' for "what to change?", null once the summary is out */
  asking: z.string().nullable(),
  /** how many times in a row `asking` was asked, and how many answers to it were misread */
  asked: z.number().int(),
  misreads: z.number().int(),
  /** a value that would replace one already given, waiting for the citizen's yes */
  proposal: z.object({ field: z.string(), value: z.unknown(), words: z.string() }).nullable(),
  /** an answer taken as written after two misreads, shown back for a yes */
  showBack: z.object({ field: z.string(), value: z.unknown() }).nullable(),
});

export const offlineStateSchema = z.object({
  v: z.literal(1),
  /** ISO time of the last message that touched the state: drafts expire 24 h after it */
  updatedAt: z.string(),
  draft: draftSchema.nullable(),
  expecting: expectingSchema.nullable(),
  /** a registry service's form (caste, income, death, …); absent in states saved before it existed */
  form: serviceFormSchema.nullable().optional(),
  /** the message this state was computed for, and what its pending tool calls are for */
  turn: z
    .object({
      inboundId: z.number(),
      lang: languageSchema,
      notes: z.array(z.string()),
      purpose: z.enum(['submit', 'status', 'pay_lookup', 'pay', 'delete']),
    })
    .nullable(),
});

export type OfflineState = z.infer<typeof offlineStateSchema>;
export type ServiceForm = z.infer<typeof serviceFormSchema>;
export type Draft = z.infer<typeof draftSchema>;
export type BirthDraft = Extract<Draft, { service: 'birth' }>;
export type ComplaintDraft = Extract<Draft, { service: 'complaint' }>;
export type BirthFields = z.infer<typeof birthFieldsSchema>;
export type ComplaintFields = z.infer<typeof complaintFieldsSchema>;
export type Expecting = z.infer<typeof expectingSchema>;
export type TurnPurpose = NonNullable<OfflineState['turn']>['purpose'];

const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

export function emptyState(now: Date): OfflineState {
  return { v: 1, updatedAt: now.toISOString(), draft: null, expecting: null, turn: null };
}

/**
 * The persisted state, or a fresh one when there is none or it has an old shape. A draft
 * untouched for 24 hours is dropped; `expired` names it so the citizen is told.
 */
export function loadState(
  raw: unknown,
  now: Date,
): { state: OfflineState; expired: Draft['service'] | null } {
  const parsed = offlineStateSchema.safeParse(raw);
  if (!parsed.success) return { state: emptyState(now), expired: null };
  const state = parsed.data;
  const age = now.getTime() - Date.parse(state.updatedAt);
  if (state.draft && age > DRAFT_TTL_MS) {
    return {
      state: { ...state, draft: null, expecting: null, turn: null, form: null },
      expired: state.draft.service,
    };
  }
  // a registry service's form is kept as long as a draft, no longer
  if (state.form && age > DRAFT_TTL_MS) return { state: { ...state, form: null, turn: null }, expired: null };
  return { state, expired: null };
}
