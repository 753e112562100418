import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { DEATH_TO_INFORMANT } from '../../testing/form-lines.js';
import { readPersonName } from './read-person-name.js';

// A name is kept as written, without the verb or hedge said with it: "Ram Lakhan the" had stored
// "Ram Lakhan the", "shayad Sunita" and "Sunita ya Sunaina" had stored a guess, "pitaji ka dehant
// ho gaya" a sentence as the deceased's name. A wrong name on a record is worse than asking again.
const NOW = new Date('2026-11-24T06:30:00Z');

describe('readPersonName', () => {
  it.each([
    ['Ram Lakhan the', 'Ram Lakhan'],
    ['राम लखन थे', 'राम लखन'],
    ['Ram Lakhan', 'Ram Lakhan'],
    ['Mohd. Irfan', 'Mohd. Irfan'],
    ['S K Sharma', 'S K Sharma'],
    // an infant not yet named is registered by the mother's name, the line as written
    ['सुनीता का बेटा', 'सुनीता का बेटा'],
    ['baby of kamla', 'baby of kamla'],
  ])('%j is %j', (text, name) => {
    expect(readPersonName(text)).toBe(name);
  });

  it.each([
    'shayad Sunita',
    'Sunita ya Sunaina',
    'main khud',
    'मैं खुद',
    'myself',
    'pitaji ka dehant ho gaya',
    'kya matlab',
  ])('%j is no name', (text) => {
    expect(readPersonName(text)).toBeNull();
  });
});

describe('the death certificate asks again for an unsure or missing name', () => {
  it.each(['shayad Sunita', 'Sunita ya Sunaina', 'pitaji ka dehant ho gaya'])(
    'deceased: %j is not stored, twice over',
    async (text) => {
      const d = createDriver({ now: NOW, lang: 'hinglish' });
      await d.send('death certificate chahiye');
      expect(formOf(d).asking).toBe('deceasedName');
      for (let i = 0; i < 2; i++) {
        await d.send(text);
        expect(formOf(d).fields.deceasedName).toBeUndefined();
        expect(formOf(d).asking).toBe('deceasedName');
        expect(formOf(d).showBack ?? null).toBeNull();
      }
    },
  );

  it('"Ram Lakhan the" is the deceased Ram Lakhan', async () => {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    await d.send('death certificate chahiye');
    await d.send('Ram Lakhan the');
    expect(formOf(d).fields.deceasedName).toBe('Ram Lakhan');
  });

  it.each(['main khud', 'मैं खुद', 'myself'])(
    'informant: %j is the speaker, whose name is asked; never stored as the name',
    async (text) => {
      const d = createDriver({ now: NOW, lang: 'hinglish' });
      for (const line of DEATH_TO_INFORMANT) await d.send(line);
      expect(formOf(d).asking).toBe('informantName');
      for (let i = 0; i < 2; i++) {
        await d.send(text);
        expect(formOf(d).fields.informantName).toBeUndefined();
        expect(formOf(d).asking).toBe('informantName');
        expect(formOf(d).showBack ?? null).toBeNull();
      }
      await d.send('Suresh Kumar');
      expect(formOf(d).fields.informantName).toBe('Suresh Kumar');
    },
  );
});

// the words that say an answer is no name must never be a name's own: "Gaya Prasad" could not be
// entered at all (asked again, and never shown back for a yes), nor "Rahi Masoom Raza"
describe('names made of words that are also verbs', () => {
  it.each(['Gaya Prasad', 'Rahi Masoom Raza', 'Swayam Sharma', 'Hua Ram'])('%j is a name', (name) => {
    expect(readPersonName(name)).toBe(name);
  });
});
