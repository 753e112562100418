// The messages of a citizen filling a form, shared by the tests that need a form at one point.

/** A Hinglish income certificate, from the request to its summary (nothing left to ask). */
export const INCOME_TO_SUMMARY = [
  'income certificate banana hai',
  'Rajesh Kumar Gupta',
  'father Om Prakash Gupta',
  '1,20,000',
  'kheti',
  'H.No. 12, Station Road, Sitapur 261001',
  'sitapur',
  'scholarship',
] as const;

/** A Hinglish death certificate, from the request to its informant question (the last one). */
export const DEATH_TO_INFORMANT = [
  'death certificate chahiye',
  'Ram Lakhan',
  'purush',
  '22/11/2026',
  '70',
  'ghar pe',
  'gaon Matera, post Matera, Bahraich',
  'Shiv Prasad',
  'gaon Matera, post Matera',
  'Bahraich',
  '271801',
] as const;
