import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// A new user's findings (2026-12-07): "Ravi Kumar 🙏" was stored as the applicant's name with its
// emoji, "Mohan Lal ji 🙏🙏" as "Mohan Lal ji 🙏🙏"; "main unka beta Suresh" to the address question
// stored the address "Suresh". What is said around an answer is not of it.
const NOW = new Date('2026-12-07T06:00:00Z');

describe('emoji and the speaker around an answer', () => {
  it('hinglish: names, amount, address and purpose with emoji are stored without them', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const m of [
      'income certificate chahiye',
      'Ravi Kumar 🙏',
      'Mohan Lal ji 🙏🙏',
      '1 lakh 👍',
      'kheti 🌾',
      'gali 4, rampur 🏠',
      'rampur',
      '244901',
      'naukri ke liye 🙏🏽',
    ])
      await d.send(m);
    expect(formOf(d).fields).toMatchObject({
      applicantName: 'Ravi Kumar',
      fatherOrHusbandName: 'Mohan Lal',
      incomeSources: 'kheti',
      address: 'gali 4, rampur',
      purpose: 'naukri ke liye',
    });
  });

  it.each([
    ['hinglish', 'main unka beta Suresh'],
    ['en', 'I am his son Suresh Kumar'],
    ['hi', 'मैं उनका बेटा सुरेश हूँ'],
  ] as const)('%s: %j to the address is no address', async (lang, text) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    for (const m of ['income certificate chahiye', 'Ravi Kumar', 'Mohan Lal', '1 lakh', 'kheti'])
      await d.send(m);
    expect(formOf(d).asking).toBe('address');
    await d.send(text);
    expect(formOf(d).fields.address).toBeUndefined();
    expect(formOf(d).asking).toBe('address');
  });

  it('"main unka beta Suresh, gali 4 rampur": the speaker told first is not of the address', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const m of ['income certificate chahiye', 'Ravi Kumar', 'Mohan Lal', '1 lakh', 'kheti'])
      await d.send(m);
    await d.send('main unka beta Suresh, gali 4 rampur');
    expect(formOf(d).fields.address).toBe('gali 4 rampur');
  });

  it('"Mai Mata Mandir Road, Rampur" is still an address', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const m of ['income certificate chahiye', 'Ravi Kumar', 'Mohan Lal', '1 lakh', 'kheti'])
      await d.send(m);
    await d.send('Mai Mata Mandir Road, Rampur');
    expect(formOf(d).fields.address).toBe('Mai Mata Mandir Road, Rampur');
  });
});
