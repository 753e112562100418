import { and, eq, gte, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import { caseBySource, insertCase } from '../src/cases/case-store.js';
import { complaintSlaDays } from '../src/cases/case-workflow.js';
import { asComplaint, type ComplaintRow } from '../src/cases/legacy-rows.js';
import type { Lang } from '../src/lang/language.js';
import { districtLabel } from '../src/nlu/district-label.js';
import { hospitalComplaint } from '../src/services/hospital-complaint/definition.js';
import { exec, type Operation, type Q, rows } from '../src/storage/operation.js';
import { daysSince, displayDate } from './dates.js';
import type { ToolContext, ToolDef, ToolResult } from './tool.js';
import { blankToNull, failure, say, summaryLines } from './tool-support.js';

const schema = hospitalComplaint.schema;

export type ComplaintArgs = z.infer<typeof schema>;

const DAY_MS = 24 * 60 * 60 * 1000;

function futureIncident(args: ComplaintArgs, ctx: ToolContext): ToolResult | null {
  return args.incidentDate && daysSince(args.incidentDate, ctx.now) < 0
    ? failure('date_in_future', ctx.lang, 'tools.error.date_in_future')
    : null;
}

/** What file_hospital_complaint returns on success: read through this schema, not by guessing. */
export const complaintSubmissionSchema = z.object({
  reference: z.string(),
  status: z.string(),
  photos: z.number().int(),
  nextStep: z.string(),
});
export type ComplaintSubmission = z.infer<typeof complaintSubmissionSchema>;

function registered(row: ComplaintRow, photos: number, lang: Lang): ToolResult {
  const data: ComplaintSubmission = {
    reference: row.reference,
    status: row.status,
    photos,
    nextStep: say(lang, photos > 0 ? 'tools.hc.next_with_photos' : 'tools.hc.next', {
      reference: row.reference,
      slaDays: complaintSlaDays[row.category],
      count: photos,
    }),
  };
  return { ok: true, data };
}

/** Photos this citizen sent in this conversation (or the last 24 h) that no complaint holds yet. */
function* unattachedPhotoIds({ db, t }: Q, ctx: ToolContext): Operation<number[]> {
  const { attachments, messages } = t;
  const since = ctx.now.getTime() - DAY_MS;
  const inConversation =
    ctx.conversationId == null ? undefined : eq(messages.conversationId, ctx.conversationId);
  const found = yield* rows(
    db
      .select({ id: attachments.id })
      .from(attachments)
      .innerJoin(messages, eq(messages.id, attachments.messageId))
      .where(
        and(
          eq(attachments.waId, ctx.waId),
          isNull(attachments.caseId),
          inConversation
            ? or(inConversation, gte(attachments.createdAt, since))
            : gte(attachments.createdAt, since),
        ),
      ),
  );
  return found.map((r) => r.id);
}

/** Files a complaint about a government hospital for the sender, with the photos they sent. */
export const fileHospitalComplaint: ToolDef<typeof schema> = {
  name: 'file_hospital_complaint',
  description: hospitalComplaint.description,
  schema,
  requiresConfirmation: true,
  precheck: futureIncident,
  summarize: (args, lang) => {
    const rows: [string, string][] = [
      ['tools.label.hospital', args.hospitalName.trim()],
      ['tools.label.district', districtLabel(args.district, lang)],
      ['tools.label.category', say(lang, `tools.category.${args.category}`)],
      ['tools.label.description', args.description.trim()],
      [
        'tools.label.incident_date',
        args.incidentDate ? displayDate(args.incidentDate) : say(lang, 'tools.label.not_given'),
      ],
      ['tools.label.anonymous', say(lang, args.anonymous ? 'tools.label.yes' : 'tools.label.no')],
    ];
    return summaryLines(lang, rows);
  },
  run: (args, ctx) =>
    ctx.store.transaction(function* (q): Operation<ToolResult> {
      const { db, t } = q;
      const replay = yield* caseBySource(ctx.inboundId)(q);
      if (replay && replay.waId === ctx.waId && replay.service === hospitalComplaint.id) {
        const held = yield* rows(
          db.select({ id: t.attachments.id }).from(t.attachments).where(eq(t.attachments.caseId, replay.id)),
        );
        return registered(asComplaint(replay), held.length, ctx.lang);
      }
      const future = futureIncident(args, ctx);
      if (future) return future;
      const row = yield* insertCase({
        service: hospitalComplaint,
        waId: ctx.waId,
        language: ctx.lang,
        fields: {
          hospitalName: args.hospitalName.trim(),
          district: args.district.trim(),
          category: args.category,
          description: args.description.trim(),
          incidentDate: blankToNull(args.incidentDate),
          anonymous: args.anonymous,
        },
        feePaise: 0,
        feeRule: null,
        sourceMessageId: ctx.inboundId,
        now: ctx.now,
      })(q);
      const photoIds = yield* unattachedPhotoIds(q, ctx);
      for (const id of photoIds) {
        yield* exec(db.update(t.attachments).set({ caseId: row.id }).where(eq(t.attachments.id, id)));
      }
      return registered(asComplaint(row), photoIds.length, ctx.lang);
    }),
};
