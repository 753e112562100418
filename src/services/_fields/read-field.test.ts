import { describe, expect, it } from 'vitest';
import type { FieldMeta } from '../types.js';
import { readField, stripTalk } from './read-field.js';

const now = new Date('2026-11-24T04:30:00Z');
const t = { en: '', hi: '', hinglish: '' };
const name: FieldMeta = { kind: 'person_name', question: t, label: t };
const free: FieldMeta = { kind: 'free_text', question: t, label: t };

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
