import { describe, expect, it } from 'vitest';
import { opensClause } from './clause-cue.js';

// [the message, the cue's word in it]
const at = (text: string, word: string) => {
  const start = text.indexOf(word);
  return opensClause(text, start, start + word.length);
};

describe('opensClause: an everyday word as a label only where a part opens', () => {
  it.each([
    ['pata makan 12 Shivpuri Colony', 'pata'],
    ['jati Yadav, pata makan 12 Shivpuri Colony', 'pata'],
    ['जाति यादव। पता मकान 12 शिवपुरी कॉलोनी', 'पता'],
    ['जाति यादव\nपता मकान 12', 'पता'],
    ['Caste: Yadav; pata: makan 12', 'pata'],
  ])('%j: "%s" opens a part', (text, word) => {
    expect(at(text, word)).toBe(true);
  });

  it.each([
    ['mujhe pata nahi', 'pata'],
    ['mujhe pata hai, naam Sunita', 'pata'],
    ['pata chala ki scholarship milegi', 'pata'],
    ['पता नहीं', 'पता'],
    ['पता चला कि नौकरी के लिए चाहिए', 'पता'],
    ['kya pata', 'pata'],
    ['naam Sunita, pata nahi', 'pata'],
  ])('%j: "%s" is the everyday word', (text, word) => {
    expect(at(text, word)).toBe(false);
  });
});
