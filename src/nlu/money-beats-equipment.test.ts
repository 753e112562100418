import { describe, expect, it } from 'vitest';
import { foldForMatch } from '../lang/normalise.js';
import { extractCategory } from './extract-category.js';

const category = (text: string) => extractCategory(foldForMatch(text).split(' '));

describe('a money demand decides the complaint category', () => {
  it.each([
    'xray machine kharab hai bolke technician ne 300 rupaye maange',
    'bed nahi tha, phir ward boy ne ₹200 liye tab bed mila',
    'the lift was broken and the guard demanded 100 rupees to take the stretcher up',
    'ऑक्सीजन नहीं थी और नर्स ने 500 रुपये मांगे',
    'fan band tha, upar se rishwat maangi',
    'AC kharab tha aur safai wale ne 50 liye',
  ])('%j → bribery_or_fees', (text) => {
    expect(category(text)).toBe('bribery_or_fees');
  });

  it.each([
    ['x ray machine 3 din se kharab hai', 'equipment_or_facilities'],
    ['bed nahi mila, 2 ghante zameen pe lete rahe', 'equipment_or_facilities'],
    ['300 rupaye ki dawai bahar se kharidni padi', 'medicine_unavailable'],
  ])('without a demand for money: %j → %s', (text, expected) => {
    expect(category(text)).toBe(expected);
  });
});
