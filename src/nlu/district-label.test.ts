import { describe, expect, it } from 'vitest';
import { districtLabel } from './district-label.js';

describe('districtLabel', () => {
  it('shows the Devanagari name in Hindi and the canonical name otherwise', () => {
    expect(districtLabel('Sitapur', 'hi')).toBe('सीतापुर');
    expect(districtLabel('lucknow', 'hi')).toBe('लखनऊ');
    expect(districtLabel('Sitapur', 'hinglish')).toBe('Sitapur');
    expect(districtLabel('Sitapur', 'en')).toBe('Sitapur');
  });
  it('leaves a district the gazetteer does not know as written', () => {
    expect(districtLabel('Nowhere Nagar', 'hi')).toBe('Nowhere Nagar');
  });
});
