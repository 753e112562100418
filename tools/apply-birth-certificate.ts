import { z } from 'zod';
import { nextStepText } from '../src/cases/case-labels.js';
import { caseBySource, insertCase } from '../src/cases/case-store.js';
import { type ApplicationRow, asApplication } from '../src/cases/legacy-rows.js';
import type { Lang } from '../src/lang/language.js';
import { districtLabel } from '../src/nlu/district-label.js';
import { birthCertificate } from '../src/services/birth-certificate/definition.js';
import type { Operation } from '../src/storage/operation.js';
import { type BirthFee, birthFee } from './birth-fee.js';
import { displayDate, rupees } from './dates.js';
import { defaultFeeSchedule, type FeeSchedule } from './fee-schedule.js';
import type { ToolDef, ToolResult } from './tool.js';
import { blankToNull, failure, say, summaryLines } from './tool-support.js';

const schema = birthCertificate.schema;

export type BirthCertificateArgs = z.infer<typeof schema>;

function rejectByAge(fee: BirthFee, lang: Lang): ToolResult | null {
  if (fee.kind === 'future') return failure('date_in_future', lang, 'tools.error.date_in_future');
  if (fee.kind === 'magistrate_order') {
    return failure(
      'magistrate_order_required',
      lang,
      'tools.bc.magistrate_order_required',
      { days: fee.daysSinceBirth },
      { daysSinceBirth: fee.daysSinceBirth },
    );
  }
  return null;
}

function feeText(fee: BirthFee, lang: Lang, fees: FeeSchedule): string {
  if (fee.kind !== 'payable') return '';
  if (fee.feeRule === 'free') return say(lang, 'tools.fee.free', { freeDays: fees.freeWithinDays });
  return say(lang, `tools.fee.${fee.feeRule}`, { amount: rupees(fee.feePaise), days: fee.daysSinceBirth });
}

/** What apply_birth_certificate returns on success: read through this schema, not by guessing. */
export const birthSubmissionSchema = z.object({
  reference: z.string(),
  status: z.string(),
  feePaise: z.number().int(),
  feeRule: z.string(),
  nextStep: z.string(),
});
export type BirthSubmission = z.infer<typeof birthSubmissionSchema>;

function submitted(row: ApplicationRow, lang: Lang): ToolResult {
  const data: BirthSubmission = {
    reference: row.reference,
    status: row.status,
    feePaise: row.feePaise,
    feeRule: row.feeRule,
    nextStep:
      row.status === 'submitted'
        ? say(lang, `tools.bc.next.${row.feeRule}`, {
            reference: row.reference,
            amount: rupees(row.feePaise),
          })
        : nextStepText('application', row.status, lang),
  };
  return { ok: true, data };
}

/** Registers a birth (RBD Act Form 1) for the sender; fee and rules by the age of the event. */
export const applyBirthCertificate: ToolDef<typeof schema> = {
  name: 'apply_birth_certificate',
  description: birthCertificate.description,
  schema,
  requiresConfirmation: true,
  precheck: (args, ctx) => rejectByAge(birthFee(args.dateOfBirth, ctx.now, ctx.fees), ctx.lang),
  summarize: (args, lang, ctx) => {
    const fees = ctx?.fees ?? defaultFeeSchedule;
    const fee = birthFee(args.dateOfBirth, ctx?.now ?? new Date(), fees);
    const rows: [string, string][] = [
      ['tools.label.child_name', blankToNull(args.childName) ?? say(lang, 'tools.label.child_name_blank')],
      ['tools.label.sex', say(lang, `tools.sex.${args.sex}`)],
      ['tools.label.date_of_birth', displayDate(args.dateOfBirth)],
      [
        'tools.label.place_of_birth',
        say(lang, `tools.place_type.${args.placeOfBirthType}`, { place: args.placeOfBirth.trim() }),
      ],
      ['tools.label.mother_name', args.motherName.trim()],
      ['tools.label.father_name', args.fatherName.trim()],
      ['tools.label.address', args.address.trim()],
      ['tools.label.district', districtLabel(args.district, lang)],
      ['tools.label.pin_code', args.pinCode],
    ];
    const informant = blankToNull(args.informantName);
    if (informant) rows.push(['tools.label.informant', informant]);
    const fee_ = feeText(fee, lang, fees);
    if (fee_) rows.push(['tools.label.fee', fee_]);
    return summaryLines(lang, rows);
  },
  run: (args, ctx) =>
    ctx.store.transaction(function* (q): Operation<ToolResult> {
      const replay = yield* caseBySource(ctx.inboundId)(q);
      if (replay && replay.waId === ctx.waId && replay.service === birthCertificate.id)
        return submitted(asApplication(replay), ctx.lang);
      const fee = birthFee(args.dateOfBirth, ctx.now, ctx.fees);
      if (fee.kind !== 'payable') return rejectByAge(fee, ctx.lang) as ToolResult;
      const row = yield* insertCase({
        service: birthCertificate,
        waId: ctx.waId,
        language: ctx.lang,
        fields: {
          childName: blankToNull(args.childName),
          sex: args.sex,
          dateOfBirth: args.dateOfBirth,
          placeOfBirthType: args.placeOfBirthType,
          placeOfBirth: args.placeOfBirth.trim(),
          motherName: args.motherName.trim(),
          fatherName: args.fatherName.trim(),
          address: args.address.trim(),
          district: args.district.trim(),
          pinCode: args.pinCode,
          informantName: blankToNull(args.informantName),
        },
        feePaise: fee.feePaise,
        feeRule: fee.feeRule,
        sourceMessageId: ctx.inboundId,
        now: ctx.now,
      })(q);
      return submitted(asApplication(row), ctx.lang);
    }),
};
