import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { casteCertificate } from './definition.js';
import { readCaste } from './read-caste.js';

// The caste question had stored "se" of "jati se hain", "Kurmi, OBC" whole, "SC hai" as a caste
// and "mahila nahi" as one: the caste is read without the sentence and the category around it
const NOW = new Date('2026-11-24T06:30:00Z');
const caste = (text: string) => readCaste(casteCertificate.fields.caste, text, {});

describe('readCaste', () => {
  it.each([
    ['chamar jati', 'chamar'],
    ['jati chamar hai', 'chamar'],
    ['hum yadav hain', 'yadav'],
    ['हम चमार जाति से हैं', 'चमार'],
    ['Kurmi, OBC', 'Kurmi'],
    ['Jatav', 'Jatav'],
  ])('%j is %j', (text, value) => {
    expect(caste(text)).toBe(value);
  });

  it.each(['jati se hain', 'SC hai', 'mahila nahi', 'kya matlab', 'pata nahi, shayad lodh', 'bas aise hi'])(
    '%j names no caste',
    (text) => {
      expect(caste(text)).toBeNull();
    },
  );
});

describe('the caste question in the form', () => {
  async function atCaste() {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    for (const line of ['caste certificate chahiye', 'Sunita Devi', 'Ramesh Kumar']) await d.send(line);
    expect(formOf(d).asking).toBe('caste');
    return d;
  }

  it('"Kurmi, OBC": the caste Kurmi and the category OBC', async () => {
    const d = await atCaste();
    await d.send('Kurmi, OBC');
    expect(formOf(d).fields).toMatchObject({ caste: 'Kurmi', category: 'obc' });
    expect(formOf(d).asking).toBe('subCaste');
  });

  it('"SC hai": the category, and the caste is asked again', async () => {
    const d = await atCaste();
    await d.send('SC hai');
    expect(formOf(d).fields.caste).toBeUndefined();
    expect(formOf(d).fields.category).toBe('sc');
    expect(formOf(d).asking).toBe('caste');
  });

  // "SC hai" had the caste asked again without a word of the category, and citizens sent it again
  it.each([
    ['SC hai', 'hinglish', 'Shreni note kar liya: SC.', 'Kaun si jati?'],
    ['SC', 'en', 'Category noted: SC.', 'Which caste?'],
    ['एससी है', 'hi', 'श्रेणी नोट कर लिया: अनुसूचित जाति (SC)।', 'कौन सी जाति?'],
  ] as const)(
    '%j (%s): the category is said to be noted, then the caste asked',
    async (text, lang, noted, asked) => {
      const d = createDriver({ now: NOW, lang });
      const opening = {
        hinglish: 'caste certificate chahiye',
        en: 'I want a caste certificate',
        hi: 'जाति प्रमाण पत्र चाहिए',
      };
      for (const line of [
        opening[lang],
        lang === 'hi' ? 'सुनीता देवी' : 'Sunita Devi',
        lang === 'hi' ? 'रमेश कुमार' : 'Ramesh Kumar',
      ])
        await d.send(line);
      const turn = await d.send(text);
      expect(formOf(d).fields.category).toBe('sc');
      expect(formOf(d).fields.caste).toBeUndefined();
      expect(turn.text).toContain(noted);
      expect(turn.text.indexOf(noted)).toBeLessThan(turn.text.indexOf(asked));
    },
  );

  it.each(['jati se hain', 'mahila nahi'])('%j stores no caste, twice over', async (text) => {
    const d = await atCaste();
    for (let i = 0; i < 2; i++) {
      await d.send(text);
      expect(formOf(d).fields.caste).toBeUndefined();
      expect(formOf(d).asking).toBe('caste');
      // nor shown back as the caste for a yes
      expect(formOf(d).showBack ?? null).toBeNull();
    }
  });

  it.each([
    ['chamar jati', 'chamar'],
    ['jati chamar hai', 'chamar'],
    ['hum yadav hain', 'yadav'],
  ])('%j stores %j', async (text, value) => {
    const d = await atCaste();
    await d.send(text);
    expect(formOf(d).fields.caste).toBe(value);
  });
});
