import { applyBirthCertificate } from '../../../tools/apply-birth-certificate.js';
import type { BirthFields, ComplaintFields, Draft, Expecting } from './state.js';

export type FormField = Exclude<Expecting, 'submit' | 'change_field' | 'pay_reference'>;

// The order questions are asked in: the way the paper form reads, which is the order the
// tool's schema declares Form 1's fields in — one list, so a new field is asked for too.
const BIRTH_ORDER = Object.keys(applyBirthCertificate.schema.shape) as FormField[];
// Description before category: the category is usually read from the description.
const COMPLAINT_ORDER: FormField[] = [
  'hospitalName',
  'district',
  'description',
  'category',
  'incidentDate',
  'anonymous',
];

/** Fields a citizen may skip (a blank child's name, no separate informant, no incident date). */
export const OPTIONAL_FIELDS: ReadonlySet<FormField> = new Set([
  'childName',
  'informantName',
  'incidentDate',
]);

/** What the "change something" list offers; place type and place are one row. */
export const CHANGEABLE: Record<Draft['service'], FormField[]> = {
  birth: BIRTH_ORDER.filter((f) => f !== 'placeOfBirthType'),
  complaint: COMPLAINT_ORDER,
};

export const SUBMIT_TOOL: Record<Draft['service'], string> = {
  birth: 'apply_birth_certificate',
  complaint: 'file_hospital_complaint',
};

export function fieldsOf(draft: Draft): FormField[] {
  return draft.service === 'birth' ? BIRTH_ORDER : COMPLAINT_ORDER;
}

/** The first field still unanswered, or null when the draft can be submitted. */
export function nextMissing(draft: Draft): FormField | null {
  const fields = draft.fields as Record<string, unknown>;
  const answered = (f: FormField) =>
    fields[f] !== undefined || (f === 'informantName' && 'informantRelation' in fields);
  return fieldsOf(draft).find((f) => !answered(f)) ?? null;
}

/** Forgets one answer so it is asked again (the place of birth takes its type with it). */
export function clearField(draft: Draft, field: FormField): Draft {
  const fields: Record<string, unknown> = { ...draft.fields };
  delete fields[field];
  if (field === 'informantName') delete fields.informantRelation;
  if (field === 'placeOfBirth' || field === 'placeOfBirthType') {
    delete fields.placeOfBirth;
    delete fields.placeOfBirthType;
  }
  return { ...draft, fields } as Draft;
}

/** The tool arguments of a complete draft, exactly as the tool's zod schema wants them. */
export function submitArgs(draft: Draft): Record<string, unknown> {
  return draft.service === 'birth' ? birthArgs(draft.fields) : complaintArgs(draft.fields);
}

function birthArgs(f: BirthFields): Record<string, unknown> {
  return {
    childName: f.childName ?? null,
    sex: f.sex,
    dateOfBirth: f.dateOfBirth,
    placeOfBirthType: f.placeOfBirthType,
    placeOfBirth: f.placeOfBirth,
    motherName: f.motherName,
    fatherName: f.fatherName,
    address: f.address,
    district: f.district,
    pinCode: f.pinCode,
    informantName: f.informantRelation
      ? f.informantRelation === 'mother'
        ? f.motherName
        : f.fatherName
      : (f.informantName ?? null),
  };
}

function complaintArgs(f: ComplaintFields): Record<string, unknown> {
  return {
    hospitalName: f.hospitalName,
    district: f.district,
    category: f.category,
    description: f.description,
    incidentDate: f.incidentDate ?? null,
    anonymous: f.anonymous,
  };
}

/** The draft fields named in a zod validation error ("✖ … → at pinCode"), to ask them again. */
export function fieldsInError(draft: Draft, validationError: string): FormField[] {
  return fieldsOf(draft).filter((f) => new RegExp(`\\b${f}\\b`).test(validationError));
}
