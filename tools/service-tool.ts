import { and, eq, gte, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { type CaseRow, caseBySource, insertCase } from '../src/cases/case-store.js';
import type { Lang } from '../src/lang/language.js';
import { summaryRows } from '../src/services/field-display.js';
import { type AnyService, type FeeOutcome, fill } from '../src/services/types.js';
import { type Op, type Operation, rows } from '../src/storage/operation.js';
import { rupees } from './dates.js';
import type { ToolContext, ToolDef, ToolResult } from './tool.js';
import { say } from './tool-support.js';

/** What a service tool returns on success: the engines read it through this schema, not by guessing. */
export const submissionResultSchema = z.object({
  reference: z.string(),
  service: z.string(),
  status: z.string(),
  feePaise: z.number().int(),
  feeRule: z.string().nullable(),
  nextStep: z.string(),
});
export type SubmissionResult = z.infer<typeof submissionResultSchema>;

const DAY_MS = 24 * 60 * 60 * 1000;

function feeOf(service: AnyService, args: Record<string, unknown>, ctx: ToolContext): FeeOutcome {
  return service.fee?.(args, ctx.now, ctx.fees) ?? { kind: 'payable', feePaise: 0, feeRule: 'free' };
}

function feeSentence(fee: FeeOutcome, lang: Lang): string {
  if (fee.kind !== 'payable') return '';
  if (fee.note) return fill(fee.note[lang], { amount: rupees(fee.feePaise) });
  return fee.feePaise > 0 ? `${say(lang, 'tools.label.fee')}: ${rupees(fee.feePaise)}.` : '';
}

function refused(fee: FeeOutcome, lang: Lang): ToolResult | null {
  return fee.kind === 'refused' ? { ok: false, error: { code: fee.code, message: fee.message[lang] } } : null;
}

function submitted(service: AnyService, row: CaseRow, lang: Lang, fee: string): ToolResult {
  const data: SubmissionResult = {
    reference: row.reference,
    service: service.id,
    status: row.status,
    feePaise: row.feePaise,
    feeRule: row.feeRule,
    nextStep: fill(service.texts.submitted[lang], { reference: row.reference, fee })
      .replace(/\s+/g, ' ')
      .trim(),
  };
  return { ok: true, data };
}

/** Photos and PDFs this citizen sent in the last 24 hours that no complaint holds: a service's documents. */
const recentAttachments = (ctx: ToolContext): Op<string[]> =>
  function* ({ db, t }) {
    const a = t.attachments;
    return (yield* rows(
      db
        .select({ mediaId: a.mediaId })
        .from(a)
        .where(and(eq(a.waId, ctx.waId), isNull(a.caseId), gte(a.createdAt, ctx.now.getTime() - DAY_MS))),
    )).map((r) => r.mediaId);
  };

/**
 * The tool the LLM (and the offline engine) calls for a service stored in the cases table:
 * its JSON Schema, summary, fee check and submission all come from the definition.
 */
export function serviceTool(service: AnyService): ToolDef {
  const attachmentFields = Object.entries(service.fields)
    .filter(([, m]) => m.kind === 'attachment')
    .map(([name]) => name);
  const withDocuments = (args: Record<string, unknown>, docs: string[]) => {
    if (attachmentFields.length === 0) return args;
    return Object.fromEntries(
      Object.entries(args).map(([k, v]) => [
        k,
        attachmentFields.includes(k) ? (docs.length ? docs : null) : v,
      ]),
    );
  };
  return {
    name: service.toolName,
    description: service.description,
    schema: service.schema,
    requiresConfirmation: true,
    precheck: (args, ctx) => refused(feeOf(service, args, ctx), ctx.lang),
    summarize: (args, lang, ctx) => {
      const rows = summaryRows(service, args, lang);
      if (ctx) {
        const fee = feeSentence(feeOf(service, args, ctx), lang);
        if (fee) rows.push(fee);
      }
      return rows.join('\n');
    },
    run: (args, ctx) =>
      ctx.store.transaction(function* (q): Operation<ToolResult> {
        const replay = yield* caseBySource(ctx.inboundId)(q);
        const fee = feeOf(service, args, ctx);
        if (replay && replay.waId === ctx.waId)
          return submitted(service, replay, ctx.lang, feeSentence(fee, ctx.lang));
        const refusal = refused(fee, ctx.lang);
        if (refusal || fee.kind !== 'payable') return refusal as ToolResult;
        const docs = attachmentFields.length ? yield* recentAttachments(ctx)(q) : [];
        const row = yield* insertCase({
          service,
          waId: ctx.waId,
          language: ctx.lang,
          fields: withDocuments(args, docs),
          feePaise: fee.feePaise,
          feeRule: fee.feeRule,
          sourceMessageId: ctx.inboundId,
          now: ctx.now,
        })(q);
        return submitted(service, row, ctx.lang, feeSentence(fee, ctx.lang));
      }),
  };
}
