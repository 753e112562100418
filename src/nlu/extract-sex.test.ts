import { describe, expect, it } from 'vitest';
import { foldForMatch, tokens } from '../lang/normalise.js';
import { extractSex } from './extract-sex.js';

const sex = (text: string, bare = false) => extractSex(tokens(foldForMatch(text)), { bare });

describe('extractSex', () => {
  it.each([
    ['it is a boy', 'male'],
    ['my son', 'male'],
    ['baby girl', 'female'],
    ['my daughter was born', 'female'],
    ['Female', 'female'],
    ['transgender', 'transgender'],
    ['बेटा हुआ है', 'male'],
    ['लड़का', 'male'],
    ['पुत्री', 'female'],
    ['मेरी बेटी', 'female'],
    ['किन्नर', 'transgender'],
    ['beta hua hai', 'male'],
    ['ladki', 'female'],
    ['larka', 'male'],
    ['putri', 'female'],
    ['beti ka janm praman patra', 'female'],
    ['kinnar', 'transgender'],
    ['ladka nahi, ladki hai', 'female'],
    ['ladki hai ladka nahi', 'female'],
    ['a girl not a boy', 'female'],
    // two children named: which one this application is for is asked
    ['judwa bachche hue hain ek beta ek beti', null],
    ['एक बेटा और एक बेटी हुई है', null],
    ['twins, a boy and a girl', null],
    // one child, of another
    ['mere bete ki beti hui hai', 'female'],
    ["my son's daughter", 'female'],
    ['meri beti ka beta hua', 'male'],
  ] as const)('%j → %s', (text, expected) => {
    expect(sex(text)).toBe(expected);
  });

  it('reads M / F / purush / mahila only as an answer to "boy or girl?"', () => {
    expect(sex('M', true)).toBe('male');
    expect(sex('f', true)).toBe('female');
    expect(sex('महिला', true)).toBe('female');
    expect(sex('mahila aspatal mein shikayat')).toBeNull();
    expect(sex('m')).toBeNull();
  });

  it.each(['mujhe certificate chahiye', 'mother name Rekha', 'shikayat karni hai'])(
    'finds nothing in %j',
    (text) => {
      expect(sex(text)).toBeNull();
    },
  );
});
