import { describe, expect, it } from 'vitest';
import { createDriver, formOf } from '../../agent/offline/test-driver.js';
import { isClarifyingQuestion } from './clarifying-question.js';

// "kya matlab" sent to a question had been stored as the value (a name, a caste, a purpose, an
// address): a question back about the question is no answer, and the question is asked again
const NOW = new Date('2026-11-24T06:30:00Z');
const ASKS_BACK = ['kya matlab', 'matlab?', 'ye kya hai', 'samjha nahi', 'क्या मतलब', 'what do you mean'];

describe('isClarifyingQuestion', () => {
  it.each(ASKS_BACK)('%j asks back', (text) => {
    expect(isClarifyingQuestion(text)).toBe(true);
  });

  it.each(['naukri ke liye', 'Ram Lakhan', 'Jatav', 'kya bataun, naukri ke liye'])('%j answers', (text) => {
    expect(isClarifyingQuestion(text)).toBe(false);
  });
});

describe('a question back is never stored, and the question is asked again', () => {
  async function caste(upTo: number) {
    const d = createDriver({ now: NOW, lang: 'hinglish' });
    const lines = ['caste certificate chahiye', 'Sunita Devi', 'Ramesh Kumar', 'Jatav', 'SC', 'skip'];
    for (const line of lines.slice(0, upTo)) await d.send(line);
    return d;
  }
  const at = [
    ['applicantName', 1],
    ['caste', 3],
    ['address', 6],
  ] as const;

  for (const [field, upTo] of at)
    it.each(ASKS_BACK)(`caste certificate, ${field}: %j`, async (text) => {
      const d = await caste(upTo);
      expect(formOf(d).asking).toBe(field);
      for (let i = 0; i < 2; i++) {
        // twice: the second misread shows no "I wrote …" proposal of the question as the value
        await d.send(text);
        expect(formOf(d).fields[field]).toBeUndefined();
        expect(formOf(d).asking).toBe(field);
        expect(formOf(d).showBack ?? null).toBeNull();
      }
    });

  it.each(ASKS_BACK)('income certificate, purpose: %j', async (text) => {
    const d = createDriver({ now: NOW, lang: 'en' });
    for (const line of ['I want an income certificate', 'Anita Sharma', 'Om Prakash', '1.8 lakh', 'farming'])
      await d.send(line);
    const asking = formOf(d).asking;
    expect(asking).toBeDefined();
    // up to the purpose question, whatever the order
    for (let i = 0; i < 8 && formOf(d).asking !== 'purpose'; i++) {
      const q = formOf(d).asking;
      await d.send(
        q === 'address'
          ? 'House 12, Gandhi Nagar, Bareilly'
          : q === 'district'
            ? 'Bareilly'
            : q === 'pinCode'
              ? '243001'
              : 'skip',
      );
    }
    expect(formOf(d).asking).toBe('purpose');
    await d.send(text);
    expect(formOf(d).fields.purpose).toBeUndefined();
    expect(formOf(d).asking).toBe('purpose');
  });
});
