import { describe, expect, it } from 'vitest';
import { extractDistrict } from './extract-district.js';

// Spellings of the old names people still use (lexicon/districts.ts)
describe('old district names as typed', () => {
  it.each(['alahabad', 'Allahabad', 'ilahabad', 'अलाहाबाद', 'इलाहाबाद'])('%j is Prayagraj', (text) => {
    expect(extractDistrict(text)).toBe('Prayagraj');
  });
});
