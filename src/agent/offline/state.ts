import { z } from 'zod';
import { languageSchema } from '../../lang/language.js';

/** What the last question outside a form asked for: which application to pay, which complaint to reopen. */
export const expectingSchema = z.enum(['pay_reference', 'reopen_reference']);

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
  expecting: expectingSchema.nullable().catch(null),
  /** the service form in progress; absent in states saved before it existed (their drafts are dropped) */
  form: serviceFormSchema.nullable().optional(),
  /** the message this state was computed for, and what its pending tool calls are for */
  turn: z
    .object({
      inboundId: z.number(),
      lang: languageSchema,
      notes: z.array(z.string()),
      purpose: z.enum(['submit', 'status', 'pay_lookup', 'pay', 'delete', 'reopen']),
    })
    .nullable(),
});

export type OfflineState = z.infer<typeof offlineStateSchema>;
export type ServiceForm = z.infer<typeof serviceFormSchema>;
export type Expecting = z.infer<typeof expectingSchema>;
export type TurnPurpose = NonNullable<OfflineState['turn']>['purpose'];

const DRAFT_TTL_MS = 24 * 60 * 60 * 1000;

export function emptyState(now: Date): OfflineState {
  return { v: 1, updatedAt: now.toISOString(), expecting: null, form: null, turn: null };
}

/**
 * The persisted state, or a fresh one when there is none or it has an old shape. A form
 * untouched for 24 hours is dropped; `expired` names its service so the citizen is told.
 */
export function loadState(raw: unknown, now: Date): { state: OfflineState; expired: string | null } {
  const parsed = offlineStateSchema.safeParse(raw);
  if (!parsed.success) return { state: emptyState(now), expired: null };
  const state = parsed.data;
  const age = now.getTime() - Date.parse(state.updatedAt);
  if (state.form && age > DRAFT_TTL_MS) {
    return { state: { ...state, expecting: null, turn: null, form: null }, expired: state.form.service };
  }
  return { state, expired: null };
}
