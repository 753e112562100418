import { z } from 'zod';
import { birthFee } from '../../../tools/birth-fee.js';
import type { FeeSchedule } from '../../../tools/fee-schedule.js';
import { isoDate } from '../../../tools/tool-support.js';
import { applicationSlaDays } from '../../cases/case-workflow.js';
import { applicationStatuses, placeOfBirthTypes, sexes } from '../../domain/enums.js';
import { catalogueText } from '../catalogue-text.js';
import { type FeeOutcome, fill, type ServiceDefinition, type Workflow } from '../types.js';
import { birthFields, birthOpening } from './fields.js';

const schema = z.object({
  childName: z.string().nullable().describe('null if not named yet (Form 1 allows a blank name).'),
  sex: z.enum(sexes).describe("The child's sex."),
  dateOfBirth: isoDate().describe('YYYY-MM-DD, not in the future.'),
  placeOfBirthType: z
    .enum(placeOfBirthTypes)
    .describe('hospital (or another institution), home (a house) or other.'),
  placeOfBirth: z.string().min(2).describe("The institution's name, or the address of the house or place."),
  motherName: z.string().min(2).describe('Full name.'),
  fatherName: z.string().min(2).describe('Full name.'),
  address: z.string().min(5).describe("The parents' address at the birth."),
  district: z.string().min(2).describe('Where the birth took place.'),
  pinCode: z
    .string()
    .regex(/^[1-9][0-9]{5}$/, 'a PIN code is 6 digits and does not start with 0')
    .describe("The address's PIN code."),
  informantName: z.string().nullable().describe('Who reports the birth, if not a parent; else null.'),
});
const c = catalogueText;
const transitions: Record<string, string[]> = {
  submitted: ['under_review', 'rejected'],
  under_review: ['approved', 'rejected'],
  approved: ['certificate_issued'],
  certificate_issued: [],
  rejected: [],
};

const workflow: Workflow = {
  initial: 'submitted',
  needsPayment: ['approved', 'certificate_issued'],
  states: Object.fromEntries(
    applicationStatuses.map((s) => [
      s,
      {
        label: c(`case.application.${s}`),
        notice: c(`case.application.${s}.next`),
        slaDays: s === 'submitted' || s === 'under_review' ? applicationSlaDays : null,
        next: transitions[s],
      },
    ]),
  ),
};

/** Over a year: a magistrate's order, explained before any summary (the tool refuses it too). */
function birthAge(dateOfBirth: string | undefined, now: Date, fees: FeeSchedule): FeeOutcome {
  if (!dateOfBirth) return { kind: 'payable', feePaise: 0, feeRule: 'free' };
  const fee = birthFee(dateOfBirth, now, fees);
  if (fee.kind !== 'magistrate_order') return { kind: 'payable', feePaise: 0, feeRule: 'free' };
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const date = m ? `${m[3]}/${m[2]}/${m[1]}` : dateOfBirth;
  const text = c('offline.too_old');
  return {
    kind: 'refused',
    code: 'magistrate_order_required',
    message: {
      en: fill(text.en, { date }),
      hi: fill(text.hi, { date }),
      hinglish: fill(text.hinglish, { date }),
    },
  };
}

/**
 * Birth registration (RBD Act Form 1). Its tool and table predate the registry; its form is
 * the registry's form engine like every other service.
 */
export const birthCertificate: ServiceDefinition<typeof schema> = {
  id: 'birth_certificate',
  toolName: 'apply_birth_certificate',
  prefix: 'BC',
  names: { en: 'Birth certificate', hi: 'जन्म प्रमाण पत्र', hinglish: 'Janm praman patra' },
  description:
    'Register a birth and apply for its certificate (RBD Act Form 1). ' +
    "Not for births over a year ago: they need a magistrate's order.",
  schema,
  fields: birthFields,
  // late registration is the tool's precheck; the form explains it as soon as the date is known
  fee: (args, now, fees) => birthAge(args.dateOfBirth, now, fees),
  readOpening: birthOpening,
  workflow,
  texts: {
    start: c('offline.birth.start'),
    submitted: c('tools.bc.next.free'),
    cancelled: c('offline.cancelled.birth'),
  },
  intentPhrases: ['birth certificate', 'janm praman patra', 'जन्म प्रमाण पत्र'],
  storage: 'legacy',
  legacyType: 'application',
};
