import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { DEATH_TO_INFORMANT } from '../../testing/form-lines.js';
import { informantSelfNote } from './informant-self.js';

// "main khud" to "your name, please (the person reporting the death)?" had been stored as the
// informant's name; the death form knows no name of the speaker to take, so their name is asked
const NOW = new Date('2026-11-24T06:30:00Z');
const FORM = DEATH_TO_INFORMANT;

describe('informantSelfNote', () => {
  it.each(['main khud', 'मैं खुद', 'myself', 'main khud hi hoon', "it's me"])('%j is the speaker', (text) => {
    expect(informantSelfNote(text)).toBeDefined();
  });

  it.each(['Suresh Kumar', 'main Suresh', 'khud ka naam Suresh'])('%j is no "me" alone', (text) => {
    expect(informantSelfNote(text)).toBeUndefined();
  });
});

describe('the informant who says "me"', () => {
  it.each(['main khud', 'मैं खुद', 'myself'])(
    '%j: their own name is asked for, nothing stored',
    async (text) => {
      const d = createDriver({ now: NOW, lang: 'hinglish' });
      for (const line of FORM) await d.send(line);
      expect(formOf(d).asking).toBe('informantName');
      const turn = await d.send(text);
      const note = informantSelfNote(text);
      expect(note && Object.values(note).some((s) => turn.text.includes(s))).toBe(true);
      expect(formOf(d).fields.informantName).toBeUndefined();
      expect(formOf(d).asking).toBe('informantName');
      await d.send('Suresh Kumar');
      expect(formOf(d).fields.informantName).toBe('Suresh Kumar');
    },
  );
});

// said a second time, "main khud" had "couldn't read that as the informant": the citizen had
// answered, and was told nothing of why; the second time says plainly that their name is wanted
describe('the informant who says "me" twice', () => {
  it.each([
    ['main khud', 'hinglish', 'Mujhe aapka apna naam chahiye'],
    ['मैं खुद', 'hi', 'मुझे आपका अपना नाम चाहिए'],
    ['myself', 'hinglish', 'Mujhe aapka apna naam chahiye'],
  ] as const)('%j twice: their own name is asked for again, nothing stored', async (text, lang, said) => {
    const d = createDriver({ now: NOW, lang });
    for (const line of FORM) await d.send(line);
    await d.send(text);
    const turn = await d.send(text);
    expect(turn.text).toContain(said);
    expect(turn.text).not.toMatch(/could not read|couldn't read|nahi padh paaya|नहीं पढ़ पाया/);
    expect(informantSelfNote(text, true)?.en).toContain('I need your own name');
    expect(formOf(d).fields.informantName).toBeUndefined();
    expect(formOf(d).showBack ?? null).toBeNull();
    expect(formOf(d).asking).toBe('informantName');
    await d.send(lang === 'hi' ? 'सुरेश कुमार' : 'Suresh Kumar');
    expect(formOf(d).fields.informantName).toBe(lang === 'hi' ? 'सुरेश कुमार' : 'Suresh Kumar');
  });
});
