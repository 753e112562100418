import { describe, expect, it } from 'vitest';
import { foldForMatch, tokens } from '../lang/normalise.js';
import { extractAnonymous } from './extract-anonymous.js';
import { extractCategory } from './extract-category.js';
import { extractDate } from './extract-date.js';

const category = (text: string) => extractCategory(tokens(foldForMatch(text)));

// A letter missed on a phone's keyboard ("shoued", "misbeaved") still says what the complaint is;
// only the surest words count this way, and a real word that merely looks alike does not.
describe('a complaint word typed with a letter missing', () => {
  it.each([
    ['the ward boy shoued at my mother and misbeaved with us', 'staff_behaviour'],
    ['nurse ne badtamezi ki', 'staff_behaviour'],
    ['the nurse insuted my wife', 'staff_behaviour'],
    ['the guard slaped my father', 'staff_behaviour'],
  ])('"%s" is %s', (text, expected) => {
    expect(category(text)).toBe(expected);
  });

  it.each([
    'he wanted to see the doctor',
    'the person in charge was not there',
    'we changed the ward',
    'my father is a diabetic and needs insulin',
  ])('"%s" names no category', (text) => {
    expect(category(text)).toBeNull();
  });
});

describe('"yesterday" typed with a letter wrong', () => {
  const now = new Date('2026-11-24T04:30:00Z');
  it.each(['yesteday', 'yesturday', 'yesterdy', 'yesterday'])('%j is the day before', (text) => {
    expect(extractDate(text, now)).toBe('2026-11-23');
  });
});

describe('"share" typed in a hurry, on the question whether to hide the name', () => {
  it.each([
    ['no, you can shre my name', false],
    ['you can sahre my name', false],
    ["don't shre my name", true],
  ] as const)('%j → anonymous %s', (text, anonymous) => {
    expect(extractAnonymous(tokens(foldForMatch(text)), { asked: true })).toBe(anonymous);
  });
});
