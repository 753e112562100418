import { describe, expect, it } from 'vitest';
import { informantCue } from './informant-cue.js';

describe('informantCue', () => {
  it.each([
    ["Address 3 Lake View Road, Bhopal. I'm her mother.", 'mother'],
    ['Mother Kavita Sharma, father Vikas Sharma. I am the father.', 'father'],
    ['informant: father', 'father'],
    ['me, the mother', 'mother'],
    ['pata 2 lake road nagpur 440001, mai maa hu', 'mother'],
    ['main uski maa hoon', 'mother'],
    ['main pita hoon', 'father'],
    ['मैं पिता हूँ', 'father'],
    ['मैं उसकी माँ हूँ', 'mother'],
    ['पता 8 हिल रोड, पुणे, सूचना देने वाला पिता', 'father'],
    ['soochna dene wali maa', 'mother'],
    ['I am the faher', 'father'],
    ['i am the mothr', 'mother'],
    ['main pita ji hoon', 'father'],
  ])('%s → %s', (text, who) => {
    expect(informantCue(text, false)).toBe(who);
  });

  it.each([
    'maa ka naam Sunita',
    'mummy ka naam sunita yadav',
    'my mother is ill',
    'ghar me maa ne janm diya',
    "mother's name is Rekha",
    'father',
  ])('%s → no cue in a sentence', (text) => {
    expect(informantCue(text, false)).toBeUndefined();
  });

  it('a bare "father" / "माँ" answers the informant question', () => {
    expect([informantCue('father', true), informantCue('माँ', true), informantCue('Papa', true)]).toEqual([
      'father',
      'mother',
      'father',
    ]);
  });
});
