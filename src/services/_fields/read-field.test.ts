import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../types.js';
import { hasAddressWords, readField, speakerStatement, stripTalk } from './read-field.js';

const now = new Date('2026-11-24T04:30:00Z');
const t = { en: '', hi: '', hinglish: '' };
const name: FieldMeta = { kind: 'person_name', question: t, label: t };
const free: FieldMeta = { kind: 'free_text', question: t, label: t };
const address: FieldMeta = { kind: 'address', question: t, label: t };

describe('readField: the talk around an answer is not the answer', () => {
  it.each([
    ['बताती हूँ, रमेश कुमार धन्यवाद', 'रमेश कुमार'],
    ['ok so his name is Suresh Kumar', 'Suresh Kumar'],
    ['haan ji naam hai Sunita Devi', 'Sunita Devi'],
    ['Ramesh Kumar, thanks', 'Ramesh Kumar'],
    ['Mohd. Irfan Khan ji', 'Mohd. Irfan Khan'],
    ['thank you', null],
  ])('name %j → %j', (text, value) => {
    expect(readField(name, text, now)).toBe(value);
  });

  it.each([
    ['okay so farming and daily wages, thank you', 'farming and daily wages'],
    ['जी, खेती धन्यवाद', 'खेती'],
  ])('free text %j → %j', (text, value) => {
    expect(readField(free, text, now)).toBe(value);
  });
});

describe('stripTalk', () => {
  it.each([
    ['ok so Kabir please help', 'Kabir'],
    ['yes ji, B-14 Arera Colony', 'B-14 Arera Colony'],
    ['let me tell you, Neha Gupta thank you', 'Neha Gupta'],
    ['अच्छा तो प्रिया वर्मा', 'प्रिया वर्मा'],
    ['thank you', ''],
    ['ok', ''],
    ['Hina Khan', 'Hina Khan'],
  ])('%j → %j', (text, bare) => {
    expect(stripTalk(text)).toBe(bare);
  });
});

describe('readField: an answer meant for another question is not a free-text or address value', () => {
  it.each([
    ['227301', null],
    ['२२७३०१', null],
    ['12', null],
    ['mai papa hoon', null],
    ['I am the father.', null],
    ['मैं उसका भाई हूँ', null],
    ['mummy ka', null],
    ['school admission', 'school admission'],
    ['main Jatav hoon', 'Jatav'],
  ])('free text %j → %j', (text, value) => {
    expect(readField(free, text, now)).toBe(value);
  });

  it.each([
    ['pin 208001', null],
    ['208001', null],
    ['पिन कोड २२६००१', null],
    ['mai papa hoon', null],
    ['12 Gandhi Nagar, Kanpur 208001', '12 Gandhi Nagar, Kanpur 208001'],
    ['मकान 45, गांधी नगर', 'मकान 45, गांधी नगर'],
  ])('address %j → %j', (text, value) => {
    expect(readField(address, text, now)).toBe(value);
  });

  it('a verb alone is no name ("papa hoon" leaves "hoon" behind the label)', () => {
    expect(readField(name, 'hoon', now)).toBeNull();
    expect(readField(name, 'है', now)).toBeNull();
  });
});

describe('speakerStatement, hasAddressWords', () => {
  it.each([
    ['mai papa hoon', true],
    ['main uska bhai hoon', true],
    ["I'm the mother", true],
    ['मैं पिता हूँ', true],
    ['ok, I am his father', true],
    ['main Gandhi Nagar mein rehta hoon', false],
    ['papa ka naam Ramesh', false],
  ])('%j → %s', (text, is) => {
    expect(speakerStatement(text)).toBe(is);
  });

  it.each([
    ['pin 208001', false],
    ['PIN code: 226 001', false],
    ['H.No. 12', true],
    ['Rampur', true],
    ['12 शास्त्री कॉलोनी', true],
    ['पिन कोड 226001', false],
  ])('%j → %s', (text, has) => {
    expect(hasAddressWords(text)).toBe(has);
  });
});
