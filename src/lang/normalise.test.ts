import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForMatch, normalise, tokens } from './normalise.js';

// normalise and the ASCII fold as written before their shortcuts for text with even spacing
const reference = {
  normalise: (text: string) =>
    text
      .normalize('NFC')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(/[\u0966-\u096F]/g, (d) => String(d.charCodeAt(0) - 0x0966))
      .replace(/[^\S\n]+/gu, ' ')
      .replace(/\s*\n\s*/g, '\n')
      .trim(),
  foldAscii: (normalised: string) =>
    normalised
      .toLowerCase()
      .replace(/([a-z])\1{2,}/g, '$1')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim(),
};
// the characters whose handling the shortcuts skip or keep: spaces of every kind, line breaks, punctuation
const messy = fc.string({
  unit: fc.constantFrom(
    'a',
    'A',
    'b',
    '1',
    ' ',
    ' ',
    '\t',
    '\n',
    '\r',
    '\u00A0',
    '\u2003',
    ',',
    '.',
    '-',
    '\u200B',
    '१',
    'क',
    '\u093C',
  ),
  maxLength: 12,
});

describe('normalise and foldForMatch shortcuts', () => {
  it('give what the full passes give', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const n = normalise(text);
        expect(n).toBe(reference.normalise(text));
        if (/^[\x00-\x7F]*$/.test(n)) expect(foldForMatch(text)).toBe(reference.foldAscii(n));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('normalise', () => {
  it.each([
    ['  mera   naam\n\tPriya  ', 'mera naam\nPriya'],
    ['a \r\n\n b', 'a\nb'],
    ['\t  naam  ', 'naam'],
    ['१२/०३/२०२६', '12/03/2026'],
    ['पिन २२६००१', 'पिन 226001'],
    ['हि\u200Dंदी', 'हिंदी'],
    ['na\u200Bhi\uFEFF', 'nahi'],
    ['sof\u00ADt', 'soft'],
    ['\u0915\u094D\u200C\u0937', '\u0915\u094D\u0937'],
    // decomposed (NFD) "é" becomes the composed code point
    ['cafe\u0301', 'caf\u00E9'],
    ['BC-2026-000123', 'BC-2026-000123'],
  ])('%j → %j', (input, expected) => {
    expect(normalise(input)).toBe(expected);
  });
});

describe('foldForMatch', () => {
  it.each([
    ['लड़का', 'लडका'],
    ['\u0921\u093C', '\u0921'],
    // precomposed ड़ (U+095C) folds like the decomposed one
    ['\u095C', '\u0921'],
    ['हाँ', 'हां'],
    ['हाँ!!', 'हां'],
    ['ज़िला', 'जिला'],
    ['Hello, World!', 'hello world'],
    ['Haan ji...', 'haan ji'],
    ['hiiii', 'hi'],
    ['pleaseeee help', 'please help'],
    ["mother's name", 'mother s name'],
    ['१२ मार्च', '12 मार्च'],
    ['👍', ''],
  ])('%j → %j', (input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });

  it('splits folded text into tokens', () => {
    expect(tokens(foldForMatch('Mera naam, Priya!'))).toEqual(['mera', 'naam', 'priya']);
    expect(tokens('')).toEqual([]);
  });
});
