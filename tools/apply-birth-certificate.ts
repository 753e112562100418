import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { nextStepText } from '../src/cases/case-labels.js';
import { slaDueAt } from '../src/cases/case-workflow.js';
import { applications, caseEvents } from '../src/db/schema.js';
import { placeOfBirthTypes, sexes } from '../src/domain/enums.js';
import type { Lang } from '../src/lang/language.js';
import { districtLabel } from '../src/nlu/district-label.js';
import { type BirthFee, birthFee } from './birth-fee.js';
import { displayDate, indiaDate, rupees } from './dates.js';
import { defaultFeeSchedule, type FeeSchedule } from './fee-schedule.js';
import { nextReference } from './references.js';
import type { ToolDef, ToolResult } from './tool.js';
import { blankToNull, failure, isoDate, say, summaryLines } from './tool-support.js';

const schema = z.object({
  childName: z
    .string()
    .nullable()
    .describe("The child's name. null if the child has not been named yet (Form 1 allows a blank name)."),
  sex: z.enum(sexes).describe('Sex of the child, as on Form 1.'),
  dateOfBirth: isoDate().describe('Date of birth, YYYY-MM-DD. Must not be in the future.'),
  placeOfBirthType: z
    .enum(placeOfBirthTypes)
    .describe('Where the birth took place: a hospital or other institution, a house, or elsewhere.'),
  placeOfBirth: z
    .string()
    .min(2)
    .describe('Name of the hospital/institution, or the address of the house or other place of birth.'),
  motherName: z.string().min(2).describe("The mother's full name."),
  fatherName: z.string().min(2).describe("The father's full name."),
  address: z.string().min(5).describe("The parents' address at the time of the birth."),
  district: z.string().min(2).describe('District where the birth took place.'),
  pinCode: z
    .string()
    .regex(/^[1-9][0-9]{5}$/, 'a PIN code is 6 digits and does not start with 0')
    .describe('6-digit Indian PIN code of the address.'),
  informantName: z
    .string()
    .nullable()
    .describe('Name of the person reporting the birth, if different from the parents; otherwise null.'),
});

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

type ApplicationRow = typeof applications.$inferSelect;

function submitted(row: ApplicationRow, lang: Lang): ToolResult {
  return {
    ok: true,
    data: {
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
    },
  };
}

/** Registers a birth (RBD Act Form 1) for the sender; fee and rules by the age of the event. */
export const applyBirthCertificate: ToolDef<typeof schema> = {
  name: 'apply_birth_certificate',
  description:
    'Apply for the registration of a birth and a birth certificate (Form 1 of the Registration of Births and Deaths Act). ' +
    'Collect every field from the citizen first; the citizen sees a summary and must confirm before it is submitted. ' +
    'Births more than one year old cannot be registered here (a magistrate order is needed).',
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
  run: (args, ctx) => {
    const { db } = ctx;
    return db.$client.transaction((): ToolResult => {
      const replay = db
        .select()
        .from(applications)
        .where(eq(applications.sourceMessageId, ctx.inboundId))
        .get();
      if (replay && replay.waId === ctx.waId) return submitted(replay, ctx.lang);
      const fee = birthFee(args.dateOfBirth, ctx.now, ctx.fees);
      if (fee.kind !== 'payable') return rejectByAge(fee, ctx.lang) as ToolResult;
      const nowMs = ctx.now.getTime();
      const row = db
        .insert(applications)
        .values({
          reference: nextReference(db, 'BC', Number(indiaDate(ctx.now).slice(0, 4))),
          waId: ctx.waId,
          status: 'submitted',
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
          language: ctx.lang,
          feePaise: fee.feePaise,
          feeRule: fee.feeRule,
          slaDueAt: slaDueAt('application', 'submitted', nowMs),
          statusAt: nowMs,
          sourceMessageId: ctx.inboundId,
          createdAt: nowMs,
        })
        .returning()
        .get();
      db.insert(caseEvents)
        .values({
          caseType: 'application',
          caseId: row.id,
          fromStatus: null,
          toStatus: 'submitted',
          createdAt: nowMs,
        })
        .run();
      return submitted(row, ctx.lang);
    })();
  },
};
