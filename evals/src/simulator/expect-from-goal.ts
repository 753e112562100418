import type { CitizenGoal, EvalCase, FieldExpectation } from '../case-schema.js';

// The record a correct assistant files for a goal: what the citizen knows, nothing they did
// not say. Used when a goal case writes no `expect` of its own.
const RECORD_FIELDS: Record<string, { table: 'applications' | 'complaints'; fields: string[] }> = {
  birth_certificate: {
    table: 'applications',
    fields: [
      'childName',
      'sex',
      'dateOfBirth',
      'placeOfBirthType',
      'placeOfBirth',
      'motherName',
      'fatherName',
      'address',
      'district',
      'pinCode',
    ],
  },
  hospital_complaint: {
    table: 'complaints',
    fields: ['hospitalName', 'district', 'description', 'category', 'incidentDate', 'anonymous'],
  },
};

const OPTIONAL = new Set(['childName', 'incidentDate', 'subCaste']);

/** The end state of a goal: one record of the service with the facts (or nothing, when the citizen cancels). */
export function expectFromGoal(
  goal: CitizenGoal,
  lang: EvalCase['language'],
): NonNullable<EvalCase['expect']> {
  if (!goal.submit) return {};
  const spec = RECORD_FIELDS[goal.service];
  const fieldsOf = (names: string[]) =>
    Object.fromEntries(
      names.flatMap((f): [string, FieldExpectation][] => {
        const v = goal.facts[f];
        if (v === undefined || v === null) return OPTIONAL.has(f) ? [[f, { absent: true }]] : [];
        return [[f, v]];
      }),
    );
  if (spec) {
    return { [spec.table]: { count: 1, records: [{ ...fieldsOf(spec.fields), language: lang }] } };
  }
  // services kept as generic cases (DESIGN.md §4 `fields`); the end-state scorer reads
  // `cases` once the service definitions land
  return { cases: { [goal.service]: { count: 1, records: [fieldsOf(Object.keys(goal.facts))] } } } as never;
}
