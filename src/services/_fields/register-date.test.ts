import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// A new user's finding (2026-12-07, a Monday): "ek mahina pehle" to "on what date did they pass
// away?" stored 2026-11-07, "a month ago" to the date of birth the same, "last week tuesday"
// 2026-11-30 (a Monday) — days made up, put on a register. "papa ka dehant ek mahina pehle hua" in
// the opening did the same. A day counted back in months or years (or weeks beside a weekday) is
// asked for again, with why; "2 hafte pehle", "last week" stay days (dates-and-ages.yaml).
const NOW = new Date('2026-12-07T06:00:00Z');

describe('a register date counted back in months', () => {
  it.each([
    [
      'hinglish',
      ['death certificate chahiye', 'Ram Prasad', 'purush'],
      'ek mahina pehle',
      'Kripya sahi tareekh',
    ],
    ['hi', ['मृत्यु प्रमाण पत्र चाहिए', 'राम प्रसाद', 'पुरुष'], 'एक महीना पहले', 'कृपया सही तारीख़'],
    ['en', ['death certificate', 'Ram Prasad', 'male'], 'last week tuesday', 'Please send the exact date'],
    ['en', ['birth certificate for my son', 'Aman'], 'a month ago', 'Please send the exact date'],
    ['hinglish', ['beti ka janm praman patra', 'Priya'], 'do mahine pehle', 'Kripya sahi tareekh'],
  ] as const)('%s: %j then %j is asked again', async (lang, before, date, note) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    for (const m of before) await d.send(m);
    const field = formOf(d).asking;
    expect(field === 'dateOfDeath' || field === 'dateOfBirth').toBe(true);
    const turn = await d.send(date);
    expect(formOf(d).fields[field as string]).toBeUndefined();
    expect(formOf(d).asking).toBe(field);
    expect(turn.text).toContain(note);
  });

  it.each([
    ['hinglish', 'papa ka dehant ek mahina pehle hua, death certificate chahiye', 'dateOfDeath'],
    ['en', 'my son was born a month ago at home, need birth certificate', 'dateOfBirth'],
  ] as const)('%s: the opening %j stores no date', async (lang, text, field) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    await d.send(text);
    expect(formOf(d).fields[field]).toBeUndefined();
  });

  it.each([
    ['3 din pehle', '2026-12-04'],
    ['2 hafte pehle', '2026-11-23'],
    ['kal', '2026-12-06'],
    ['pichhle mahine ki 5 tareekh', '2026-11-05'],
  ])('an exact day %j is still read (%s)', async (date, iso) => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const m of ['death certificate chahiye', 'Ram Prasad', 'purush', date]) await d.send(m);
    expect(formOf(d).fields.dateOfDeath).toBe(iso);
  });
});
