/**
 * A whole birth application as the model's tool call carries it: the largest form, so the
 * prompt-size bench and budget test render it as the pending confirmation, and pipeline tests
 * submit it.
 */
export const sampleBirthApplication = {
  childName: 'Priya',
  sex: 'female',
  dateOfBirth: '2026-11-20',
  placeOfBirthType: 'hospital',
  placeOfBirth: 'District Hospital Sitapur',
  motherName: 'Rekha Devi',
  fatherName: 'Suresh Kumar',
  address: 'Ward 4, Sitapur',
  district: 'Sitapur',
  pinCode: '261001',
  informantName: null,
};
