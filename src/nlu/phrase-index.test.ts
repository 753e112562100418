import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyConfirmationText } from '../lang/confirmation.js';
import { analyse } from './analyse.js';
import { isCorrection } from './correction.js';
import { withinEdits } from './edit-distance.js';
import { PhraseIndex } from './phrase-index.js';

describe('PhraseIndex', () => {
  const index = new PhraseIndex<string>([
    ['janm', 'a'],
    ['janm praman patra', 'b'],
    ['praman patra', 'c'],
    ['हाँ जी', 'd'],
  ]);

  it('finds every match, overlapping ones too', () => {
    expect(index.findAll(['janm', 'praman', 'patra'])).toEqual([
      { value: 'b', start: 0, end: 3 },
      { value: 'a', start: 0, end: 1 },
      { value: 'c', start: 1, end: 3 },
    ]);
  });

  it('takes the longest match at each position without overlaps', () => {
    expect(index.findLongest(['meri', 'janm', 'praman', 'patra', 'janm'])).toEqual([
      { value: 'b', start: 1, end: 4 },
      { value: 'a', start: 4, end: 5 },
    ]);
  });

  it('folds its phrases like the text (ँ and ं match)', () => {
    expect(index.findLongest(['हां', 'जी'])).toEqual([{ value: 'd', start: 0, end: 2 }]);
  });
});

describe('withinEdits', () => {
  it.each([
    ['certifcate', 'certificate', 1, true],
    ['compliant', 'complaint', 1, true],
    ['shikayat', 'shikayat', 0, true],
    ['status', 'stature', 1, false],
    ['abc', 'abcdef', 2, false],
  ] as const)('%s ~ %s within %d: %s', (a, b, max, expected) => {
    expect(withinEdits(a, b, max)).toBe(expected);
  });

  it('one edit (the typo checks) agrees with the optimal string alignment distance', () => {
    // the distance by the full table, as withinEdits computed it for every max before its one-edit shortcut
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) =>
        Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
      );
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(
            d[i - 1][j] + 1,
            d[i][j - 1] + 1,
            d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      return d[a.length][b.length];
    };
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 6 });
    fc.assert(
      fc.property(word, word, (a, b) => withinEdits(a, b, 1) === osa(a, b) <= 1),
      { numRuns: 5000 },
    );
  });
});

describe('isCorrection', () => {
  it.each([
    [['nahi', 'date', '5', 'march', 'hai'], true],
    [['sorry', 'mother', 's', 'name', 'is', 'rekha'], true],
    [['date', 'galat', 'hai'], true],
    [['not', 'rekha', 'but', 'reena'], true],
    [['नहीं', 'माँ', 'का', 'नाम', 'सुनीता'], true],
    [['nahi'], false],
    [['naam', 'priya', 'hai'], false],
  ])('%j → %s', (tokens, expected) => {
    expect(isCorrection(tokens)).toBe(expected);
  });
});

describe('properties', () => {
  const now = new Date('2026-03-20T10:00:00Z');

  it('analyses any text without throwing, with scores in [0, 1] sorted high to low', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const a = analyse(text, { now });
        const scores = a.intents.map((i) => i.score);
        expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
        expect(scores).toEqual([...scores].sort((x, y) => y - x));
      }),
      { numRuns: 300 },
    );
  });

  it('never reads a yes into a message that also negates or corrects', () => {
    const word = fc.constantFrom('haan', 'yes', 'ok', 'ji', 'हाँ', 'theek', 'sahi', 'please', 'hai', 'sir');
    const spoiler = fc.constantFrom(
      'nahi',
      'no',
      'galat',
      'wrong',
      'change',
      'नहीं',
      'गलत',
      'cancel',
      'but',
      'lekin',
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), spoiler, fc.array(word, { maxLength: 4 }), (a, s, b) => {
        expect(classifyConfirmationText([...a, s, ...b].join(' '))).not.toBe('yes');
      }),
    );
  });
});
