import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';
import { INCOME_TO_SUMMARY } from '../../testing/form-lines.js';

// At the summary, "naam Rajesh Gupta kar do" asks for a change: the value is "Rajesh Gupta", not
// "Rajesh Gupta kar do"; "address H.No. 14" keeps its "H" (read as the copula "h" before).
const NOW = new Date('2026-11-24T04:30:00Z');
const FILLED: Partial<Record<Lang, readonly string[]>> = {
  hinglish: INCOME_TO_SUMMARY,
  hi: [
    'आय प्रमाण पत्र बनवाना है',
    'राजेश कुमार गुप्ता',
    'पिता ओम प्रकाश गुप्ता',
    '1,20,000',
    'खेती',
    'मकान 12, स्टेशन रोड, सीतापुर 261001',
    'सीतापुर',
    'छात्रवृत्ति',
  ],
};

async function atSummary(lang: Lang) {
  const d = createDriver({ now: NOW, lang });
  let last = null as Awaited<ReturnType<typeof d.send>> | null;
  for (const line of FILLED[lang] ?? []) last = await d.send(line);
  expect(last?.summary).toBe(true);
  return d;
}

describe('a change asked for at the summary keeps the value, not the request', () => {
  it.each([
    ['hinglish', 'naam Rajesh Gupta kar do', 'applicantName', 'Rajesh Gupta'],
    ['hinglish', 'purpose naukri kar do', 'purpose', 'naukri'],
    ['hinglish', 'srot naukri karo', 'incomeSources', 'naukri'],
    [
      'hinglish',
      'address H.No. 14, Station Road, Sitapur kar dijiye',
      'address',
      'H.No. 14, Station Road, Sitapur',
    ],
    ['hi', 'उद्देश्य नौकरी कर दो', 'purpose', 'नौकरी'],
  ] as const)('%s: %j sets %s to %j', async (lang, text, field, value) => {
    const d = await atSummary(lang);
    await d.send(text);
    expect(formOf(d).fields[field]).toBe(value);
  });
});

// "jati badalni hai" had set the caste to "badalni": a label with only "change it" after it names
// the field to change and gives no value; that field is asked, the old value kept until answered
describe('a field named to be changed, with no value, is asked again', () => {
  it.each([
    ['hinglish', 'pata badalna hai', 'address'],
    ['hinglish', 'address change karna hai', 'address'],
    ['hinglish', 'purpose badal do', 'purpose'],
    ['hinglish', 'srot badalni hai', 'incomeSources'],
    ['hi', 'मेरा पता बदलना है', 'address'],
    ['hi', 'उद्देश्य बदल दो', 'purpose'],
  ] as const)('%s: %j asks %s and stores nothing from the request', async (lang, text, field) => {
    const d = await atSummary(lang);
    const before = formOf(d).fields[field];
    const turn = await d.send(text);
    expect(turn.calls).toEqual([]);
    expect(formOf(d).asking).toBe(field);
    const now = formOf(d).fields[field];
    expect(now === undefined || now === before).toBe(true);
  });
});
