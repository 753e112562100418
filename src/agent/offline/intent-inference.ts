import type { Intent } from '../../nlu/analysis.js';
import type { Reading } from './reading.js';

// a payment word beside a reference, even if the status reading scored higher
const PAY_RUNNER_UP = 0.2;

const SUPPORT = 0.3;
const EVIDENCE: [Intent, (keyof Reading['slots'])[]][] = [
  ['file_complaint', ['hospitalName', 'description']],
  [
    'apply_birth_certificate',
    ['sex', 'dateOfBirth', 'childName', 'childNameBlank', 'motherName', 'fatherName'],
  ],
];

/**
 * A service the NLU was not sure of (below the threshold) but the message's own facts
 * support: "lokbandhu hospital ke doctor ne bura behave kiya" names a hospital. Starting a
 * draft submits nothing: the citizen still sees every answer in the summary.
 */
export function serviceFromEvidence(r: Reading): void {
  if (r.intent !== 'unknown') return;
  if (r.slots.category && r.slots.category !== 'other') {
    r.intent = 'file_complaint';
    return;
  }
  for (const [intent, slots] of EVIDENCE) {
    if ((r.scores[intent] ?? 0) >= SUPPORT && slots.some((k) => r.slots[k] !== undefined)) {
      r.intent = intent;
      return;
    }
  }
}

/** A reference typed as digits: "बीसी २०२६ ४१७" gives 2026 and 417; the year is not the number. */
export function typedReference(r: Reading): string | null {
  const digits = r.slots.referenceDigits ?? [];
  const number = digits.filter((d) => !/^20\d\d$/.test(d)).at(-1) ?? digits.at(-1);
  return r.slots.references?.[0] ?? number ?? null;
}

/**
 * Nobody cites a reference to start something new: "शिकायत HC-2026-000210 पर क्या कार्रवाई हुई"
 * asks about that complaint, "BC-2026-000417 के लिए QR भेजो" wants to pay for it.
 */
export function referenceMeansExistingRecord(r: Reading): void {
  const keys = Object.keys(r.slots);
  if (keys.length === 0 || !keys.every((k) => k === 'references' || k === 'referenceDigits')) return;
  if (!['apply_birth_certificate', 'file_complaint', 'check_status', 'unknown'].includes(r.intent)) return;
  r.intent = (r.scores.pay_fee ?? 0) >= PAY_RUNNER_UP ? 'pay_fee' : 'check_status';
}
