import { z } from 'zod';
import { isoDate } from '../../../tools/tool-support.js';
import { complaintCategories, complaintSlaDays } from '../../cases/case-workflow.js';
import { complaintStatuses } from '../../domain/enums.js';
import { catalogueText } from '../catalogue-text.js';
import type { ServiceDefinition, Workflow } from '../types.js';
import { complaintFields, complaintOpening } from './fields.js';

const schema = z.object({
  hospitalName: z.string().min(2).describe('The hospital or health centre.'),
  district: z.string().min(2).describe("The hospital's district."),
  category: z
    .enum(complaintCategories)
    .describe('What it is about; bribery_or_fees: a bribe or an illegal charge was demanded.'),
  description: z.string().min(5).describe("What happened, in the citizen's words."),
  incidentDate: isoDate().nullable().describe('YYYY-MM-DD, not in the future; null if not said.'),
  anonymous: z
    .boolean()
    .describe('true if the citizen asked that the hospital not get their name and number.'),
});
const c = catalogueText;
const transitions: Record<string, string[]> = {
  received: ['assigned', 'rejected'],
  assigned: ['resolved', 'rejected'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['assigned', 'rejected'],
  rejected: [],
};

const workflow: Workflow = {
  initial: 'received',
  states: Object.fromEntries(
    complaintStatuses.map((s) => [
      s,
      {
        label: c(`case.complaint.${s}`),
        notice: c(`case.complaint.${s}.next`),
        slaDays: ['resolved', 'closed', 'rejected'].includes(s) ? null : 7,
        next: transitions[s],
      },
    ]),
  ),
  // by category: a bribe demanded or a medicine missing is chased in 3 days, the rest in 7
  slaDaysFor: (status, fields) =>
    ['resolved', 'closed', 'rejected'].includes(status)
      ? null
      : (complaintSlaDays[fields.category as keyof typeof complaintSlaDays] ?? 7),
};

/** A complaint about a government hospital. Like the birth certificate, its tool and table predate the registry. */
export const hospitalComplaint: ServiceDefinition<typeof schema> = {
  id: 'hospital_complaint',
  toolName: 'file_hospital_complaint',
  prefix: 'HC',
  names: { en: 'Hospital complaint', hi: 'अस्पताल की शिकायत', hinglish: 'Aspatal ki shikayat' },
  description:
    'Complain about a government hospital or health centre; photos sent in this chat are attached.',
  schema,
  fields: complaintFields,
  // the description before the category: the category is usually read from it
  askOrder: ['hospitalName', 'district', 'description', 'category', 'incidentDate', 'anonymous'],
  readOpening: complaintOpening,
  takesPhotos: true,
  workflow,
  texts: {
    start: c('offline.complaint.start'),
    submitted: c('tools.hc.next'),
    cancelled: c('offline.cancelled.complaint'),
  },
  intentPhrases: ['hospital complaint', 'shikayat', 'शिकायत'],
  storage: 'legacy',
  legacyType: 'complaint',
};
