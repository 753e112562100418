import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';
import { pointsAtAddress } from '../_fields/points-at-address.js';

// A new user's finding (2026-12-07): a death at home, then "same as address", "वही पता", "wahi jo
// address hai" or "apne ghar pe" to "the address of the place of death?" was stored as the place
// of death, and the summary showed "Hospital / place: same as address". The family's address is
// asked only after the place: there is nothing to copy, so the house's address is asked for.
const NOW = new Date('2026-12-07T06:00:00Z');

const upToPlace: Record<string, string[]> = {
  hinglish: ['death certificate chahiye', 'Ram Prasad', 'purush', '2 december', '70 saal', 'ghar'],
  hi: ['मृत्यु प्रमाण पत्र चाहिए', 'राम प्रसाद', 'पुरुष', '2 दिसंबर', '70 साल', 'घर'],
  en: ['death certificate', 'Ram Prasad', 'male', '2 December', '70 years', 'home'],
};

describe('the place of a death at home pointed at, not written', () => {
  it.each([
    ['hinglish', 'wahi jo address hai', 'Kripya yahan us ghar ka pata likhiye'],
    ['hinglish', 'apne ghar pe', 'Hospital ka naam, ya mrityu ki jagah ka pata'],
    ['hi', 'वही पता', 'कृपया यहाँ उस घर का पता लिखें'],
    ['en', 'same as address', 'Please write the address of the house'],
  ] as const)('%s: %j is asked again', async (lang, text, reply) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    for (const m of upToPlace[lang]) await d.send(m);
    expect(formOf(d).asking).toBe('placeOfDeath');
    const turn = await d.send(text);
    expect(formOf(d).fields.placeOfDeath).toBeUndefined();
    expect(formOf(d).asking).toBe('placeOfDeath');
    expect(turn.text).toContain(reply);
  });

  it('the house written is taken', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const m of upToPlace.hinglish) await d.send(m);
    await d.send('gaon rampur, post khas, bahraich');
    expect(formOf(d).fields.placeOfDeath).toBe('gaon rampur, post khas, bahraich');
  });

  it.each(['Address Lane 4, Agra', 'ghar no 12, pata nagar', 'Wahi Colony, Rampur'])(
    '%j is a place',
    (text) => {
      expect(pointsAtAddress(text)).toBe(false);
    },
  );
});
