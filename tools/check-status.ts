import { z } from 'zod';
import { caseStatusLabel, nextStepText } from '../src/cases/case-labels.js';
import { serviceById } from '../src/services/registry.js';
import { indiaDate } from './dates.js';
import { matchOwnReference, type OwnRecord, ownRecords } from './own-records.js';
import type { ToolContext, ToolDef, ToolResult } from './tool.js';
import { failure, say } from './tool-support.js';

const schema = z.object({
  reference: z
    .string()
    .nullable()
    .describe('As given (BC-2026-000123, HC-…, PAY-…, or just its number); null lists them all.'),
});

const LEGACY_SERVICE = { application: 'birth_certificate', complaint: 'hospital_complaint' } as const;

/** The most recent records shown when the citizen asks for "all mine". */
const MAX_LISTED = 10;

/** One record in a status answer; the engines read it through this schema. */
export const statusRecordSchema = z.object({
  reference: z.string(),
  type: z.enum(['application', 'complaint', 'payment', 'case']),
  service: z.string().nullable(),
  /** the service's name in the citizen's language */
  serviceName: z.string().nullable(),
  status: z.string(),
  statusAt: z.string(),
  statusLabel: z.string(),
  nextStep: z.string(),
});
export const statusResultSchema = z.object({
  records: z.array(statusRecordSchema),
  total: z.number().int(),
  note: z.string().optional(),
});
export type StatusRecord = z.infer<typeof statusRecordSchema>;

function describe(r: OwnRecord, ctx: ToolContext): StatusRecord {
  const serviceId = r.type === 'case' ? r.service : r.type === 'payment' ? undefined : LEGACY_SERVICE[r.type];
  const service = serviceId ? serviceById(serviceId) : undefined;
  // a registry case is described by its service's workflow; the first two services by the catalogue
  const state = r.type === 'case' ? service?.workflow.states[r.status] : undefined;
  return {
    reference: r.reference,
    type: r.type,
    service: service?.id ?? null,
    serviceName: service?.names[ctx.lang] ?? null,
    status: r.status,
    statusAt: indiaDate(r.statusAt),
    statusLabel: state ? state.label[ctx.lang] : caseStatusLabel(r.type as 'application', r.status, ctx.lang),
    nextStep: state ? state.notice[ctx.lang] : nextStepText(r.type as 'application', r.status, ctx.lang),
  };
}

/** Status of the sender's own records; identity comes from the context, never from arguments. */
export const checkStatus: ToolDef<typeof schema> = {
  name: 'check_status',
  description:
    "Status of the citizen's own applications, complaints and payments; no one else's is ever visible.",
  schema,
  requiresConfirmation: false,
  run: async (args, ctx): Promise<ToolResult> => {
    const mine = await ctx.store.read(ownRecords(ctx.waId));
    const typed = args.reference?.trim();
    if (!typed) {
      const records = mine.slice(0, MAX_LISTED).map((r) => describe(r, ctx));
      return records.length > 0
        ? { ok: true, data: { records, total: mine.length } }
        : { ok: true, data: { records, total: 0, note: say(ctx.lang, 'tools.status.nothing_filed') } };
    }
    const found = matchOwnReference(mine, typed);
    // The same answer whether the reference does not exist or belongs to someone else.
    if (found.length === 0) return failure('not_found', ctx.lang, 'tools.error.not_found');
    return { ok: true, data: { records: found.map((r) => describe(r, ctx)), total: found.length } };
  },
};
