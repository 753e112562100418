import type { Journey } from './service-journey.js';

/** What the English birth application below stores, field by field. */
export const ENGLISH_BIRTH_RECORD = {
  childName: 'Arjun',
  sex: 'male',
  dateOfBirth: '2026-11-15',
  placeOfBirthType: 'home',
  motherName: 'Sunita Sharma',
  fatherName: 'Rakesh Sharma',
  district: 'Lucknow',
  pinCode: '226001',
} as const;

/**
 * A father applies for his son's birth certificate in English through the journey's
 * webhook, up to the summary: the caller confirms (or not) as its test needs.
 */
export async function englishBirthUpToSummary(j: Journey, waId: string): Promise<void> {
  await j.say(waId, 'I want to apply for a birth certificate for my son');
  await j.say(waId, 'His name is Arjun, born on 15/11/2026 at home');
  await j.say(waId, 'Mother is Sunita Sharma and father is Rakesh Sharma');
  await j.say(waId, 'Address: 12 Civil Lines, Lucknow 226001');
  await j.tap(waId, 'informant:father', 'I am the father');
}
