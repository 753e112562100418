import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import type { Lang } from '../../lang/language.js';
import { deathOpening } from './death-opening.js';

// A tester's finding (2026-12-07): "papa ki death 5 november ko KGMU hospital mein hui" asked
// again for the sex, the date and the place; "KGMU hospital Lucknow mein hui thi, wahan 3 din
// bharti the" was stored whole as the place of death, and "he died at home on 2 December" as the
// place "home on 2 December".
const NOW = new Date('2026-12-07T06:00:00Z');

describe('the facts told with a death', () => {
  it.each([
    [
      'hinglish',
      'papa ki death certificate chahiye, unka naam Ram Prasad tha, 5 november ko KGMU hospital Lucknow mein dehant hua',
      {
        deceasedName: 'Ram Prasad',
        sex: 'male',
        dateOfDeath: '2026-11-05',
        placeOfDeathType: 'hospital',
        placeOfDeath: 'KGMU Hospital Lucknow',
      },
    ],
    [
      'hinglish',
      'mrityu praman patra chahiye. meri maa Sunita Devi ka dehant 10/11/2026 ko ghar par hua',
      { deceasedName: 'Sunita Devi', sex: 'female', dateOfDeath: '2026-11-10', placeOfDeathType: 'home' },
    ],
    [
      'hi',
      'मृत्यु प्रमाण पत्र चाहिए, पिताजी का देहांत 3 दिन पहले जिला अस्पताल बहराइच में हुआ',
      {
        sex: 'male',
        dateOfDeath: '2026-12-04',
        placeOfDeathType: 'hospital',
        placeOfDeath: 'जिला अस्पताल बहराइच',
      },
    ],
    [
      'en',
      'death certificate for my father, he died at home on 2 December',
      { placeOfDeathType: 'home', dateOfDeath: '2026-12-02' },
    ],
  ] as const)('%s: %j', async (lang, text, fields) => {
    const d = createDriver({ now: NOW, lang: lang as Lang });
    await d.send(text);
    expect(formOf(d).service).toBe('death_certificate');
    expect(formOf(d).fields).toMatchObject(fields);
    // the kind of place is no place: its address is asked, never stored as "home on 2 December"
    if (fields.placeOfDeathType === 'home') expect(formOf(d).fields.placeOfDeath).toBeUndefined();
  });

  it.each([
    // two deaths told: whose form this is, and so the sex, is asked
    ['death certificate chahiye, papa aur dadi ki death ek accident mein hui', {}],
    // "papa" told of, not dead: no sex read from him
    ['death certificate chahiye, papa ne kaha certificate banwa lo, dadaji ka nidhan hua', { sex: 'male' }],
    // no death word: nothing
    ['mere papa KGMU hospital mein the', {}],
    // a birth word beside the date: the date may be a birth's (and "unki" names no relation)
    ['papa ka janm 5/11/1950 ko hua, unki death kal hui', {}],
  ])('%j reads only %j', (text, expected) => {
    const got = deathOpening(text, NOW);
    expect(got.sex).toBe((expected as { sex?: string }).sex);
    expect(got.dateOfDeath).toBeUndefined();
    if (!('sex' in expected)) expect(got).toEqual({});
  });
});

describe('the place of death, answered with its story', () => {
  const UP_TO_PLACE = ['death certificate chahiye', 'Ram Prasad', 'purush', '5/11/2026', '67'];
  it.each([
    ['hospital', 'KGMU hospital Lucknow mein hui thi, wahan 3 din bharti the', 'KGMU hospital Lucknow'],
    ['hospital', 'District Hospital Sitapur 5 tareekh ko', 'District Hospital Sitapur'],
    ['hospital', 'Apollo Hospital Lucknow, 5 November', 'Apollo Hospital Lucknow'],
    // a place's own number is no date
    ['hospital', 'Sector 12 Hospital Noida', 'Sector 12 Hospital Noida'],
    ['ghar', 'gaon Rampur, post Kasmanda, Sitapur', 'gaon Rampur, post Kasmanda, Sitapur'],
    ['ghar', 'गाँव रामपुर में ही देहांत हुआ', 'गाँव रामपुर'],
  ])('after %j: %j is the place %j', async (kind, answer, place) => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const line of [...UP_TO_PLACE, kind]) await d.send(line);
    expect(formOf(d).asking).toBe('placeOfDeath');
    await d.send(answer);
    expect(formOf(d).fields.placeOfDeath).toBe(place);
  });
});
