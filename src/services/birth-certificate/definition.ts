import { z } from 'zod';
import { isoDate } from '../../../tools/tool-support.js';
import { applicationSlaDays } from '../../cases/case-workflow.js';
import { applicationStatuses, placeOfBirthTypes, sexes } from '../../domain/enums.js';
import { catalogueText } from '../catalogue-text.js';
import type { ServiceDefinition, Workflow } from '../types.js';

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

/**
 * Birth registration (RBD Act Form 1). Its tool, dialogue and table predate the registry:
 * the definition describes them so every registry reader lists it.
 */
export const birthCertificate: ServiceDefinition<typeof schema> = {
  id: 'birth_certificate',
  toolName: 'apply_birth_certificate',
  prefix: 'BC',
  names: { en: 'Birth certificate', hi: 'जन्म प्रमाण पत्र', hinglish: 'Janm praman patra' },
  description:
    'Apply for the registration of a birth and a birth certificate (Form 1 of the Registration of Births and Deaths Act). ' +
    'Collect every field from the citizen first; the citizen sees a summary and must confirm before it is submitted. ' +
    'Births more than one year old cannot be registered here (a magistrate order is needed).',
  schema,
  fields: {
    childName: {
      kind: 'person_name',
      optional: true,
      question: c('offline.ask.childName'),
      label: c('tools.label.child_name'),
    },
    sex: { kind: 'choice', question: c('offline.ask.sex'), label: c('tools.label.sex') },
    dateOfBirth: {
      kind: 'date',
      question: c('offline.ask.dateOfBirth'),
      label: c('tools.label.date_of_birth'),
    },
    placeOfBirthType: {
      kind: 'choice',
      question: c('offline.ask.placeOfBirthType'),
      label: c('tools.label.place_of_birth'),
    },
    placeOfBirth: {
      kind: 'free_text',
      question: c('offline.ask.placeOfBirth.hospital'),
      label: c('tools.label.place_of_birth'),
    },
    motherName: {
      kind: 'person_name',
      question: c('offline.ask.motherName'),
      label: c('tools.label.mother_name'),
    },
    fatherName: {
      kind: 'person_name',
      question: c('offline.ask.fatherName'),
      label: c('tools.label.father_name'),
    },
    address: { kind: 'address', question: c('offline.ask.address'), label: c('tools.label.address') },
    district: {
      kind: 'district',
      question: c('offline.ask.district.birth'),
      label: c('tools.label.district'),
    },
    pinCode: { kind: 'pin', question: c('offline.ask.pinCode'), label: c('tools.label.pin_code') },
    informantName: {
      kind: 'person_name',
      optional: true,
      question: c('offline.ask.informantName'),
      label: c('tools.label.informant'),
    },
  },
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
