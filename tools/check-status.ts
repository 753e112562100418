import { z } from 'zod';
import { caseStatusLabel, nextStepText } from '../src/cases/case-labels.js';
import { indiaDate } from './dates.js';
import { matchOwnReference, type OwnRecord, ownRecords } from './own-records.js';
import type { ToolContext, ToolDef, ToolResult } from './tool.js';
import { failure, say } from './tool-support.js';

const schema = z.object({
  reference: z
    .string()
    .nullable()
    .describe(
      'The reference the citizen gave (e.g. BC-2026-000123, HC-2026-000045, PAY-2026-000001, or just its number). ' +
        "null to list all of the citizen's own applications, complaints and payments.",
    ),
});

/** The most recent records shown when the citizen asks for "all mine". */
const MAX_LISTED = 10;

function describe(r: OwnRecord, ctx: ToolContext) {
  return {
    reference: r.reference,
    type: r.type,
    status: r.status,
    statusAt: indiaDate(r.statusAt),
    statusLabel: caseStatusLabel(r.type, r.status, ctx.lang),
    nextStep: nextStepText(r.type, r.status, ctx.lang),
  };
}

/** Status of the sender's own records; identity comes from the context, never from arguments. */
export const checkStatus: ToolDef<typeof schema> = {
  name: 'check_status',
  description:
    "Look up the status of the citizen's own birth-certificate applications, hospital complaints and payments, " +
    'by reference or all of them. Only the records of the person writing are ever visible.',
  schema,
  requiresConfirmation: false,
  run: (args, ctx): ToolResult => {
    const mine = ownRecords(ctx.db, ctx.waId);
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
