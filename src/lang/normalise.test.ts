import { describe, expect, it } from 'vitest';
import { foldForMatch, normalise, tokens } from './normalise.js';

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
