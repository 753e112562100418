import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';

// A new user's finding (2026-12-07): a home birth, then "address: 12 MG Road, Gonda 271001" to
// "the address of the house?" stored the place of birth and the parents' address both as
// "address: 12 MG Road, Gonda 271001"; "adress 12 …" and "ghar ka pata: …" kept their labels too.
const NOW = new Date('2026-12-07T06:00:00Z');

describe("a home birth's house written with its label", () => {
  it.each([
    [
      'en',
      ['birth certificate', 'Aman', 'boy', '5/12/2026', 'home'],
      'address: 12 MG Road, Gonda 271001',
      '12 MG Road, Gonda 271001',
    ],
    [
      'en',
      ['birth certificate', 'Aman', 'boy', '5/12/2026', 'home'],
      'adress 12 MG Road, Gonda',
      '12 MG Road, Gonda',
    ],
    [
      'hinglish',
      ['beti ka janm praman patra', 'Priya', '5/12/2026', 'ghar par'],
      'ghar ka pata: gali 4 rampur',
      'gali 4 rampur',
    ],
  ] as const)('%s: %j, then %j', async (lang, before, text, place) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    for (const m of before) await d.send(m);
    expect(formOf(d).asking).toBe('placeOfBirth');
    await d.send(text);
    expect(formOf(d).fields.placeOfBirth).toBe(place);
    if (formOf(d).fields.address !== undefined) expect(formOf(d).fields.address).toBe(place);
  });
});
