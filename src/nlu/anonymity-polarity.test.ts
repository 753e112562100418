import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../lang/normalise.js';
import { analyse } from './analyse.js';
import { extractAnonymous } from './extract-anonymous.js';

const now = new Date('2026-11-24T04:30:00Z');
const folded = (s: string) => foldForMatch(s).split(' ');
const asked = (text: string) => analyse(text, { now, expecting: 'anonymous' }).slots.anonymous;

describe('anonymity: the verb and its own negation', () => {
  it.each([
    // Hinglish
    ['mera naam mat chhupaiye', false],
    ['naam chupane ki koi zarurat nahi', false],
    ['nahi, mera naam chhupana nahi hai', false],
    ['naam dikha do koi dikkat nahi', false],
    ['haan naam chhupa dijiye please', true],
    ['mera naam hospital walon ko mat batana', true],
    ['na, naam mat dikhana', true],
    // English
    ['no need to hide who I am, use my name', false],
    ['please do not hide my name', false],
    ["I don't want to be anonymous", false],
    ['yes keep my name secret', true],
    ['please keep my name sceret', true],
    ['keep me anonymus', true],
    ["don't show my name to the hospital", true],
    ['no, you can show my name', false],
    // Hindi
    ['मेरा नाम मत छुपाइए', false],
    ['नहीं, नाम छुपाने की ज़रूरत नहीं है', false],
    ['हाँ, मेरा नाम छुपा दीजिए', true],
    ['मेरा नाम अस्पताल को मत बताना', true],
    ['नाम दिखा सकते हैं', false],
    // "na" before a verb negates it; at the end it only asks nicely
    ['naam gupt na rakhein', false],
    ['मेरा नाम गुप्त न रखें', false],
    ['mera naam chhupa dijiye na', true],
    // not forgetting to hide is hiding
    ["don't forget to hide my name", true],
    ['naam chhupana mat bhoolna', true],
    ['नाम छुपाना मत भूलना', true],
  ])('%j → anonymous %s', (text, expected) => {
    expect(asked(text)).toBe(expected);
  });

  it.each([
    ["don't hide it", false],
    ['hide it please', true],
    ['chhupana mat', false],
    ['chupa do', true],
    ['mat chupao', false],
    ['छुपाना नहीं', false],
  ])('answering "hide your name?": %j → %s', (text, expected) => {
    expect(extractAnonymous(folded(text), { asked: true })).toBe(expected);
  });

  it.each([
    'maine apna naam bata diya tha phir bhi unhone dhyan nahi diya',
    'doctor ne mera naam likh liya',
    'usne report chhupa li',
  ])('a story that mentions names and hiding is no answer: %j', (text) => {
    expect(extractAnonymous(folded(text))).toBeNull();
  });

  it('an answer to the anonymity question is not a correction', () => {
    expect(analyse('no, show my name', { now, expecting: 'anonymous' }).correction).toBe(false);
  });
});

describe('anonymity words far from the name', () => {
  it('"the private one" in a story is no answer', () => {
    expect(extractAnonymous(folded('they asked for 400 rupees to use the private one'))).toBeNull();
  });
  it('"no need to keep it secret" is not anonymous', () => {
    expect(extractAnonymous(folded('no need to keep it secret'), { asked: true })).toBe(false);
  });
});

describe('a name that starts like a verb', () => {
  it('"naam Diksha nahi, Deeksha hai" says nothing about anonymity', () => {
    expect(extractAnonymous(folded('sorry naam Diksha nahi, Deeksha hai'))).toBeNull();
  });
});
